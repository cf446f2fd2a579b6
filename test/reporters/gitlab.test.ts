import { describe, expect, it } from 'vitest';
import { gitlabTime, NULL_COMMIT_SHA, uuidV5 } from '../../scanners/reporters/gitlab-common.js';
import { renderGitlabSast } from '../../scanners/reporters/gitlab-sast.js';
import { renderGitlabSecretDetection } from '../../scanners/reporters/gitlab-secret-detection.js';
import { buildFinding, buildScanResult, sampleScanResult } from '../helpers/scan-result.js';
import { errorsText, gitlabSastValidator, gitlabSecretsValidator } from '../helpers/schemas.js';

const validateSast = gitlabSastValidator();
const validateSecrets = gitlabSecretsValidator();

// biome-ignore lint/suspicious/noExplicitAny: reports are walked as plain JSON
type Json = any;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const GITLAB_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;

function sast(result = sampleScanResult(), options = {}): Json {
  return JSON.parse(renderGitlabSast(result, options));
}
function secrets(result = sampleScanResult(), options = {}): Json {
  return JSON.parse(renderGitlabSecretDetection(result, options));
}

describe('gitlab reports', () => {
  it('validate against the GitLab 15.2.1 schemas', () => {
    for (const result of [sampleScanResult(), buildScanResult([])]) {
      expect(validateSast(sast(result)), errorsText(validateSast.errors)).toBe(true);
      expect(validateSecrets(secrets(result)), errorsText(validateSecrets.errors)).toBe(true);
    }
  });

  it('are not interchangeable: each fails the other schema (so validation is not vacuous)', () => {
    expect(validateSast(secrets())).toBe(false);
    expect(validateSecrets(sast())).toBe(false);
  });

  it('describe the scan: version, analyzer, scanner, type, status and times', () => {
    const report = sast();
    expect(report.version).toBe('15.2.1');
    for (const tool of [report.scan.analyzer, report.scan.scanner]) {
      expect(tool).toMatchObject({
        id: 'palisade',
        name: 'Palisade',
        version: '0.1.0',
        vendor: { name: 'Palisade' },
      });
    }
    expect(report.scan.type).toBe('sast');
    expect(secrets().scan.type).toBe('secret_detection');
    expect(report.scan.status).toBe('success');
    expect(report.scan.start_time).toBe('2025-01-15T10:20:30');
    expect(report.scan.end_time).toBe('2025-01-15T10:20:31');
    expect(report.scan.messages).toEqual([
      expect.objectContaining({ level: 'warn', value: expect.stringContaining('k8s/broken.yaml:3') }),
      expect.objectContaining({ level: 'info', value: expect.stringContaining('assets/logo.png') }),
    ]);
  });

  it('the SAST report has the active iac, pipeline and posture findings; the secret report only secrets', () => {
    const result = sampleScanResult();
    const sastRules = sast(result)
      .vulnerabilities.map((v: Json) => v.identifiers[0].value)
      .sort();
    expect(sastRules).toEqual(['PAL-AWS-S3-001', 'PAL-AWS-S3-002', 'PAL-GHA-001', 'PAL-K8S-001']);
    const secretVulns = secrets(result).vulnerabilities;
    const secretRuleIds = new Set(
      result.findings.filter((f) => f.category === 'secret').map((f) => f.ruleId),
    );
    expect(secretVulns).toHaveLength(1);
    for (const v of secretVulns) expect(secretRuleIds.has(v.identifiers[0].value)).toBe(true);
  });

  it('leaves suppressed findings out', () => {
    const result = sampleScanResult();
    const suppressedRules = result.findings.filter((f) => f.suppression).map((f) => f.ruleId);
    expect(suppressedRules.length).toBeGreaterThan(0);
    const reported = [...sast(result).vulnerabilities, ...secrets(result).vulnerabilities].map(
      (v: Json) => v.identifiers[0].value,
    );
    for (const ruleId of suppressedRules) expect(reported).not.toContain(ruleId);
  });

  it('gives vulnerabilities a deterministic UUID, severity, rule and CWE identifiers and a location', () => {
    const result = sampleScanResult();
    const vuln = sast(result).vulnerabilities.find((v: Json) => v.identifiers[0].value === 'PAL-AWS-S3-002');
    const finding = result.findings.find((f) => f.ruleId === 'PAL-AWS-S3-002')!;
    expect(vuln.id).toMatch(UUID);
    expect(vuln.id).toBe(uuidV5(finding.fingerprint));
    expect(sast(result).vulnerabilities[0].id).toBe(sast(sampleScanResult()).vulnerabilities[0].id);
    expect(vuln.name).toBe('S3 bucket is publicly readable');
    expect(vuln.description).toBe(finding.message);
    expect(vuln.severity).toBe('Critical');
    expect(vuln.solution).toContain('acl = "private"');
    expect(vuln.identifiers[0]).toMatchObject({ type: 'palisade_rule_id', value: 'PAL-AWS-S3-002' });
    expect(vuln.identifiers.slice(1)).toEqual([
      { type: 'cwe', name: 'CWE-732', value: '732', url: 'https://cwe.mitre.org/data/definitions/732.html' },
      { type: 'cwe', name: 'CWE-284', value: '284', url: 'https://cwe.mitre.org/data/definitions/284.html' },
    ]);
    expect(vuln.location).toEqual({ file: 'infra/main.tf', start_line: 12, end_line: 12 });
    const severities = new Set(sast(result).vulnerabilities.map((v: Json) => v.severity));
    expect(severities).toEqual(new Set(['Critical', 'High', 'Medium']));
  });

  it('ids stay unique when two findings share a fingerprint', () => {
    const twin = buildFinding({ fingerprint: 'f'.repeat(64) });
    const report = sast(
      buildScanResult([twin, { ...twin, location: { ...twin.location, startLine: 9, endLine: 9 } }]),
    );
    const ids = report.vulnerabilities.map((v: Json) => v.id);
    expect(new Set(ids).size).toBe(2);
  });

  it('lists every rule of the report type as a primary identifier', () => {
    const result = sampleScanResult();
    const sastIds = sast(result).scan.primary_identifiers.map((i: Json) => i.value);
    expect(sastIds).toContain('PAL-DOCKER-001');
    expect(sastIds).not.toContain('PAL-SECRET-001');
    expect(secrets(result).scan.primary_identifiers.map((i: Json) => i.value)).toEqual(['PAL-SECRET-001']);
  });

  it('puts the commit in secret locations, defaulting to forty zeros', () => {
    expect(secrets().vulnerabilities[0].location).toEqual({
      file: 'config/settings.py',
      start_line: 4,
      end_line: 4,
      commit: { sha: NULL_COMMIT_SHA },
    });
    const sha = '3f2a9c0e1b7d4a6f8c5e2d1b0a9f8e7d6c5b4a39';
    expect(secrets(sampleScanResult(), { commitSha: sha }).vulnerabilities[0].location.commit).toEqual({
      sha,
    });
    expect(secrets().vulnerabilities[0]).not.toHaveProperty('raw_source_code_extract');
  });

  it('reports failure when nothing could be scanned', () => {
    const result = buildScanResult([], {
      errors: [{ code: 'read-failed', level: 'error', file: 'main.tf', message: 'EACCES' }],
      stats: { ...sampleScanResult().stats, filesScanned: 0 },
    });
    const report = sast(result);
    expect(report.scan.status).toBe('failure');
    expect(validateSast(report), errorsText(validateSast.errors)).toBe(true);
  });

  it('keeps names within the schema’s 255 characters', () => {
    const long = buildFinding({ title: 'x'.repeat(400) });
    const report = sast(buildScanResult([long]));
    expect(report.vulnerabilities[0].name.length).toBeLessThanOrEqual(255);
    expect(validateSast(report), errorsText(validateSast.errors)).toBe(true);
  });

  it('formats times as yyyy-mm-ddThh:mm:ss in UTC', () => {
    expect(gitlabTime('2025-01-15T12:20:30.456+02:00')).toBe('2025-01-15T10:20:30');
    expect(gitlabTime('not a date')).toMatch(GITLAB_TIME);
  });
});
