/** The scan result as JSON, in a fixed key order (schemas/palisade-report.schema.json). */
import type {
  BenchmarkRef,
  Finding,
  IacResourceRecord,
  Location,
  RuleSummary,
  ScanError,
  ScanResult,
  Suppression,
} from '../core/types.js';
import { scrubResult } from './shared.js';
import type { Reporter, ReportOptions } from './types.js';

/**
 * Renders the ScanResult as pretty-printed JSON.
 * Objects are rebuilt field by field so key order never depends on how the engine built them,
 * and fields outside the schema are left out.
 */
export function renderJson(input: ScanResult, _options: ReportOptions = {}): string {
  return `${JSON.stringify(canonicalResult(scrubResult(input)), null, 2)}\n`;
}

/** The ScanResult with keys in schema order and no properties outside the schema. */
export function canonicalResult(result: ScanResult): ScanResult {
  return {
    schemaVersion: result.schemaVersion,
    tool: {
      name: result.tool.name,
      version: result.tool.version,
      informationUri: result.tool.informationUri,
    },
    root: result.root,
    startedAt: result.startedAt,
    finishedAt: result.finishedAt,
    findings: result.findings.map(canonicalFinding),
    errors: result.errors.map(canonicalError),
    rules: result.rules.map(canonicalRule),
    stats: {
      filesScanned: result.stats.filesScanned,
      filesSkipped: result.stats.filesSkipped,
      bytesScanned: result.stats.bytesScanned,
      durationMs: result.stats.durationMs,
      baselineHidden: result.stats.baselineHidden,
      outsideDiff: result.stats.outsideDiff,
    },
    diff: result.diff && {
      base: result.diff.base,
      mergeBase: result.diff.mergeBase,
      scope: result.diff.scope,
      changedFiles: result.diff.changedFiles,
    },
    failOn: result.failOn,
    resources: result.resources?.map(canonicalResource),
  };
}

function canonicalResource(resource: IacResourceRecord): IacResourceRecord {
  return {
    family: resource.family,
    type: resource.type,
    kind: resource.kind,
    address: resource.address,
    modulePath: resource.modulePath,
    name: resource.name,
    file: resource.file,
    line: resource.line,
    traceTag: resource.traceTag,
    tags: resource.tags,
    references: resource.references,
  };
}

function canonicalFinding(finding: Finding): Finding {
  return {
    ruleId: finding.ruleId,
    title: finding.title,
    severity: finding.severity,
    category: finding.category,
    message: finding.message,
    location: canonicalLocation(finding.location),
    resource: finding.resource,
    modulePath: finding.modulePath,
    remediation: finding.remediation,
    helpUri: finding.helpUri,
    cwe: [...finding.cwe],
    benchmarks: finding.benchmarks.map(canonicalBenchmark),
    tags: [...finding.tags],
    snippet: finding.snippet,
    secret: finding.secret && { sha256: finding.secret.sha256, preview: finding.secret.preview },
    commit: finding.commit && {
      sha: finding.commit.sha,
      author: finding.commit.author,
      email: finding.commit.email,
      date: finding.commit.date,
    },
    suppression: finding.suppression && canonicalSuppression(finding.suppression),
    fingerprint: finding.fingerprint,
  };
}

function canonicalLocation(location: Location): Location {
  return {
    file: location.file,
    startLine: location.startLine,
    startColumn: location.startColumn,
    endLine: location.endLine,
    endColumn: location.endColumn,
  };
}

function canonicalBenchmark(benchmark: BenchmarkRef): BenchmarkRef {
  return {
    framework: benchmark.framework,
    version: benchmark.version,
    control: benchmark.control,
  };
}

function canonicalSuppression(suppression: Suppression): Suppression {
  return {
    kind: suppression.kind,
    justification: suppression.justification,
    until: suppression.until,
    location: suppression.location && canonicalLocation(suppression.location),
  };
}

function canonicalError(error: ScanError): ScanError {
  return {
    code: error.code,
    level: error.level,
    file: error.file,
    line: error.line,
    message: error.message,
    hint: error.hint,
    ruleId: error.ruleId,
  };
}

function canonicalRule(rule: RuleSummary): RuleSummary {
  return {
    id: rule.id,
    title: rule.title,
    severity: rule.severity,
    category: rule.category,
    description: rule.description,
    remediation: rule.remediation,
    helpUri: rule.helpUri,
    cwe: [...rule.cwe],
    benchmarks: rule.benchmarks.map(canonicalBenchmark),
    tags: [...rule.tags],
    docs: rule.docs,
  };
}

export const jsonReporter: Reporter = {
  id: 'json',
  description: 'The full scan result as JSON (schemas/palisade-report.schema.json)',
  extension: '.json',
  defaultFileName: 'palisade-report.json',
  render: renderJson,
};
