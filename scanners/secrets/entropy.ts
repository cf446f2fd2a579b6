/** Shannon entropy in bits per character: about log2(alphabet size) for random strings. */
export function shannonEntropy(value: string): number {
  if (!value) return 0;
  const counts = new Map<number, number>();
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  let entropy = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}

/**
 * The entropy a random string of this length over an alphabet of `alphabet` symbols is expected to reach:
 * short strings cannot show every symbol, so a fixed threshold would miss them. Scaled by `strictness`.
 */
export function expectedRandomEntropy(length: number, alphabet: number): number {
  // Expected distinct symbols after `length` draws, then the entropy of a near-uniform spread over them.
  const distinct = alphabet * (1 - (1 - 1 / alphabet) ** length);
  return Math.log2(Math.max(1, Math.min(distinct, length)));
}

export const HEX = /^[0-9a-fA-F]+$/;
export const BASE64ISH = /^[A-Za-z0-9+/=_-]+$/;

/** Character classes present: lower, upper, digit, other. */
export function characterClasses(value: string): number {
  let lower = 0;
  let upper = 0;
  let digit = 0;
  let other = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 97 && c <= 122) lower = 1;
    else if (c >= 65 && c <= 90) upper = 1;
    else if (c >= 48 && c <= 57) digit = 1;
    else other = 1;
  }
  return lower + upper + digit + other;
}
