/**
 * Structure checks a candidate must pass before it is reported. Named, so detectors stay data: a detector
 * lists validator names, and this table says what each one means.
 */
export type ValidatorName =
  | 'github-checksum'
  | 'npm-checksum'
  | 'jwt'
  | 'pem-block'
  | 'base64-32-bytes'
  | 'base64-64-bytes'
  | 'not-all-digits'
  | 'mixed-alphanumeric';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

let crcTable: Uint32Array | undefined;

/** CRC-32 (IEEE 802.3, as zlib) of the UTF-8 bytes of an ASCII string. */
export function crc32(text: string): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i++) crc = crcTable[(crc ^ text.charCodeAt(i)) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** Base62 (0-9A-Za-z) of an unsigned number, left-padded with zeros to `width`. */
export function base62(value: number, width: number): string {
  let text = '';
  let rest = value;
  while (rest > 0) {
    text = BASE62[rest % 62] + text;
    rest = Math.floor(rest / 62);
  }
  return text.padStart(width, '0');
}

/**
 * GitHub's and npm's token format: prefix, 30 random base62 characters, then the CRC-32 of those 30
 * characters in 6 base62 characters. A typo-free real token always passes; a made-up string almost never.
 */
export function hasBase62Checksum(token: string, prefixLength: number): boolean {
  const body = token.slice(prefixLength);
  if (body.length !== 36) return false;
  const entropy = body.slice(0, 30);
  return base62(crc32(entropy), 6) === body.slice(30);
}

function base64UrlDecode(part: string): string | undefined {
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(part)) return undefined;
  try {
    return Buffer.from(part.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
  } catch {
    return undefined;
  }
}

/** A JWT: three base64url parts whose header decodes to a JSON object with an `alg`. */
export function isJwt(token: string): boolean {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[0] || !parts[1]) return false;
  const header = base64UrlDecode(parts[0]);
  const payload = base64UrlDecode(parts[1]);
  if (!header || !payload) return false;
  try {
    const parsed = JSON.parse(header) as unknown;
    if (
      typeof parsed !== 'object' ||
      parsed === null ||
      typeof (parsed as { alg?: unknown }).alg !== 'string'
    )
      return false;
    // An unsigned token (alg none, no signature) grants nothing.
    if ((parsed as { alg: string }).alg.toLowerCase() === 'none') return false;
    return typeof JSON.parse(payload) === 'object';
  } catch {
    return false;
  }
}

/**
 * A PEM private key block: BEGIN and matching END lines, and a body of base64 lines (or, for an encrypted
 * traditional key, Proc-Type/DEK-Info headers then base64). Literal `\n` escapes (a key inside a JSON
 * string or an env var) count as line breaks. A header alone (documentation, a regex) is not a key.
 */
export function isPemBlock(block: string): boolean {
  const text = block.replace(/\\r\\n|\\n/g, '\n').replace(/\r/g, '');
  const match =
    /-----BEGIN ([A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?)-----\n?([\s\S]*?)\n?-----END ([A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?)-----/.exec(
      text,
    );
  if (!match || match[1] !== match[3]) return false;
  const body = (match[2] ?? '')
    .split('\n')
    .map((line) => line.trim().replace(/^["',+\s]+|["',+\s]+$/g, ''))
    .filter((line) => line && !/^[A-Za-z-]+: /.test(line));
  const base64 = body.join('');
  if (base64.length < 64) return false;
  if (!/^[A-Za-z0-9+/=]+$/.test(base64)) return false;
  // Placeholders such as "MIIE...xxxx" or repeated filler are not keys.
  return !/(.)\1{9,}/.test(base64) && !/\.\.\./.test(match[2] ?? '');
}

function decodedLength(value: string): number {
  try {
    return Buffer.from(value, 'base64').length;
  } catch {
    return -1;
  }
}

/** Runs a validator by name on a candidate value. */
export function validate(name: ValidatorName, value: string): boolean {
  switch (name) {
    case 'github-checksum':
      return hasBase62Checksum(value, 4);
    case 'npm-checksum':
      return hasBase62Checksum(value, 4);
    case 'jwt':
      return isJwt(value);
    case 'pem-block':
      return isPemBlock(value);
    case 'base64-32-bytes':
      return decodedLength(value) === 32;
    case 'base64-64-bytes':
      return decodedLength(value) === 64;
    case 'not-all-digits':
      return !/^\d+$/.test(value);
    case 'mixed-alphanumeric':
      return /[0-9]/.test(value) && /[A-Za-z]/.test(value);
  }
}
