import { characterClasses, shannonEntropy } from './entropy.js';

/**
 * False-positive filters. Each one answers "does this candidate only look like a secret?" for a reason a
 * reviewer would accept. Specific formats (a checksummed GitHub token) use few of them; generic detectors
 * (keyword assignments, high entropy) use all.
 */
export type FilterName =
  | 'placeholder'
  | 'reference'
  | 'repeated'
  | 'uuid'
  | 'hash'
  | 'path'
  | 'identifier'
  | 'low-entropy'
  | 'example'
  | 'non-ascii'
  | 'public-key';

export interface FilterContext {
  value: string;
  /** The whole line holding the value's start. */
  line: string;
  /** The part of the line before the value. */
  before: string;
  /** File path relative to the scan root. */
  file: string;
}

const PLACEHOLDER_WORDS =
  /^(?:change[_-]?me|change[_-]?it|changeme\d*|password\d?|passw0rd|passwd|pass|pwd|secret|secrets?[_-]?key|token|api[_-]?key|key|example|sample|dummy|test|tests|testing|fake|foo|bar|baz|qux|foobar|placeholder|redacted|removed|hidden|masked|none|null|nil|undefined|true|false|empty|default|todo|fixme|tbd|n\/a|na|string|str|value|unknown|notset|not[_-]?set|required|optional|secure|insecure|admin|root|user|username|guest|demo|xyz|abc|abc123|12345678|123456|qwerty|letmein|mysecret|mypassword|mytoken|mykey)$/i;
const PLACEHOLDER_SHAPES = [
  /^(?:your|insert|replace|enter|put|provide|fill)[_\- ]?[a-z0-9_\- ]*$/i,
  /^(?:my|some|the|add|set|generate)[_\- ][a-z0-9_\- ]*$/i,
  /(?:_here|-here|\bhere)$/i,
  /^<[^<>]*>$/,
  /^\[[^[\]]*\]$/,
  /^\{[^{}]*\}$/,
  /x{4,}|X{4,}|\*{3,}|\.{3,}|•{2,}|#{4,}|_{4,}|-{4,}|0{8,}|…/,
  /\$\{[^}]*\}?|\{\{[^}]*\}?\}?|\$\([^)]*\)?|%\([a-z_]+\)[sd]|%[sdv]\b|#\{[^}]*\}|@\{[^}]*\}|\$[A-Z_][A-Z0-9_]{2,}$|^\$[a-z_][a-z0-9_]*$/i,
  /^__[A-Z0-9_]+__$|^@[A-Z0-9_]+@$|^%[A-Z0-9_]+%$/i,
  /^(?:[a-z]+[_-])?(?:example|sample|dummy|fake|placeholder|test|mock|fixture|demo)(?:[_-][a-z0-9]+)*$/i,
  /(?:example|sample|dummy|placeholder|redacted|changeme|replace[_-]?me|not[_-]?a[_-]?real|fake[_-]?(?:key|token|secret|password))/i,
  // Words and numbers that spell out a secret word: test values and labels (`secret-2-levels`,
  // `my-secret-token`, `libsecret-1-0`). A part that mixes letters and digits, or upper case, is not a word.
  /^(?=(?:[a-z]+|\d+)(?:[_-](?:[a-z]+|\d+))+$).*?(?:secret|passw(?:or)?d|token)/,
];

/** `changeme`, `<password>`, `xxxx`, `${VAR}`, `{{ x }}`, `%s`, `$(cmd)`, `***`, `your-token-here`. */
export function isPlaceholder(value: string): boolean {
  if (PLACEHOLDER_WORDS.test(value)) return true;
  return PLACEHOLDER_SHAPES.some((shape) => shape.test(value));
}

