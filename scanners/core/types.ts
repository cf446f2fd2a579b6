/** The finding model and the scan result that every reporter and surface consumes. */

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const CATEGORIES = ['iac', 'secret', 'pipeline', 'posture'] as const;
/** What a scan of code covers; `posture` (repository settings) comes from the settings check alone. */
export const CODE_CATEGORIES: readonly Category[] = ['iac', 'secret', 'pipeline'];
export type Category = (typeof CATEGORIES)[number];

/** 1-based lines and columns; end is inclusive of the last line, exclusive of the last column. */
export interface Range {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

export interface Location extends Range {
  /** Path relative to the scan root, always with forward slashes. */
  file: string;
}

export interface BenchmarkRef {
  /** For example "CIS AWS Foundations". */
  framework: string;
  version?: string;
  /** The control id inside the framework, for example "2.1.3". */
  control: string;
}

/** A secret is never stored: only its SHA-256 and at most 4 leading characters. */
export interface RedactedSecret {
  sha256: string;
  preview: string;
}

export type SuppressionKind = 'inline' | 'config';

export interface Suppression {
  kind: SuppressionKind;
  justification: string;
  /** ISO date (YYYY-MM-DD) after which the suppression stops applying. */
  until?: string;
  /** Where the directive is written, when it is written in a file. */
  location?: Location;
}

export interface Finding {
  ruleId: string;
  title: string;
  severity: Severity;
  category: Category;
  message: string;
  location: Location;
  /** The resource the finding is about, for example `aws_s3_bucket.logs` or `Resources.LogsBucket`. */
  resource?: string;
  /** For findings inside a Terraform module: the calling module path, for example `module.storage`. */
  modulePath?: string;
  remediation: string;
  helpUri: string;
  cwe: string[];
  benchmarks: BenchmarkRef[];
  tags: string[];
  /** The source line(s) at the location, with secrets masked. */
  snippet?: string;
  secret?: RedactedSecret;
  /** History scanning (`scan --history`): the commit that added the line. */
  commit?: { sha: string; author: string; email?: string; date: string };
  /** Set when an inline or configured suppression applies; the finding is still reported. */
  suppression?: Suppression;
  /** Stable across line moves and unrelated edits: never derived from line numbers. */
  fingerprint: string;
}

export type ScanErrorCode =
  | 'read-failed'
  | 'parse-failed'
  | 'too-deep'
  | 'too-large'
  | 'binary'
  | 'invalid-encoding'
  | 'symlink-outside-root'
  | 'rule-failed'
  | 'unsupported'
  | 'expired-suppression'
  | 'permission-missing';

/** A per-file problem: the scan goes on. Level `note` is informational (a skipped file). */
export interface ScanError {
  code: ScanErrorCode;
  level: 'error' | 'warning' | 'note';
  file: string;
  line?: number;
  message: string;
  /** What the user can do about it. */
  hint?: string;
  ruleId?: string;
}

export interface RuleSummary {
  id: string;
  title: string;
  severity: Severity;
  category: Category;
  description: string;
  remediation: string;
  helpUri: string;
  cwe: string[];
  benchmarks: BenchmarkRef[];
  tags: string[];
  /** Markdown documentation of the rule (what, why, how to fix). */
  docs: string;
}

export interface ScanStats {
  filesScanned: number;
  filesSkipped: number;
  bytesScanned: number;
  durationMs: number;
  /** Findings hidden because their fingerprint is in the baseline. */
  baselineHidden: number;
  /** Findings dropped in diff mode because they are not on changed lines. */
  outsideDiff: number;
}

/** Tag keys that carry a resource's trace id; `palisade_trace` is ours, the others are written by other tools. */
export const TRACE_TAG_KEYS = ['palisade_trace', 'yor_trace', 'mapping_tag'] as const;

/**
 * One IaC resource the scan saw: the inventory the server links to deployed cloud resources ("code to
 * cloud"). Only literal, non-secret facts: address, type, place, trace tag and string tags.
 */
export interface IacResourceRecord {
  family: 'terraform' | 'cloudformation' | 'arm';
  /** The provider's type: `aws_s3_bucket`, `AWS::S3::Bucket`, `Microsoft.Storage/storageAccounts`. */
  type: string;
  /** The neutral kind when one maps it (`aws.s3.bucket`), else absent. */
  kind?: string;
  /** `aws_s3_bucket.logs`, `module.site.aws_s3_bucket.logs["a"]`, `Resources.LogsBucket`, the ARM address. */
  address: string;
  /** Terraform: the calling module path (`module.site`); absent at the root module. */
  modulePath?: string;
  /** The resource's own name when it is a known literal (bucket name, `name`), for the name heuristic. */
  name?: string;
  file: string;
  line: number;
  /** The value of the first trace tag key found (TRACE_TAG_KEYS order), when it is a literal. */
  traceTag?: string;
  /** Literal string tags (Terraform `tags`/`labels`, CloudFormation `Tags`, ARM `tags`). */
  tags: Record<string, string>;
  /** Addresses of the other resources in this scan that this one references (graph edges). */
  references: string[];
}

export interface ScanResult {
  /** Version of the JSON report schema (schemas/palisade-report.schema.json). */
  schemaVersion: '1.1.0';
  tool: { name: 'palisade'; version: string; informationUri: string };
  /** Absolute path of the scanned root. */
  root: string;
  startedAt: string;
  finishedAt: string;
  /** Findings sorted by file, line, rule. Includes suppressed findings (with `suppression` set). */
  findings: Finding[];
  errors: ScanError[];
  /** Metadata of every rule that ran, so reporters can describe them. */
  rules: RuleSummary[];
  stats: ScanStats;
  /** Present in diff mode. */
  diff?: { base: string; mergeBase: string; scope: 'lines' | 'files'; changedFiles: number };
  failOn: Severity | 'none';
  /** The IaC resources scanned (full scans; absent when no IaC file was read). */
  resources?: IacResourceRecord[];
}

/** Ordinal string order: the same on every machine, whatever its locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export const SEVERITY_RANK: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1, info: 0 };

/** True when `severity` is at or above `threshold`. */
export function atOrAbove(severity: Severity, threshold: Severity | 'none'): boolean {
  return threshold !== 'none' && SEVERITY_RANK[severity] >= SEVERITY_RANK[threshold];
}

/** Findings that count: not suppressed. */
export function activeFindings(result: Pick<ScanResult, 'findings'>): Finding[] {
  return result.findings.filter((f) => !f.suppression);
}

/** True when the scan should fail the build under its fail-on threshold. */
export function shouldFail(result: Pick<ScanResult, 'findings' | 'failOn'>): boolean {
  return activeFindings(result).some((f) => atOrAbove(f.severity, result.failOn));
}
