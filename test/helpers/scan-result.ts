/** Builders of realistic ScanResult objects for reporter tests. */
import { createHash } from 'node:crypto';
import type { Finding, RuleSummary, ScanError, ScanResult, Severity } from '../../scanners/core/types.js';

/** The planted secret: only its hash and 4-character preview may ever reach a finding. */
export const PLANTED_SECRET = 'AKIAIOSFODNN7EXAMPLEplanted';
export const PLANTED_SECRET_SHA256 = sha256(PLANTED_SECRET);

/** Hex SHA-256 of a string. */
export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** A finding with plausible defaults; `overrides` win. */
export function buildFinding(overrides: Partial<Finding> = {}): Finding {
  const ruleId = overrides.ruleId ?? 'PAL-TEST-001';
  const file = overrides.location?.file ?? 'infra/main.tf';
  return {
    ruleId,
    title: 'Test rule title',
    severity: 'medium',
    category: 'iac',
    message: 'Something is misconfigured.',
    location: { file, startLine: 1, startColumn: 1, endLine: 1, endColumn: 10 },
    remediation: 'Configure it properly.',
    helpUri: `https://palisade.dev/rules/${ruleId}`,
    cwe: [],
    benchmarks: [],
    tags: [],
    fingerprint: sha256(`${ruleId}|${file}|${overrides.resource ?? ''}|${overrides.message ?? ''}`),
    ...overrides,
  };
}

/** Rule metadata matching a finding. */
export function ruleFor(finding: Finding, overrides: Partial<RuleSummary> = {}): RuleSummary {
  return {
    id: finding.ruleId,
    title: finding.title,
    severity: finding.severity,
    category: finding.category,
    description: `${finding.title}: full description.`,
    remediation: finding.remediation,
    helpUri: finding.helpUri,
    cwe: finding.cwe,
    benchmarks: finding.benchmarks,
    tags: finding.tags,
    docs: `## ${finding.title}\n\nWhy it matters, and how to fix it.`,
    ...overrides,
  };
}

/** A result around `findings`, with one rule per distinct rule id. */
export function buildScanResult(findings: Finding[], overrides: Partial<ScanResult> = {}): ScanResult {
  const rules = new Map<string, RuleSummary>();
  for (const finding of findings) if (!rules.has(finding.ruleId)) rules.set(finding.ruleId, ruleFor(finding));
  return {
    schemaVersion: '1.1.0',
    tool: { name: 'palisade', version: '0.1.0', informationUri: 'https://palisade.dev' },
    root: '/home/ci/project',
    startedAt: '2025-01-15T10:20:30.456Z',
    finishedAt: '2025-01-15T10:20:31.789Z',
    findings,
    errors: [],
    rules: [...rules.values()],
    stats: {
      filesScanned: 12,
      filesSkipped: 1,
      bytesScanned: 48_213,
      durationMs: 1333,
      baselineHidden: 0,
      outsideDiff: 0,
    },
    failOn: 'high',
    ...overrides,
  };
}

export const XSS_MESSAGE = 'Label <script>alert("x")</script> & value a|b `tick` in ünïcødé 日本語 ✓';

/**
 * A scan across every category and severity: a suppressed finding, a secret, findings in a path with
 * spaces and unicode, HTML and pipes in messages, per-file errors and baseline-hidden findings.
 */
