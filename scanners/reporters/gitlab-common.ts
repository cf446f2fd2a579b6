/** What the GitLab SAST and secret detection reports (security report schema 15.2.1) share. */
import { createHash } from 'node:crypto';
import type { Category, Finding, ScanResult, Severity } from '../core/types.js';
import {
  compareByLocation,
  cweNumbers,
  cweUrl,
  httpUrl,
  ruleCatalog,
  scrubResult,
  truncate,
  uniqueKeys,
} from './shared.js';
import type { ReportOptions } from './types.js';

export const GITLAB_REPORT_VERSION = '15.2.1';
export const NULL_COMMIT_SHA = '0000000000000000000000000000000000000000';

export type GitlabScanType = 'sast' | 'secret_detection';

/** GitLab's severity enum: Info, Unknown, Low, Medium, High, Critical. */
export const GITLAB_SEVERITY: Record<Severity, string> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  info: 'Info',
};

// Schema limits on vulnerability fields.
const MAX_NAME = 255;
const MAX_SOLUTION = 7000;
const MAX_DESCRIPTION = 1_048_576;

// A fixed namespace so the same fingerprint always yields the same vulnerability id.
const PALISADE_UUID_NAMESPACE = '6f1c2a9e-3d4b-4e7f-9a1d-5b8c0e2f7a31';

interface GitlabReportSpec {
  type: GitlabScanType;
  categories: readonly Category[];
}

/**
 * Builds a GitLab security report of one type from the findings in `categories`.
 * Suppressed findings are left out: GitLab then marks the vulnerability as no longer detected,
 * and dismissal stays GitLab's own workflow.
 */
export function buildGitlabReport(
  input: ScanResult,
  options: ReportOptions,
  spec: GitlabReportSpec,
): Record<string, unknown> {
  const result = scrubResult(input);
  const inScope = (category: Category): boolean => spec.categories.includes(category);
  const findings = result.findings
    .filter((f) => inScope(f.category) && !f.suppression)
    .sort(compareByLocation);
  const ids = uniqueKeys(findings.map((f) => f.fingerprint)).map((key) => uuidV5(key));
  const commitSha = options.commitSha?.trim() || NULL_COMMIT_SHA;

  const rules = [...ruleCatalog(result).values()].filter((rule) => inScope(rule.category));
  const scan: Record<string, unknown> = {
    analyzer: toolInfo(result),
    scanner: toolInfo(result),
    type: spec.type,
    start_time: gitlabTime(result.startedAt),
    end_time: gitlabTime(result.finishedAt),
    status: scanStatus(result),
  };
  const messages = result.errors.map((error) => ({
    level: error.level === 'note' ? 'info' : 'warn',
    value: `${error.file}${error.line ? `:${error.line}` : ''}: ${error.message || error.code}${
      error.hint ? ` (${error.hint})` : ''
    }`,
  }));
  if (messages.length > 0) scan.messages = messages;
  // The exhaustive list lets GitLab resolve vulnerabilities of rules that ran and found nothing.
  if (rules.length > 0)
    scan.primary_identifiers = rules.map((rule) => primaryIdentifier(rule.id, rule.helpUri));

  return {
    version: GITLAB_REPORT_VERSION,
    scan,
    vulnerabilities: findings.map((finding, i) => vulnerability(finding, ids[i]!, spec.type, commitSha)),
  };
}

function vulnerability(
  finding: Finding,
  id: string,
  type: GitlabScanType,
  commitSha: string,
): Record<string, unknown> {
  const identifiers = [
    primaryIdentifier(finding.ruleId, finding.helpUri),
    ...cweNumbers(finding.cwe).map((n) => ({ type: 'cwe', name: `CWE-${n}`, value: n, url: cweUrl(n) })),
  ];
  const location: Record<string, unknown> = {
    file: finding.location.file,
    start_line: finding.location.startLine,
    end_line: Math.max(finding.location.startLine, finding.location.endLine),
  };
  if (type === 'secret_detection') location.commit = { sha: commitSha };

  const vuln: Record<string, unknown> = {
    id,
    name: truncate(finding.title || finding.ruleId, MAX_NAME),
    description: truncate(finding.message, MAX_DESCRIPTION),
    severity: GITLAB_SEVERITY[finding.severity],
  };
  if (finding.remediation) vuln.solution = truncate(finding.remediation, MAX_SOLUTION);
  vuln.identifiers = identifiers;
  const helpUri = httpUrl(finding.helpUri);
  if (helpUri) vuln.links = [{ name: `Palisade rule ${finding.ruleId}`, url: helpUri }];
  const details = detailsOf(finding);
  if (details) vuln.details = details;
  vuln.location = location;
  // The snippet is masked already, but a secret report gains nothing from carrying source text.
  if (type === 'sast' && finding.snippet) vuln.raw_source_code_extract = finding.snippet;
  return vuln;
}

function detailsOf(finding: Finding): Record<string, unknown> | undefined {
  const details: Record<string, unknown> = {};
  if (finding.resource) details.resource = { name: 'Resource', type: 'text', value: finding.resource };
  if (finding.modulePath) details.module = { name: 'Module', type: 'text', value: finding.modulePath };
  if (finding.benchmarks.length > 0) {
    details.benchmarks = {
      name: 'Benchmarks',
      type: 'list',
      items: finding.benchmarks.map((b) => ({
        type: 'text',
        value: [b.framework, b.version, b.control]
          .filter((part) => part !== undefined && part !== '')
          .join(' '),
      })),
    };
  }
  return Object.keys(details).length > 0 ? details : undefined;
}

/** Rule ids are stable, so GitLab keeps tracking the same vulnerability across pipelines. */
function primaryIdentifier(ruleId: string, helpUri: string): Record<string, string> {
  const identifier: Record<string, string> = {
    type: 'palisade_rule_id',
    name: `Palisade ${ruleId}`,
    value: ruleId,
  };
  const url = httpUrl(helpUri);
  if (url) identifier.url = url;
  return identifier;
}

function toolInfo(result: ScanResult): Record<string, unknown> {
  const info: Record<string, unknown> = { id: 'palisade', name: 'Palisade' };
  const url = httpUrl(result.tool.informationUri);
  if (url) info.url = url;
  info.version = result.tool.version || '0.0.0';
  info.vendor = { name: 'Palisade' };
  return info;
}

/** Failure only when nothing could be scanned and there were errors: per-file problems are messages. */
function scanStatus(result: ScanResult): 'success' | 'failure' {
  const fatal = result.stats.filesScanned === 0 && result.errors.some((e) => e.level === 'error');
  return fatal ? 'failure' : 'success';
}

/** `yyyy-mm-ddThh:mm:ss` in UTC, as the schema's pattern wants (no milliseconds, no zone). */
export function gitlabTime(value: string): string {
  const time = Date.parse(value);
  return new Date(Number.isNaN(time) ? 0 : time).toISOString().slice(0, 19);
}

/** A name-based UUID (version 5, RFC 4122) in Palisade's namespace. */
export function uuidV5(name: string, namespace = PALISADE_UUID_NAMESPACE): string {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest()
    .subarray(0, 16);
  hash.writeUInt8((hash.readUInt8(6) & 0x0f) | 0x50, 6);
  hash.writeUInt8((hash.readUInt8(8) & 0x3f) | 0x80, 8);
  const hex = hash.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
