/** SARIF 2.1.0 for GitHub code scanning and other SARIF consumers. */
import { pathToFileURL } from 'node:url';
import {
  type Finding,
  type RuleSummary,
  type ScanError,
  type ScanResult,
  SEVERITY_RANK,
  type Severity,
} from '../core/types.js';
import { cweNumbers, httpUrl, ruleCatalog, scrubResult } from './shared.js';
import type { Reporter, ReportOptions } from './types.js';

/** GitHub code scanning rejects runs above these (docs: "SARIF results exceed hard limit"). */
export const SARIF_LIMITS = { resultsPerRun: 25_000, rulesPerRun: 25_000, tagsPerRule: 20 } as const;

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
export const FINGERPRINT_KEY = 'palisadeFingerprint/v1';
const SRCROOT = '%SRCROOT%';
const FALLBACK_INFORMATION_URI = 'https://palisade.dev';

type SarifLevel = 'error' | 'warning' | 'note';

/** SARIF level of a severity: critical/high → error, medium → warning, low/info → note. */
export function sarifLevel(severity: Severity): SarifLevel {
  return SEVERITY_RANK[severity] >= SEVERITY_RANK.high ? 'error' : severity === 'medium' ? 'warning' : 'note';
}

/** GitHub's `security-severity` score, inside GitHub's bands (≥9 critical, 7–8.9 high, 4–6.9 medium). */
export const SECURITY_SEVERITY: Record<Severity, string> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
  info: '0.0',
};

/** Renders a SARIF 2.1.0 log with one run. */
export function renderSarif(input: ScanResult, options: ReportOptions = {}): string {
  return `${JSON.stringify(buildSarif(input, options), null, 2)}\n`;
}

/** Builds the SARIF log object (exported for callers that post it without re-parsing). */
export function buildSarif(input: ScanResult, options: ReportOptions = {}): Record<string, unknown> {
  const result = scrubResult(input);
  const { kept, dropped } = selectResults(result.findings);
  const catalog = ruleCatalog(result);
  const rules = selectRules(catalog, kept);
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));

  const notifications = result.errors.map((error) => errorNotification(error, ruleIndex));
  if (dropped > 0) {
    notifications.push({
      level: 'warning',
      message: {
        text:
          `SARIF output truncated: ${dropped} of ${result.findings.length} results were left out because GitHub ` +
          `code scanning accepts at most ${SARIF_LIMITS.resultsPerRun} results per run. The least severe ` +
          'results were dropped; use another report format for the full list.',
      },
      descriptor: { id: 'palisade/sarif-truncated' },
    });
  }

  const invocation: Record<string, unknown> = { executionSuccessful: true };
  const startTime = isoTime(result.startedAt);
  const endTime = isoTime(result.finishedAt);
  if (startTime) invocation.startTimeUtc = startTime;
  if (endTime) invocation.endTimeUtc = endTime;
  if (notifications.length > 0) invocation.toolExecutionNotifications = notifications;

  const run: Record<string, unknown> = {
    tool: {
      driver: {
        name: 'Palisade',
        informationUri: httpUrl(result.tool.informationUri) ?? FALLBACK_INFORMATION_URI,
        version: result.tool.version,
        semanticVersion: result.tool.version,
        rules: rules.map(reportingDescriptor),
      },
    },
    automationDetails: { id: `${options.automationId ?? 'palisade'}/` },
    invocations: [invocation],
    results: kept.map((finding) => sarifResult(finding, ruleIndex)),
    columnKind: 'utf16CodeUnits',
  };
  const rootUri = rootFileUri(result.root);
  if (rootUri) run.originalUriBaseIds = { [SRCROOT]: { uri: rootUri } };
  if (dropped > 0) {
    run.properties = {
      truncated: {
        droppedResults: dropped,
        totalResults: result.findings.length,
        maxResults: SARIF_LIMITS.resultsPerRun,
      },
    };
  }

  return { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] };
}

/**
 * Keeps at most `resultsPerRun` findings: active before suppressed, most severe first.
 * The kept findings stay in the engine's order (file, line, rule).
 */
