/**
 * Synthetic secrets for fixtures and tests: random characters in each provider's documented shape, with
 * valid checksums where a detector verifies one. Deterministic (seeded), so fixtures are reproducible.
 * None of these is a real credential.
 */
import { base62, crc32 } from '../../../scanners/secrets/validators.js';

export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SETS: Record<string, string> = {
  A: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
  a: 'abcdefghijklmnopqrstuvwxyz0123456789',
  U: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
  h: '0123456789abcdef',
  H: '0123456789ABCDEF',
  d: '0123456789',
  l: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
  b: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/',
  u: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-',
  B: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567',
  z: 'abcdefghijklmnopqrstuvwxyz234567',
  x: 'abcdefghijklmnopqrstuvwxyz',
  c: 'QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L',
};

/**
 * Expands a template: `{A:20}` 20 alphanumerics (sets above), `{uuid}`, `{gh:ghp_}` a GitHub-style token
 * with a valid CRC32 checksum, `{b64:64}` base64 of 64 random bytes, `{jwt}` a signed-looking JWT,
 * `{pem:RSA PRIVATE KEY}` a PEM block (with real line breaks).
 */
export function expand(template: string, random: () => number): string {
  const pick = (set: string, n: number) => {
    let out = '';
    for (let i = 0; i < n; i++) out += set[Math.floor(random() * set.length)];
    return out;
  };
  return template.replace(
    /\{(uuid|gh|b64|jwt|pem|[AaUhHdlbuBzxc])(?::([^}]*))?\}/g,
    (_all, kind: string, arg?: string) => {
      if (kind === 'uuid')
        return `${pick(SETS.h!, 8)}-${pick(SETS.h!, 4)}-4${pick(SETS.h!, 3)}-a${pick(SETS.h!, 3)}-${pick(SETS.h!, 12)}`;
      if (kind === 'gh') {
        const entropy = pick(SETS.A!, 30);
        return `${arg}${entropy}${base62(crc32(entropy), 6)}`;
      }
      if (kind === 'b64') return Buffer.from(pick(SETS.A!, Number(arg))).toString('base64');
      if (kind === 'jwt') {
        const header = Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url');
        const payload = Buffer.from(
          `{"sub":"${pick(SETS.d!, 8)}","name":"svc-${pick(SETS.x!, 6)}","iat":1700000000}`,
        ).toString('base64url');
        return `${header}.${payload}.${pick(SETS.u!, 43)}`;
      }
      if (kind === 'pem') {
        const body: string[] = [];
        for (let i = 0; i < 8; i++) body.push(pick(SETS.b!, 64));
        return `-----BEGIN ${arg}-----\n${body.join('\n')}\n${pick(SETS.b!, 20)}=\n-----END ${arg}-----`;
      }
      const set = SETS[kind];
      if (!set) throw new Error(`unknown sample set ${kind}`);
      return pick(set, Number(arg));
    },
  );
}
