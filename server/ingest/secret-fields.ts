/** Finds fields that look like they carry a raw secret value, which an upload must never contain. */
import {
  BASE64ISH,
  characterClasses,
  expectedRandomEntropy,
  HEX,
  shannonEntropy,
} from '../../scanners/secrets/entropy.js';
import { isFilePath, isIdentifier, isUuid } from '../../scanners/secrets/filters.js';

/** Names the Finding model never uses, but a careless uploader might send a secret under. */
const SECRET_FIELD_NAME = /value|raw|plain|clear|match|passw|token|key|credential/i;
/** Tag keys that name a secret: the field names above, and `secret` (a finding's `secret` field is its hash). */
const SECRET_TAG_KEY = new RegExp(`${SECRET_FIELD_NAME.source}|secret|private`, 'i');

/**
 * JSON pointers (RFC 6901) of every field in `body` whose name looks like a secret value. Objects whose
 * pointer matches `dataMaps` (resource tags) hold data keyed by the user's own names: their keys are not
 * field names, and `safeTags` filters them when they are stored.
 */
export function findSecretFields(body: unknown, pointer = '', dataMaps?: RegExp): string[] {
  const found: string[] = [];
  collectSecretFields(body, pointer, dataMaps, found);
  return found;
}

/** Pointers are built only for objects and matches: an upload has a million primitive fields. */
function collectSecretFields(
  body: unknown,
  pointer: string,
  dataMaps: RegExp | undefined,
  found: string[],
): void {
  if (body === null || typeof body !== 'object') return;
  if (Array.isArray(body)) {
    for (let index = 0; index < body.length; index++) {
      const item: unknown = body[index];
      if (item !== null && typeof item === 'object')
        collectSecretFields(item, `${pointer}/${index}`, dataMaps, found);
    }
    return;
  }
  if (dataMaps?.test(pointer)) return;
  for (const name of Object.keys(body)) {
    const value: unknown = (body as Record<string, unknown>)[name];
    const isObject = value !== null && typeof value === 'object';
    const named = SECRET_FIELD_NAME.test(name);
    if (!named && !isObject) continue;
    const child = `${pointer}/${name.replaceAll('~', '~0').replaceAll('/', '~1')}`;
    if (named) found.push(child);
    if (isObject) collectSecretFields(value, child, dataMaps, found);
  }
}

/**
 * A tag value that could be a credential: a run of at least 16 base64 characters that mixes letters and
 * digits and is as random as a generated string of its length. Words joined by `-`, `_`, `.` or `:`
 * (`production-eu-west-1`), UUIDs (trace tags), ARNs, paths and URLs are not.
 */
export function looksLikeSecretValue(value: string): boolean {
  if (isUuid(value.trim()) || isFilePath(value)) return false;
  return value.split(/[\s\-_.:,;@]+/).some((run) => {
    if (run.length < 16 || !BASE64ISH.test(run) || isIdentifier(run)) return false;
    if (!/[A-Za-z]/.test(run) || !/\d/.test(run) || characterClasses(run) < 2) return false;
    const alphabet = HEX.test(run) ? 16 : 64;
    return shannonEntropy(run) >= expectedRandomEntropy(run.length, alphabet) * 0.8;
  });
}

/**
 * The tags that may be stored: a tag whose key names a secret (`db_password`, `api_key`) or whose value
 * looks like a credential is dropped, never kept, whatever the source (IaC, Terraform state, cloud APIs).
 */
export function safeTags(tags: Readonly<Record<string, string>>): Record<string, string> {
  const kept: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [key, value] of Object.entries(tags)) {
    if (typeof value !== 'string' || SECRET_TAG_KEY.test(key) || looksLikeSecretValue(value)) continue;
    kept[key] = value;
  }
  return kept;
}