function selectResults(findings: Finding[]): { kept: Finding[]; dropped: number } {
  const limit = SARIF_LIMITS.resultsPerRun;
  if (findings.length <= limit) return { kept: findings, dropped: 0 };
  const priority = findings
    .map((finding, index) => ({ finding, index }))
    .sort(
      (a, b) =>
        Number(Boolean(a.finding.suppression)) - Number(Boolean(b.finding.suppression)) ||
        SEVERITY_RANK[b.finding.severity] - SEVERITY_RANK[a.finding.severity] ||
        a.index - b.index,
    );
  const keptIndexes = priority
    .slice(0, limit)
    .map((entry) => entry.index)
    .sort((a, b) => a - b);
  return { kept: keptIndexes.map((i) => findings[i]!), dropped: findings.length - limit };
}

/** Every rule that ran, those with results first when the rule cap bites. */
function selectRules(catalog: Map<string, RuleSummary>, kept: Finding[]): RuleSummary[] {
  const all = [...catalog.values()];
  if (all.length <= SARIF_LIMITS.rulesPerRun) return all;
  const used = new Set(kept.map((f) => f.ruleId));
  return [...all.filter((r) => used.has(r.id)), ...all.filter((r) => !used.has(r.id))].slice(
    0,
    SARIF_LIMITS.rulesPerRun,
  );
}

function reportingDescriptor(rule: RuleSummary): Record<string, unknown> {
  const helpUri = httpUrl(rule.helpUri);
  const helpText = [rule.remediation, helpUri ? `Documentation: ${helpUri}` : '']
    .filter(Boolean)
    .join('\n\n');
  const helpMarkdown = [
    rule.docs.trim(),
    rule.remediation ? `## Remediation\n\n${rule.remediation}` : '',
    helpUri ? `[Palisade documentation for ${rule.id}](${helpUri})` : '',
  ]
    .filter(Boolean)
    .join('\n\n');

  const descriptor: Record<string, unknown> = {
    id: rule.id,
    name: pascalCase(rule.title) || pascalCase(rule.id),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.description || rule.title },
    help: { text: helpText || rule.title, markdown: helpMarkdown || rule.title },
  };
  if (helpUri) descriptor.helpUri = helpUri;
  descriptor.defaultConfiguration = { level: sarifLevel(rule.severity) };
  const properties: Record<string, unknown> = {
    'security-severity': SECURITY_SEVERITY[rule.severity],
    tags: ruleTags(rule),
    precision: precisionOf(rule),
    severity: rule.severity,
    category: rule.category,
  };
  const confidence = confidenceOf(rule);
  if (confidence) properties.confidence = confidence;
  if (rule.benchmarks.length > 0) {
    properties.benchmarks = rule.benchmarks.map((b) =>
      [b.framework, b.version, b.control].filter((part) => part !== undefined && part !== '').join(' '),
    );
  }
  descriptor.properties = properties;
  return descriptor;
}

/** `security` first (GitHub only applies security-severity to rules tagged so), then category, CWEs, rule tags. */
function ruleTags(rule: RuleSummary): string[] {
  const tags = [
    'security',
    rule.category,
    ...cweNumbers(rule.cwe).map((n) => `external/cwe/cwe-${n}`),
    ...rule.tags.filter((tag) => !tag.startsWith('precision:')),
  ];
  return [...new Set(tags)].slice(0, SARIF_LIMITS.tagsPerRule);
}

const PRECISIONS = ['very-high', 'high', 'medium', 'low'] as const;

/** A `precision:<level>` rule tag sets GitHub's precision; the default is high (rules are pattern checks). */
function precisionOf(rule: RuleSummary): string {
  for (const tag of rule.tags) {
    const value = tag.startsWith('precision:') ? tag.slice('precision:'.length) : '';
    if ((PRECISIONS as readonly string[]).includes(value)) return value;
  }
  return confidenceOf(rule) ?? 'high';
}

/** A rule's confidence from its `confidence-high|medium|low` tag (pipeline rules carry one). */
function confidenceOf(rule: RuleSummary): string | undefined {
  const tag = rule.tags.find((t) => /^confidence-(high|medium|low)$/.test(t));
  return tag?.slice('confidence-'.length);
}

