import { describe, expect, it } from 'vitest';
import {
  FINGERPRINT_KEY,
  renderSarif,
  SARIF_LIMITS,
  SECURITY_SEVERITY,
} from '../../scanners/reporters/sarif.js';
import {
  buildFinding,
  buildScanResult,
  generatedScanResult,
  sampleScanResult,
} from '../helpers/scan-result.js';
import { errorsText, sarifValidator } from '../helpers/schemas.js';

const validate = sarifValidator();

// biome-ignore lint/suspicious/noExplicitAny: SARIF is walked as plain JSON
type Json = any;

function sarifOf(result = sampleScanResult(), options = {}): Json {
  return JSON.parse(renderSarif(result, options));
}

function expectValid(log: Json): void {
  expect(validate(log), errorsText(validate.errors)).toBe(true);
}

describe('sarif reporter', () => {
  it('validates against the OASIS SARIF 2.1.0 schema', () => {
    expectValid(sarifOf());
    expectValid(sarifOf(buildScanResult([])));
  });

  it('is a GitHub-ready log with one run, tool driver and category', () => {
    const log = sarifOf(sampleScanResult(), { automationId: 'palisade-iac' });
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('Palisade');
    expect(run.tool.driver.semanticVersion).toBe('0.1.0');
    expect(run.tool.driver.informationUri).toBe('https://palisade.dev');
    expect(run.automationDetails).toEqual({ id: 'palisade-iac/' });
    expect(sarifOf().runs[0].automationDetails).toEqual({ id: 'palisade/' });
    expect(run.originalUriBaseIds['%SRCROOT%']).toEqual({ uri: 'file:///home/ci/project/' });
    expect(run.invocations[0].executionSuccessful).toBe(true);
  });

  it('describes every rule with GitHub properties', () => {
    const result = sampleScanResult();
    const run = sarifOf(result).runs[0];
    expect(run.tool.driver.rules.map((r: Json) => r.id).sort()).toEqual(result.rules.map((r) => r.id).sort());
    const rule = run.tool.driver.rules.find((r: Json) => r.id === 'PAL-AWS-S3-002');
    expect(rule.name).toBe('S3BucketIsPubliclyReadable');
    expect(rule.shortDescription.text).toBe('S3 bucket is publicly readable');
    expect(rule.fullDescription.text).toContain('full description');
    expect(rule.help.text).toContain('acl = "private"');
    expect(rule.help.markdown).toContain('## Remediation');
    expect(rule.help.markdown).toContain('Why it matters');
    expect(rule.helpUri).toBe('https://palisade.dev/rules/PAL-AWS-S3-002');
    expect(rule.defaultConfiguration.level).toBe('error');
    expect(rule.properties['security-severity']).toBe('9.5');
    expect(rule.properties.tags).toEqual(
      expect.arrayContaining(['security', 'iac', 'external/cwe/cwe-732', 'external/cwe/cwe-284']),
    );
    expect(rule.properties.tags[0]).toBe('security');
    expect(['very-high', 'high', 'medium', 'low']).toContain(rule.properties.precision);
  });

  it('maps severities to levels and to scores inside GitHub bands', () => {
    const bands: Record<string, [number, number]> = {
      critical: [9.0, 10],
      high: [7.0, 8.9],
      medium: [4.0, 6.9],
      low: [0.1, 3.9],
      info: [0, 3.9],
    };
    for (const [severity, [low, high]] of Object.entries(bands)) {
      const score = Number(SECURITY_SEVERITY[severity as keyof typeof SECURITY_SEVERITY]);
      expect(score, severity).toBeGreaterThanOrEqual(low);
      expect(score, severity).toBeLessThanOrEqual(high);
    }
    const levels = Object.fromEntries(
      sarifOf().runs[0].results.map((r: Json) => [r.properties.severity, r.level]),
    );
    expect(levels).toEqual({
      critical: 'error',
      high: 'error',
      medium: 'warning',
      low: 'note',
      info: 'note',
    });
  });

  it('writes results with rule index, relative location, region, fingerprint and properties', () => {
    const run = sarifOf().runs[0];
    const result = run.results.find((r: Json) => r.ruleId === 'PAL-AWS-S3-002');
    expect(run.tool.driver.rules[result.ruleIndex].id).toBe('PAL-AWS-S3-002');
    expect(result.message.text).toBe('Bucket "logs" grants READ to AllUsers.');
    const location = result.locations[0].physicalLocation;
    expect(location.artifactLocation).toEqual({ uri: 'infra/main.tf', uriBaseId: '%SRCROOT%' });
    expect(location.region).toEqual({ startLine: 12, startColumn: 3, endLine: 12, endColumn: 24 });
    expect(result.properties).toMatchObject({
      severity: 'critical',
      category: 'iac',
      resource: 'aws_s3_bucket.logs',
    });
    for (const r of run.results) expect(r.partialFingerprints[FINGERPRINT_KEY]).toMatch(/^[0-9a-f]{64}$/);
  });

  it('percent-encodes paths with spaces and unicode as relative URI references', () => {
    const k8s = sarifOf().runs[0].results.find((r: Json) => r.ruleId === 'PAL-K8S-001');
    const uri = k8s.locations[0].physicalLocation.artifactLocation.uri;
    expect(uri).toBe('k8s/deploy%20ment%20%C3%BC.yaml');
    expect(decodeURIComponent(uri)).toBe('k8s/deploy ment ü.yaml');
  });

  it('marks suppressed findings: inline as inSource, config as external', () => {
    const results = sarifOf().runs[0].results;
    const inline = results.find((r: Json) => r.ruleId === 'PAL-DOCKER-001');
    expect(inline.suppressions).toEqual([
      expect.objectContaining({
        kind: 'inSource',
        status: 'accepted',
        justification: 'Dev image only; rebuilt nightly.',
      }),
    ]);
    expect(inline.suppressions[0].location.physicalLocation.artifactLocation.uri).toBe('Dockerfile');
    const config = results.find((r: Json) => r.ruleId === 'PAL-POSTURE-001');
    expect(config.suppressions[0]).toMatchObject({ kind: 'external', status: 'accepted' });
    expect(config.suppressions[0].properties.until).toBe('2099-12-31');
    const active = results.filter((r: Json) => !r.suppressions);
    expect(active).toHaveLength(5);
  });

  it('reports per-file errors as tool execution notifications', () => {
    const notifications = sarifOf().runs[0].invocations[0].toolExecutionNotifications;
    expect(notifications).toHaveLength(2);
    const parse = notifications.find((n: Json) => n.descriptor.id === 'parse-failed');
    expect(parse.level).toBe('error');
    expect(parse.message.text).toContain('could not parse YAML');
    expect(parse.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'k8s/broken.yaml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 3 },
    });
    const note = notifications.find((n: Json) => n.descriptor.id === 'binary');
    expect(note.level).toBe('note');
    expect(note.locations[0].physicalLocation.region).toBeUndefined();
  });

  it('adds a rule descriptor for a finding whose rule is missing from result.rules', () => {
    const result = buildScanResult([buildFinding({ ruleId: 'PAL-ORPHAN-1' })], { rules: [] });
    const log = sarifOf(result);
    expectValid(log);
    const run = log.runs[0];
    expect(run.tool.driver.rules[run.results[0].ruleIndex].id).toBe('PAL-ORPHAN-1');
  });

  it('keeps regions valid when the engine hands over an inverted range', () => {
    const finding = buildFinding({
      location: { file: 'a.tf', startLine: 5, startColumn: 4, endLine: 3, endColumn: 1 },
    });
    const log = sarifOf(buildScanResult([finding]));
    expectValid(log);
    const region = log.runs[0].results[0].locations[0].physicalLocation.region;
    expect(region.endLine).toBeGreaterThanOrEqual(region.startLine);
  });

  it('caps rule tags at GitHub’s 20', () => {
    const finding = buildFinding({ tags: Array.from({ length: 30 }, (_, i) => `tag-${i}`), cwe: ['CWE-1'] });
    const rule = sarifOf(buildScanResult([finding])).runs[0].tool.driver.rules[0];
    expect(rule.properties.tags).toHaveLength(SARIF_LIMITS.tagsPerRule);
    expect(rule.properties.tags.slice(0, 3)).toEqual(['security', 'iac', 'external/cwe/cwe-1']);
  });

  it('truncates at 25,000 results, keeping the most severe, and says so', () => {
    const total = SARIF_LIMITS.resultsPerRun + 10;
    const result = generatedScanResult(total);
    const log = sarifOf(result);
    const run = log.runs[0];
    expect(run.results).toHaveLength(25_000);
    expect(run.properties.truncated).toEqual({ droppedResults: 10, totalResults: total, maxResults: 25_000 });
    const notice = run.invocations[0].toolExecutionNotifications.find(
      (n: Json) => n.descriptor.id === 'palisade/sarif-truncated',
    );
    expect(notice.level).toBe('warning');
    expect(notice.message.text).toContain('10 of 25010');
    // Every dropped finding is info (the least severe); all critical ones survive.
    const kept = new Set(run.results.map((r: Json) => r.partialFingerprints[FINGERPRINT_KEY]));
    const dropped = result.findings.filter((f) => !kept.has(f.fingerprint));
    expect(dropped).toHaveLength(10);
    expect(new Set(dropped.map((f) => f.severity))).toEqual(new Set(['info']));
    expectValid(log);
  }, 60_000);

  it('does not truncate at exactly the limit', () => {
    const run = sarifOf(generatedScanResult(SARIF_LIMITS.resultsPerRun)).runs[0];
    expect(run.results).toHaveLength(SARIF_LIMITS.resultsPerRun);
    expect(run.properties).toBeUndefined();
  }, 60_000);

  it('drops suppressed results before active ones when truncating', () => {
    const result = generatedScanResult(SARIF_LIMITS.resultsPerRun + 5);
    // Five critical findings are suppressed: they go before any active info finding.
    const suppressedCritical = result.findings.filter((f) => f.severity === 'critical').slice(0, 5);
    for (const f of suppressedCritical) f.suppression = { kind: 'config', justification: 'accepted risk' };
    const kept = new Set(
      sarifOf(result).runs[0].results.map((r: Json) => r.partialFingerprints[FINGERPRINT_KEY]),
    );
    for (const f of suppressedCritical) expect(kept.has(f.fingerprint)).toBe(false);
  }, 60_000);
});