const REFERENCE_IN_VALUE =
  /process\.env|import\.meta\.env|os\.environ|os\.getenv|getenv\(|System\.getenv|Environment\.GetEnvironmentVariable|ENV\[|ENV\.fetch|\benv\(|@Microsoft\.KeyVault\(|\{\{\s*resolve:(?:secretsmanager|ssm-secure|ssm):|aws_secretsmanager|secretsmanager:|arn:aws:secretsmanager|\$\{\{\s*(?:secrets|vars|env)\.|secretKeyRef|valueFrom|vault:|\bvault\.|keyvault|\bsecrets\.|\bconfig\.|\bsettings\.|\bparams\.|\bargs\.|\bopts\.|\boptions\.|\bself\.|\bthis\./i;
const REFERENCE_BEFORE =
  /(?:process\.env|os\.environ|os\.getenv|getenv|System\.getenv|GetEnvironmentVariable|ENV\.fetch|\bENV\[|secretKeyRef|valueFrom|!Ref|!Sub|!GetAtt|Fn::|ssm-secure|resolve:secretsmanager|aws_secretsmanager_secret)\s*[([:{]?\s*["']?$/i;

/** `process.env.X`, `os.environ[...]`, Key Vault and Secrets Manager references: the value is a name. */
export function isReference(context: FilterContext): boolean {
  if (REFERENCE_IN_VALUE.test(context.value)) return true;
  return REFERENCE_BEFORE.test(context.before.trimEnd());
}

const SEQUENCES = [
  'abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz',
  '0123456789012345678901234567890123456789',
  '01234567890abcdefghijklmnopqrstuvwxyz',
  '0123456789abcdef0123456789abcdef',
  'qwertyuiopasdfghjklzxcvbnm',
  '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p',
];

/** `aaaaaaaa`, `abcabcabc`, `123456789`, `abcdef…`, `qwerty…`: a pattern, not a secret. */
export function isRepeatedOrSequential(value: string): boolean {
  const lower = value.toLowerCase();
  // A short unit repeated over the whole value.
  for (let unit = 1; unit <= 4 && unit * 2 < lower.length; unit++) {
    const piece = lower.slice(0, unit);
    if (piece.repeat(Math.ceil(lower.length / unit)).slice(0, lower.length) === lower) return true;
  }
  // One character making up most of it.
  const counts = new Map<string, number>();
  for (const char of lower) counts.set(char, (counts.get(char) ?? 0) + 1);
  if (Math.max(...counts.values()) / lower.length > 0.6) return true;
  const alnum = lower.replace(/[^a-z0-9]/g, '');
  if (alnum.length >= 6) {
    for (const sequence of SEQUENCES) {
      if (sequence.includes(alnum) || [...sequence].reverse().join('').includes(alnum)) return true;
    }
    // Mostly ascending or descending runs.
    let steps = 0;
    for (let i = 1; i < alnum.length; i++) {
      const delta = alnum.charCodeAt(i) - alnum.charCodeAt(i - 1);
      if (delta === 1 || delta === -1 || delta === 0) steps++;
    }
    if (steps / (alnum.length - 1) >= 0.7) return true;
  }
  return false;
}

const UUID = /^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

const LOCKFILES =
  /(?:^|\/)(?:\.?package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|bun\.lock|Cargo\.lock|go\.sum|poetry\.lock|Pipfile\.lock|uv\.lock|composer\.lock|Gemfile\.lock|Podfile\.lock|packages\.lock\.json|gradle\.lockfile|flake\.lock|mix\.lock|pubspec\.lock|\.terraform\.lock\.hcl)$/i;
const HASH_CONTEXT =
  /(?:integrity|checksum|sha1|sha256|sha384|sha512|sha-?\d|md5|digest|hash|etag|nonce|fingerprint|commit|revision|\brev\b|sri|h1:|resolved|shasum|crc|signature_?version|object_?id|uuid|guid|\b(?:gpg|pgp)(?: key)?)\W*["'=:\s]*$/i;
const HASH_VALUE = /^(?:sha(?:1|224|256|384|512)[-:]|md5[-:]|h1:)/i;

/** True for dependency lockfiles: their hashes are the bulk of high-entropy strings in a repository. */
export function isLockfile(file: string): boolean {
  return LOCKFILES.test(file);
}

/** Lockfile hashes, SRI `integrity` values, checksums, commit ids and GPG key fingerprints. */
export function isHash(context: FilterContext): boolean {
  if (isLockfile(context.file)) return true;
  if (HASH_VALUE.test(context.value)) return true;
  return HASH_CONTEXT.test(context.before);
}

/** `/etc/ssl/private/server.key`, `./config/token.json`, `C:\keys\x.pem`, `https://host/path`. */
export function isFilePath(value: string): boolean {
  if (/^(?:\.{1,2}\/|~\/|\/[A-Za-z0-9._-]|[A-Za-z]:\\|\\\\)/.test(value)) return true;
  if (/^[a-z][a-z0-9+.-]*:\/\/[^@\s]*$/i.test(value)) return true;
  const segments = value.split(/[\\/]/);
  if (segments.length >= 3 && segments.every((s) => /^[A-Za-z0-9._-]*$/.test(s))) {
    const last = segments.at(-1) ?? '';
    if (/\.[A-Za-z0-9]{1,6}$/.test(last) || segments.every((s) => /^[a-z0-9._-]*$/.test(s))) return true;
  }
  // Shared libraries (`libsecret-1.so.0`, `crypt32.dll`).
  if (/^[\w.+-]+\.(?:so(?:\.\d+)*|dll|dylib)$/i.test(value)) return true;
  // A file name, or a relative path (`bin/cli.js`), with a known extension.
  return /^[\w.-]+(?:\/[\w.-]+)*\.(?:json|ya?ml|pem|key|crt|cer|p12|pfx|txt|env|conf|cfg|ini|properties|xml|js|cjs|mjs|ts|py|rb|go|java|sh)$/i.test(
    value,
  );
}

/**
 * A code identifier or a word, not a secret: `getPassword`, `user_token`, `API_KEY_NAME`, `SecretValue`,
 * `org.example.Config`. Letters in word-shaped runs, at most a trailing number.
 */
export function isIdentifier(candidate: string): boolean {
  // A sigil in front is still a name: `?NoLineTerminator` (a parser's token kind), `@scope`, `#anchor`.
  const value = candidate.replace(/^[?@#!:]/, '');
  if (!/^[A-Za-z_$][A-Za-z0-9_$.:-]*$/.test(value)) return false;
  const words = value
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[\s_$.:-]+/)
    .filter(Boolean);
  if (!words.length) return false;
  const digitGroups = value.match(/\d+/g) ?? [];
  if (digitGroups.length > 1 || (digitGroups.length === 1 && !/\d+$/.test(value))) return false;
  // Random mixed case ("hJkLmNqW") splits into many one- or two-letter pieces; words do not.
  const shortPieces = words.filter((w) => w.replace(/\d+$/, '').length <= 2).length;
  return shortPieces <= Math.max(1, words.length / 4) && words.every((w) => /^[A-Za-z]+\d*$/.test(w));
}

/** Too little randomness to be a credential: short, one character class, or low entropy for its length. */
export function isLowEntropy(value: string, minimum = 2.5): boolean {
  if (value.length < 6) return true;
  if (characterClasses(value) === 1 && /^[a-z]+$|^[A-Z]+$/.test(value)) return true;
  return shannonEntropy(value) < minimum;
}

/** The common "EXAMPLE" marking of documented values. */
const EXAMPLE_MARKS = /EXAMPLE|example|Example|SAMPLE|sample|DUMMY|dummy|TEST[_-]?KEY|test[_-]?key|FAKE|fake/;

/**
 * Values published in documentation without such a mark, and copied into code from there, for formats
 * that the generic detectors find (the provider detectors list their providers' examples in `allow`):
 * GitHub's example public key for encrypting Actions secrets (REST API docs, also in @octokit/openapi-types),
 * the Telegram Bot API's example token, and the sample token in azure-devops-node-api's README. On
 * node_modules these were 33 of 103 findings.
 */
const DOCUMENTED_EXAMPLES = new Set([
  '+ZYvJDZMHUfBkJdyq5Zm9SKqeuBQ4sj+6sfjlH4CgG0=',
  '123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11',
  // Its part after the bot id, which is what the base64 detector sees.
  'ABC-DEF1234ghIkl-zyx57W2v1u123ew11',
  'cbdeb34vzyuk5l4gxc4qfczn3lko3avfkfqyb47etahq6axpcqha',
]);

/** Values the providers publish in their docs, and the common "EXAMPLE" marking. */
export function isDocumentedExample(value: string): boolean {
  return EXAMPLE_MARKS.test(value) || DOCUMENTED_EXAMPLES.has(value);
}

/**
 * A character outside ASCII: a translated message (`"Unexpected_token": "予期しないトークン"`), not a
 * credential. Keys, tokens and generated passwords are ASCII.
 */
export function hasNonAscii(value: string): boolean {
  return /[^\x00-\x7f]/.test(value);
}

const PUBLIC_KEY_NAME = /(?:public|pub)[_.-]?key/i;

/**
 * A public key, by the name just before it (`publicKey = Convert.FromBase64String("...")`, `pub_key: "..."`):
 * random-looking, keyed, and meant to be shared.
 */
export function isPublicKey(context: FilterContext): boolean {
  return PUBLIC_KEY_NAME.test(context.before.slice(-80));
}

/** What each filter asks of a candidate: true when it only looks like a secret. */
const FILTERS: Record<FilterName, (context: FilterContext) => boolean> = {
  placeholder: (c) => isPlaceholder(c.value),
  reference: isReference,
  repeated: (c) => isRepeatedOrSequential(c.value),
  uuid: (c) => isUuid(c.value),
  hash: isHash,
  path: (c) => isFilePath(c.value),
  identifier: (c) => isIdentifier(c.value),
  'low-entropy': (c) => isLowEntropy(c.value),
  example: (c) => isDocumentedExample(c.value),
  'non-ascii': (c) => hasNonAscii(c.value),
  'public-key': isPublicKey,
};

/** Runs the named filters; returns the first that rejects the candidate, or undefined. */
export function rejectedBy(names: readonly FilterName[], context: FilterContext): FilterName | undefined {
  return names.find((name) => FILTERS[name](context));
}

/** The filters for provider formats with a distinctive prefix: only obvious look-alikes go. */
export const PREFIXED_FILTERS: FilterName[] = ['placeholder', 'repeated', 'example'];
/** For provider values recognised by a nearby name rather than a prefix (Datadog keys, Twilio tokens). */
export const KEYED_FILTERS: FilterName[] = ['placeholder', 'reference', 'repeated', 'example'];
/** Every filter: for generic detectors and formats without a prefix. */
export const ALL_FILTERS: FilterName[] = [
  'placeholder',
  'reference',
  'repeated',
  'uuid',
  'hash',
  'path',
  'identifier',
  'low-entropy',
  'example',
  'non-ascii',
  'public-key',
];