function sarifResult(finding: Finding, ruleIndex: Map<string, number>): Record<string, unknown> {
  const location: Record<string, unknown> = {
    physicalLocation: { artifactLocation: artifactLocation(finding.location.file), region: region(finding) },
  };
  if (finding.resource) {
    location.logicalLocations = [{ fullyQualifiedName: finding.resource, kind: 'resource' }];
  }
  const sarif: Record<string, unknown> = { ruleId: finding.ruleId };
  const index = ruleIndex.get(finding.ruleId);
  if (index !== undefined) sarif.ruleIndex = index;
  sarif.level = sarifLevel(finding.severity);
  sarif.message = { text: finding.message || finding.title };
  sarif.locations = [location];
  sarif.partialFingerprints = { [FINGERPRINT_KEY]: finding.fingerprint };
  if (finding.suppression) {
    const suppression: Record<string, unknown> = {
      kind: finding.suppression.kind === 'inline' ? 'inSource' : 'external',
      status: 'accepted',
      justification: finding.suppression.justification,
    };
    if (finding.suppression.location) {
      suppression.location = {
        physicalLocation: {
          artifactLocation: artifactLocation(finding.suppression.location.file),
          region: { startLine: Math.max(1, finding.suppression.location.startLine) },
        },
      };
    }
    if (finding.suppression.until) suppression.properties = { until: finding.suppression.until };
    sarif.suppressions = [suppression];
  }
  const properties: Record<string, unknown> = { severity: finding.severity, category: finding.category };
  if (finding.resource) properties.resource = finding.resource;
  if (finding.modulePath) properties.modulePath = finding.modulePath;
  if (finding.commit) properties.commit = { ...finding.commit };
  sarif.properties = properties;
  return sarif;
}

/** A region that SARIF accepts even when the engine hands over an inverted or zero range. */
function region(finding: Finding): Record<string, number> {
  const { startLine, startColumn, endLine, endColumn } = finding.location;
  const start = Math.max(1, startLine);
  const end = Math.max(start, endLine);
  const startCol = Math.max(1, startColumn);
  const endCol = end === start ? Math.max(startCol, endColumn) : Math.max(1, endColumn);
  return { startLine: start, startColumn: startCol, endLine: end, endColumn: endCol };
}

function errorNotification(error: ScanError, ruleIndex: Map<string, number>): Record<string, unknown> {
  const text = error.hint ? `${error.message} (${error.hint})` : error.message;
  const physicalLocation: Record<string, unknown> = { artifactLocation: artifactLocation(error.file) };
  if (error.line && error.line > 0) physicalLocation.region = { startLine: error.line };
  const notification: Record<string, unknown> = {
    level: error.level,
    message: { text: text || error.code },
    locations: [{ physicalLocation }],
    descriptor: { id: error.code },
  };
  if (error.ruleId) {
    const index = ruleIndex.get(error.ruleId);
    notification.associatedRule = index === undefined ? { id: error.ruleId } : { id: error.ruleId, index };
  }
  return notification;
}

/** A relative, percent-encoded URI against %SRCROOT% (spaces and `#` in file names are legal in paths). */
function artifactLocation(file: string): Record<string, string> {
  const uri = file
    .replace(/^\.\//, '')
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
  return { uri, uriBaseId: SRCROOT };
}

function rootFileUri(root: string): string | undefined {
  if (!root) return undefined;
  const href = pathToFileURL(root).href;
  return href.endsWith('/') ? href : `${href}/`;
}

function isoTime(value: string): string | undefined {
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** "S3 bucket is publicly readable" → "S3BucketIsPubliclyReadable". */
export function pascalCase(text: string): string {
  return text
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

export const sarifReporter: Reporter = {
  id: 'sarif',
  description: 'SARIF 2.1.0 for GitHub code scanning and other SARIF viewers',
  extension: '.sarif',
  defaultFileName: 'palisade.sarif',
  render: renderSarif,
};
