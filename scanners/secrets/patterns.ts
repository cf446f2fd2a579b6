/**
 * Building blocks for detector patterns (RE2 syntax: no lookaround, so boundaries are consumed as
 * non-capturing groups and the secret is always a capture group).
 */

/** Start of a token: start of text or a character that cannot be part of it. */
export const LEFT = '(?:^|[^A-Za-z0-9_])';
/** End of a token. */
export const RIGHT = '(?:[^A-Za-z0-9_]|$)';
/** End of a base64 value (which may itself hold + / =). */
export const RIGHT_B64 = '(?:[^A-Za-z0-9_+/=]|$)';

/** A self-identifying token: `body` (which includes the prefix) between token boundaries. */
export function token(body: string): string {
  return `${LEFT}(${body})${RIGHT}`;
}

/**
 * A value assigned to a name: `names` (an RE2 alternation, matched case-insensitively), a few more name
 * characters, an assignment (`=`, `:`, `:=`, `=>`, or a YAML/ini/XML-ish separator), optional quote, then
 * the value. Covers `STRIPE_KEY=…`, `"datadogApiKey": "…"`, `datadog_api_key: …` and `--token …`.
 */
export function assigned(names: string, value: string, right = RIGHT): string {
  return `(?i:${names})[A-Za-z0-9_.-]{0,24}["'\\]]?\\s{0,4}(?:=|:=|=>|:|,|\\s)\\s{0,4}(?:(?i:bearer|token|basic|ssws)\\s+)?["'\`]?(${value})${right}`;
}

/** Hex of exactly n digits (either case, not mixed with other word characters). */
export function hex(n: number | string, upper = false): string {
  return upper ? `[0-9A-Fa-f]{${n}}` : `[0-9a-f]{${n}}`;
}

export const UUID_PATTERN = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