export function sampleScanResult(): ScanResult {
  const findings: Finding[] = [
    buildFinding({
      ruleId: 'PAL-AWS-S3-002',
      title: 'S3 bucket is publicly readable',
      severity: 'critical',
      category: 'iac',
      message: 'Bucket "logs" grants READ to AllUsers.',
      location: { file: 'infra/main.tf', startLine: 12, startColumn: 3, endLine: 12, endColumn: 24 },
      resource: 'aws_s3_bucket.logs',
      modulePath: 'module.storage',
      remediation: 'Set `acl = "private"` and enable the public access block.',
      cwe: ['CWE-732', 'CWE-284'],
      benchmarks: [{ framework: 'CIS AWS Foundations', version: '3.0.0', control: '2.1.4' }],
      tags: ['aws', 's3'],
      snippet: '  acl    = "public-read"',
    }),
    buildFinding({
      ruleId: 'PAL-AWS-S3-001',
      title: 'S3 bucket versioning is not enabled',
      severity: 'medium',
      category: 'iac',
      message: 'Versioning is not enabled on bucket "logs".',
      location: { file: 'infra/main.tf', startLine: 10, startColumn: 1, endLine: 14, endColumn: 2 },
      resource: 'aws_s3_bucket.logs',
      cwe: ['CWE-693'],
      tags: ['aws'],
      snippet: 'resource "aws_s3_bucket" "logs" {\n  bucket = "logs"',
    }),
    buildFinding({
      ruleId: 'PAL-K8S-001',
      title: 'Container runs in privileged mode',
      severity: 'high',
      category: 'iac',
      message: XSS_MESSAGE,
      location: { file: 'k8s/deploy ment ü.yaml', startLine: 21, startColumn: 9, endLine: 21, endColumn: 25 },
      resource: 'Deployment/web|api',
      cwe: ['CWE-250'],
      tags: ['kubernetes'],
      snippet: '        privileged: true',
    }),
    buildFinding({
      ruleId: 'PAL-GHA-001',
      title: 'pull_request_target checks out untrusted code',
      severity: 'high',
      category: 'pipeline',
      message: 'The workflow checks out the pull request head in a pull_request_target job.',
      location: {
        file: '.github/workflows/ci.yml',
        startLine: 18,
        startColumn: 9,
        endLine: 20,
        endColumn: 40,
      },
      resource: 'jobs.build.steps[1]',
      cwe: ['CWE-829'],
      tags: ['github-actions'],
    }),
    buildFinding({
      ruleId: 'PAL-SECRET-001',
      title: 'AWS access key id in source',
      severity: 'high',
      category: 'secret',
      message: 'An AWS access key id is committed in the source.',
      location: { file: 'config/settings.py', startLine: 4, startColumn: 21, endLine: 4, endColumn: 48 },
      remediation: 'Revoke the key in IAM and load credentials from the environment.',
      cwe: ['CWE-798'],
      tags: ['aws', 'credentials'],
      snippet: 'AWS_ACCESS_KEY_ID = "AKIA***********************"',
      secret: { sha256: PLANTED_SECRET_SHA256, preview: 'AKIA' },
      fingerprint: sha256(`PAL-SECRET-001|${PLANTED_SECRET_SHA256}`),
    }),
    buildFinding({
      ruleId: 'PAL-DOCKER-001',
      title: 'Base image is not pinned to a version or digest',
      severity: 'low',
      category: 'iac',
      message: 'FROM node:latest is not pinned.',
      location: { file: 'Dockerfile', startLine: 1, startColumn: 1, endLine: 1, endColumn: 17 },
      snippet: 'FROM node:latest',
      suppression: {
        kind: 'inline',
        justification: 'Dev image only; rebuilt nightly.',
        location: { file: 'Dockerfile', startLine: 1, startColumn: 18, endLine: 1, endColumn: 60 },
      },
    }),
    buildFinding({
      ruleId: 'PAL-POSTURE-001',
      title: 'Repository has no CODEOWNERS',
      severity: 'info',
      category: 'posture',
      message: 'No CODEOWNERS file assigns reviewers to @platform-team.',
      location: { file: 'README.md', startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 },
      suppression: { kind: 'config', justification: 'Tracked in SEC-42', until: '2099-12-31' },
    }),
  ];
  const errors: ScanError[] = [
    {
      code: 'parse-failed',
      level: 'error',
      file: 'k8s/broken.yaml',
      line: 3,
      message: 'could not parse YAML: bad indentation of a mapping entry',
      hint: 'Fix the YAML syntax; the file was not scanned.',
    },
    { code: 'binary', level: 'note', file: 'assets/logo.png', message: 'binary file skipped' },
  ];
  return buildScanResult(findings, {
    errors,
    stats: {
      filesScanned: 12,
      filesSkipped: 1,
      bytesScanned: 48_213,
      durationMs: 1333,
      baselineHidden: 2,
      outsideDiff: 0,
    },
  });
}

const SEVERITY_CYCLE: Severity[] = ['info', 'low', 'medium', 'high', 'critical'];

/** `count` findings over a few rules and files, severities cycling, for volume and truncation tests. */
export function generatedScanResult(count: number): ScanResult {
  const findings: Finding[] = [];
  for (let i = 0; i < count; i++) {
    const severity = SEVERITY_CYCLE[i % SEVERITY_CYCLE.length]!;
    const ruleId = `PAL-GEN-${String(i % 7).padStart(3, '0')}`;
    const file = `modules/m${i % 50}/main.tf`;
    findings.push(
      buildFinding({
        ruleId,
        title: `Generated rule ${i % 7}`,
        severity,
        message: `Generated finding number ${i} | with <markup>`,
        location: { file, startLine: 1 + i, startColumn: 1, endLine: 1 + i, endColumn: 5 },
        resource: `aws_s3_bucket.b${i}`,
        cwe: ['CWE-16'],
        fingerprint: sha256(`gen-${i}`),
      }),
    );
  }
  return buildScanResult(findings);
}
