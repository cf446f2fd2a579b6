/** Random tokens and their hashes: tokens and session ids are stored only as SHA-256. */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new API token: a recognisable prefix and 256 random bits. */
export function generateApiToken(): string {
  return `pal_${randomBytes(32).toString('base64url')}`;
}

/** A new random value for session ids and CSRF tokens. */
export function generateRandomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** A readable generated password: 20 characters from 120 random bits. */
export function generatePassword(): string {
  return randomBytes(15).toString('base64url');
}

/** Hex SHA-256 of a token, the form in which tokens and session ids are stored. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Compares two strings in constant time (for CSRF tokens). */
export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}
