/** JUnit XML: one testsuite per rule, for CI test dashboards (GitLab, Azure DevOps, Jenkins). */
import type { Finding, RuleSummary, ScanError, ScanResult } from '../core/types.js';
import { compareText } from '../core/types.js';
import { compareByLocation, maskedSecret, ruleCatalog, scrubResult } from './shared.js';
import type { Reporter, ReportOptions } from './types.js';

export const ERRORS_SUITE = 'palisade.errors';

interface Counts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

/**
 * Renders JUnit XML. Each rule that ran is a testsuite: active findings are failures, suppressed findings
 * are skipped, and a rule without findings has one passing testcase. Scan errors and warnings are
 * `<error>` testcases in the `palisade.errors` suite; notes (skipped files) are skipped testcases there.
 */
export function renderJunit(input: ScanResult, _options: ReportOptions = {}): string {
  const result = scrubResult(input);
  const catalog = ruleCatalog(result);
  const byRule = new Map<string, Finding[]>();
  for (const finding of [...result.findings].sort(compareByLocation)) {
    const list = byRule.get(finding.ruleId) ?? [];
    list.push(finding);
    byRule.set(finding.ruleId, list);
  }
  const timestamp = xmlTimestamp(result.startedAt);
  const suites: { xml: string; counts: Counts }[] = [...catalog.values()]
    .sort((a, b) => compareText(a.id, b.id))
    .map((rule) => ruleSuite(rule, byRule.get(rule.id) ?? [], timestamp));
  if (result.errors.length > 0) suites.push(errorSuite(result.errors, timestamp));

  const total = suites.reduce<Counts>(
    (sum, { counts }) => ({
      tests: sum.tests + counts.tests,
      failures: sum.failures + counts.failures,
      errors: sum.errors + counts.errors,
      skipped: sum.skipped + counts.skipped,
    }),
    { tests: 0, failures: 0, errors: 0, skipped: 0 },
  );
  const seconds = (Math.max(0, result.stats.durationMs) / 1000).toFixed(3);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attributes({ name: 'Palisade', ...total, time: seconds })}>`,
    ...suites.map((suite) => suite.xml),
    '</testsuites>',
  ];
  return `${lines.join('\n')}\n`;
}

function ruleSuite(
  rule: RuleSummary,
  findings: Finding[],
  timestamp: string,
): { xml: string; counts: Counts } {
  const cases = findings.length > 0 ? findings.map(findingCase) : [passingCase(rule)];
  const counts: Counts = {
    tests: cases.length,
    failures: findings.filter((f) => !f.suppression).length,
    errors: 0,
    skipped: findings.filter((f) => f.suppression).length,
  };
  const open = `  <testsuite${attributes({ name: `${rule.id}: ${rule.title}`, ...counts, time: '0', timestamp })}>`;
  return { xml: [open, ...cases, '  </testsuite>'].join('\n'), counts };
}

function findingCase(finding: Finding): string {
  const { file, startLine, startColumn } = finding.location;
  const name = `${file}:${startLine}:${startColumn}${finding.resource ? ` ${finding.resource}` : ''}`;
  const open = `    <testcase${attributes({ classname: finding.ruleId, name, file, line: startLine, time: '0' })}>`;
  if (finding.suppression) {
    const message = `suppressed (${finding.suppression.kind}): ${finding.suppression.justification}`;
    return [open, `      <skipped${attributes({ message })}/>`, '    </testcase>'].join('\n');
  }
  const body = [
    finding.message,
    `Severity: ${finding.severity}`,
    `Location: ${file}:${startLine}:${startColumn}`,
    finding.resource ? `Resource: ${finding.resource}` : '',
    finding.modulePath ? `Module: ${finding.modulePath}` : '',
    finding.secret ? `Secret: ${maskedSecret(finding.secret)}` : '',
    finding.remediation ? `Remediation: ${finding.remediation}` : '',
    finding.helpUri ? `Documentation: ${finding.helpUri}` : '',
  ].filter(Boolean);
  const failure = `      <failure${attributes({ message: `${finding.title}: ${finding.message}`, type: finding.severity })}>${escapeText(body.join('\n'))}</failure>`;
  return [open, failure, '    </testcase>'].join('\n');
}

function passingCase(rule: RuleSummary): string {
  return `    <testcase${attributes({ classname: rule.id, name: 'no findings', time: '0' })}/>`;
}

function errorSuite(errors: ScanError[], timestamp: string): { xml: string; counts: Counts } {
  const cases = errors.map((error) => {
    const name = `${error.file}${error.line ? `:${error.line}` : ''} ${error.code}`;
    const attrs: Record<string, string | number> = { classname: ERRORS_SUITE, name, file: error.file };
    if (error.line) attrs.line = error.line;
    attrs.time = '0';
    const open = `    <testcase${attributes(attrs)}>`;
    const detail = [
      error.message,
      error.hint ? `Hint: ${error.hint}` : '',
      error.ruleId ? `Rule: ${error.ruleId}` : '',
    ]
      .filter(Boolean)
      .join('\n');
    const inner =
      error.level === 'note'
        ? `      <skipped${attributes({ message: error.message })}/>`
        : `      <error${attributes({ message: error.message, type: error.code })}>${escapeText(detail)}</error>`;
    return [open, inner, '    </testcase>'].join('\n');
  });
  const skipped = errors.filter((e) => e.level === 'note').length;
  const counts: Counts = { tests: errors.length, failures: 0, errors: errors.length - skipped, skipped };
  const open = `  <testsuite${attributes({ name: ERRORS_SUITE, ...counts, time: '0', timestamp })}>`;
  return { xml: [open, ...cases, '  </testsuite>'].join('\n'), counts };
}

function attributes(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([key, value]) => ` ${key}="${escapeAttribute(String(value))}"`)
    .join('');
}

// Everything outside XML 1.0's Char production: C0 controls other than tab/LF/CR, lone surrogates, U+FFFE/U+FFFF.
const ILLEGAL_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Removes characters that XML 1.0 forbids even as character references. */
export function stripIllegalXml(text: string): string {
  return text.replace(ILLEGAL_XML, '');
}

/** Escapes element content. */
export function escapeText(text: string): string {
  return stripIllegalXml(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes an attribute value; line breaks and tabs become references so attribute normalisation keeps them. */
export function escapeAttribute(text: string): string {
  return escapeText(text)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

/** JUnit's timestamp: ISO 8601 without zone or milliseconds (the JUnit XSD's xs:dateTime pattern). */
function xmlTimestamp(value: string): string {
  const time = Date.parse(value);
  return new Date(Number.isNaN(time) ? 0 : time).toISOString().slice(0, 19);
}

export const junitReporter: Reporter = {
  id: 'junit',
  description: 'JUnit XML, one testsuite per rule, for CI test report views',
  extension: '.xml',
  defaultFileName: 'palisade-junit.xml',
  render: renderJunit,
};
