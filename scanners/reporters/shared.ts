/** Helpers shared by the reporters: ordering, rule lookup, CWE parsing, text safety. */
import { createHash } from 'node:crypto';
import {
  compareText,
  type Finding,
  type RedactedSecret,
  type RuleSummary,
  type ScanResult,
  SEVERITIES,
  SEVERITY_RANK,
  type Severity,
} from '../core/types.js';

/** Severity counts in the fixed order critical → info. */
export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
}

/** Compares file, then line, then column, then rule: the engine's reading order. */
export function compareByLocation(a: Finding, b: Finding): number {
  return (
    compareText(a.location.file, b.location.file) ||
    a.location.startLine - b.location.startLine ||
    a.location.startColumn - b.location.startColumn ||
    compareText(a.ruleId, b.ruleId)
  );
}

/** Most severe first, then reading order. */
export function compareBySeverity(a: Finding, b: Finding): number {
  return SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || compareByLocation(a, b);
}

/** Rules by id: the scan's rule metadata, plus a stand-in built from the finding for unknown rule ids. */
export function ruleCatalog(result: Pick<ScanResult, 'rules' | 'findings'>): Map<string, RuleSummary> {
  const catalog = new Map<string, RuleSummary>();
  for (const rule of result.rules) if (!catalog.has(rule.id)) catalog.set(rule.id, rule);
  for (const finding of result.findings) {
    if (catalog.has(finding.ruleId)) continue;
    // A finding whose rule is missing from `rules` still needs a descriptor (SARIF ruleIndex, JUnit suites).
    catalog.set(finding.ruleId, {
      id: finding.ruleId,
      title: finding.title,
      severity: finding.severity,
      category: finding.category,
      description: finding.title,
      remediation: finding.remediation,
      helpUri: finding.helpUri,
      cwe: finding.cwe,
      benchmarks: finding.benchmarks,
      tags: finding.tags,
      docs: '',
    });
  }
  return catalog;
}

/** CWE numbers ("732") from entries written as "CWE-732", "cwe-732" or "732"; others are dropped. */
export function cweNumbers(cwe: readonly string[]): string[] {
  const numbers: string[] = [];
  for (const entry of cwe) {
    const match = /^(?:CWE-)?0*([1-9][0-9]*)$/i.exec(entry.trim());
    if (match?.[1] && !numbers.includes(match[1])) numbers.push(match[1]);
  }
  return numbers;
}

/** The MITRE page of a CWE number. */
export function cweUrl(cweNumber: string): string {
  return `https://cwe.mitre.org/data/definitions/${cweNumber}.html`;
}

/** The value when it is an absolute http(s) URL, else undefined (schemas reject relative or empty URIs). */
export function httpUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** At most the first 4 characters of a secret's preview, whatever the engine handed over. */
export function secretPreview(secret: RedactedSecret): string {
  return Array.from(secret.preview).slice(0, 4).join('');
}

/** How a secret is shown anywhere: its preview and an ellipsis. */
export function maskedSecret(secret: RedactedSecret): string {
  return `${secretPreview(secret)}…`;
}

// Characters that end a candidate secret token; quotes, assignment and brackets surround secrets in config.
const TOKEN = /[^\s"'`=:,;()[\]{}<>]{8,}/g;

/**
 * Replaces any token whose SHA-256 is the secret's hash by its masked form.
 * Defence in depth: the engine masks secrets, this catches an engine bug before a report leaves the machine.
 */
export function scrubSecret(text: string, secret: RedactedSecret): string {
  const hash = secret.sha256.toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(hash)) return text;
  return text.replace(TOKEN, (token) =>
    createHash('sha256').update(token, 'utf8').digest('hex') === hash ? maskedSecret(secret) : token,
  );
}

/** The result with every text field of secret findings scrubbed (see `scrubSecret`); other findings as is. */
export function scrubResult(result: ScanResult): ScanResult {
  if (!result.findings.some((f) => f.secret)) return result;
  return { ...result, findings: result.findings.map(scrubFinding) };
}

function scrubFinding(finding: Finding): Finding {
  const secret = finding.secret;
  if (!secret) return finding;
  const scrub = (text: string): string => scrubSecret(text, secret);
  const scrubbed: Finding = { ...finding, title: scrub(finding.title), message: scrub(finding.message) };
  if (finding.snippet !== undefined) scrubbed.snippet = scrub(finding.snippet);
  if (finding.resource !== undefined) scrubbed.resource = scrub(finding.resource);
  return scrubbed;
}

/** Makes keys unique by hashing repeats with their occurrence number; first occurrences stay as they are. */
export function uniqueKeys(keys: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return keys.map((key) => {
    const count = seen.get(key) ?? 0;
    seen.set(key, count + 1);
    return count === 0 ? key : createHash('sha256').update(`${key}#${count}`).digest('hex');
  });
}

/** Shortens text to at most `maxChars` code points, ending with an ellipsis when cut. */
export function truncate(text: string, maxChars: number): string {
  const chars = Array.from(text);
  return chars.length <= maxChars ? text : `${chars.slice(0, Math.max(0, maxChars - 1)).join('')}…`;
}

/** "850 ms", "1.23 s" or "2 min 5 s". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '0 ms';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(2)} s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

/** Capitalised severity: "Critical". */
export function severityLabel(severity: Severity): string {
  return severity.charAt(0).toUpperCase() + severity.slice(1);
}

/** "1 finding" / "3 findings". */
export function plural(count: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? noun : pluralNoun}`;
}

// C0 and C1 controls (except tab and newline), DEL, and the bidirectional overrides used in "Trojan Source".
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Shows control and bidi characters from scanned files as `<U+XXXX>` so they cannot restyle a terminal or page. */
export function revealInvisible(text: string): string {
  return text.replace(
    INVISIBLE,
    (ch) => `<U+${ch.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0') ?? '0000'}>`,
  );
}
