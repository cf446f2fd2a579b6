import { describe, expect, it } from 'vitest';
import {
  CODE_QUALITY_SEVERITY,
  renderGitlabCodeQuality,
} from '../../scanners/reporters/gitlab-codequality.js';
import { buildFinding, buildScanResult, sampleScanResult } from '../helpers/scan-result.js';
import { codeQualityValidator, errorsText } from '../helpers/schemas.js';

const validate = codeQualityValidator();

// biome-ignore lint/suspicious/noExplicitAny: the report is walked as plain JSON
type Json = any;

describe('gitlab code quality reporter', () => {
  it('validates against the schema written from GitLab’s documentation', () => {
    for (const result of [sampleScanResult(), buildScanResult([])]) {
      const report = JSON.parse(renderGitlabCodeQuality(result));
      expect(validate(report), errorsText(validate.errors)).toBe(true);
    }
  });

  it('the schema rejects what GitLab would not read', () => {
    const report = JSON.parse(renderGitlabCodeQuality(sampleScanResult()));
    const bad = (mutate: (issue: Json) => void): boolean => {
      const copy = structuredClone(report);
      mutate(copy[0]);
      return validate(copy);
    };
    expect(bad((i) => (i.severity = 'high'))).toBe(false);
    expect(bad((i) => delete i.fingerprint)).toBe(false);
    expect(bad((i) => (i.location.lines.begin = 0))).toBe(false);
    expect(bad((i) => (i.location.path = '/abs/path.tf'))).toBe(false);
    expect(bad((i) => (i.location.line = 3))).toBe(false);
  });

  it('maps every severity onto GitLab’s five, keeping the order', () => {
    expect(CODE_QUALITY_SEVERITY).toEqual({
      critical: 'blocker',
      high: 'critical',
      medium: 'major',
      low: 'minor',
      info: 'info',
    });
    const findings = (['critical', 'high', 'medium', 'low', 'info'] as const).map((severity, i) =>
      buildFinding({
        severity,
        fingerprint: `fp-${i}`,
        location: { file: 'a.tf', startLine: i + 1, startColumn: 1, endLine: i + 1, endColumn: 2 },
      }),
    );
    const report = JSON.parse(renderGitlabCodeQuality(buildScanResult(findings)));
    expect(report.map((i: Json) => i.severity)).toEqual(['blocker', 'critical', 'major', 'minor', 'info']);
  });

  it('has one issue per active finding with rule, description, fingerprint and lines', () => {
    const result = sampleScanResult();
    const report = JSON.parse(renderGitlabCodeQuality(result));
    const active = result.findings.filter((f) => !f.suppression);
    expect(report).toHaveLength(active.length);
    const s3 = report.find((i: Json) => i.check_name === 'PAL-AWS-S3-001');
    const finding = active.find((f) => f.ruleId === 'PAL-AWS-S3-001')!;
    expect(s3.fingerprint).toBe(finding.fingerprint);
    expect(s3.description).toContain('Versioning is not enabled');
    expect(s3.location).toEqual({ path: 'infra/main.tf', lines: { begin: 10, end: 14 } });
  });

  it('makes fingerprints unique, since GitLab shows only the first issue of a fingerprint', () => {
    const a = buildFinding({ fingerprint: 'same' });
    const b = buildFinding({ fingerprint: 'same', location: { ...a.location, startLine: 5, endLine: 5 } });
    const report = JSON.parse(renderGitlabCodeQuality(buildScanResult([a, b])));
    expect(new Set(report.map((i: Json) => i.fingerprint)).size).toBe(2);
    expect(report[0].fingerprint).toBe('same');
  });
});
