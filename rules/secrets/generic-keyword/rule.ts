import { ALL_FILTERS } from '../../../scanners/secrets/filters.js';
import { secretRule } from '../../../scanners/secrets/secret-rule.js';

/** Names that mark a secret-bearing assignment; shared by every per-file-type detector below. */
const SECRET_KEYWORDS = [
  'password',
  'passwd',
  'passphrase',
  'pwd',
  'secret',
  'token',
  'api_key',
  'apikey',
  'api-key',
  'access_key',
  'accesskey',
  'auth_key',
  'private_key',
  'credential',
];

/**
 * Every spelling SECRET_WORD allows, as keywords: a code detector that checks what follows its keyword
 * (keywordThen) must see every match's secret word as a keyword.
 */
const SECRET_WORD_KEYWORDS = [
  ...SECRET_KEYWORDS,
  'api.key',
  'access-key',
  'access.key',
  'authkey',
  'auth-key',
  'auth.key',
  'privatekey',
  'private-key',
  'private.key',
];

/** A secret word and the rest of the name after it. */
const SECRET_WORD = `(?i:password|passwd|passphrase|pwd|secret|token|api[_.-]?key|access[_.-]?key|auth[_.-]?key|private[_.-]?key|credentials?)[A-Za-z0-9_.-]{0,30}`;

/** A variable or key name containing one of the secret words (the pattern fragment every detector embeds). */
const SECRET_NAME = `[A-Za-z0-9_.-]{0,40}${SECRET_WORD}`;

/** Names that contain a secret word but describe metadata about it (`password_length`, `token_url`, ...). */
const REJECT_NAME = String.raw`(?i:(?:name|id|ids|type|types|length|len|size|url|uri|urls|path|file|files|filename|dir|field|label|hint|prompt|placeholder|format|regex|pattern|policy|policies|expiry|expires|expiration|ttl|count|header|param|params|endpoint|enabled|disabled|required|min|max|hash|hashed|salt|prefix|suffix|ref|arn|version|mode|strategy|source|store|manager|provider|service|style|color|class|key_?id|reset|changed|confirm|confirmation|validation|validator|error|errors|message|msg|text|title|description|sent|storage|location|env|var|variable|mask|masked|visible|input|selector|icon|method|scope|scopes|audience|issuer|lifetime|timeout|limit|rotation|generator|encoder|decoder|helper|util|utils|test|tests|spec|mock|fixture|example|sample|template|default|defaults)["\'\]]?\s*(?::=|=>|[:=]))`;

const KEYWORD_DEFAULTS = { generic: 'keyword', filters: ALL_FILTERS, minEntropy: 2.6 } as const;

/** Generic: a literal assigned to a password, secret, token or api_key name, per file type. */
export default secretRule({
  id: 'PAL-SECRET-035',
  title: 'Hard-coded password or secret',
  severity: 'high',
  severityRationale:
    'A literal credential in code is as usable as a provider key, but nothing identifies the provider to revoke it automatically.',
  description:
    'A literal value is assigned to a name that says password, secret, token, API key or credential. Each file type has its own assignment syntax (code, YAML, JSON, properties, ini, .env, XML, shell). Placeholders, references to the environment or a secret store, identifiers, paths and low-entropy words are filtered out.',
  remediation:
    'Change the password or revoke the secret, and read it at run time from the environment or a secret store.',
  tags: ['credential', 'generic'],
  detectors: [
    {
      id: 'generic-secret-code',
      description:
        'Hard-coded secret in source code (quoted literal assigned to a secret-named variable or key)',
      keywords: SECRET_WORD_KEYWORDS,
      // From the secret word on: an unanchored `[A-Za-z0-9_.-]{0,40}` before it made RE2 run at 35 MB/s.
      pattern: String.raw`${SECRET_WORD}["\'\]]?\s{0,4}(?::=|=>|=|:)\s{0,4}(?:[A-Za-z]{1,10}\()?["\']([^"\'\s\\]{4,200})["\']`,
      // The rest of the name, the assignment and the value's first characters. RE2's \s is [\t\n\f\r ],
      // JavaScript's wider: spelled out where it is excluded, so this accepts all the pattern does.
      keywordThen: String.raw`[A-Za-z0-9_.-]{0,31}["\'\]]?\s{0,4}(?::=|=>|=|:)\s{0,4}(?:[A-Za-z]{1,10}\()?["\'][^"\'\\\t\n\f\r ]{4}`,
      fileKinds: ['code'],
      ...KEYWORD_DEFAULTS,
      rejectMatch: REJECT_NAME,
    },
    {
      id: 'generic-secret-yaml',
      description: 'Hard-coded secret in YAML',
      keywords: SECRET_KEYWORDS,
      pattern: String.raw`(?m:^\s*-?\s*["\']?${SECRET_NAME}["\']?\s*:\s+)(?:["\']([^"\'\s\\]{4,200})["\']|([^\s"\'#;,]{4,200}))\s*(?:#.*)?$`,
      fileKinds: ['yaml'],
      ...KEYWORD_DEFAULTS,
      rejectMatch: REJECT_NAME,
    },
    {
      id: 'generic-secret-yaml-unquoted',
      description: 'Hard-coded secret in YAML (unquoted)',
      keywords: SECRET_KEYWORDS,
      pattern: String.raw`(?m:^\s*-?\s*${SECRET_NAME}\s*:\s+)([^\s"\'#{}\[\]&*!|>][^\s"\'#]{3,199})\s*(?:#.*)?$`,
      fileKinds: ['yaml'],
      ...KEYWORD_DEFAULTS,
      rejectMatch: REJECT_NAME,
    },
    {
      id: 'generic-secret-json',
      description: 'Hard-coded secret in JSON',
      keywords: SECRET_KEYWORDS,
      pattern: String.raw`"${SECRET_NAME}"\s*:\s*"([^"\'\s\\]{4,200})"`,
      fileKinds: ['json'],
      ...KEYWORD_DEFAULTS,
      rejectMatch: REJECT_NAME,
    },
    {
      id: 'generic-secret-properties',
      description: 'Hard-coded secret in a properties, ini, .env or TOML file',
      keywords: SECRET_KEYWORDS,
      pattern: String.raw`(?m:^\s*(?:export\s+)?${SECRET_NAME}\s*[=:]\s*)["\']?([^\s"\'#;,]{4,200})["\']?\s*$`,
      fileKinds: ['properties', 'ini', 'env'],
      ...KEYWORD_DEFAULTS,
      rejectMatch: REJECT_NAME,
    },
    {
      id: 'generic-secret-xml',
      description: 'Hard-coded secret in XML (element, attribute or key/value setting)',
      keywords: SECRET_KEYWORDS,
      pattern: String.raw`(?:<${SECRET_NAME}(?:\s[^>]{0,100})?>\s*([^<\s]{4,200})\s*</|\s${SECRET_NAME}\s*=\s*"([^"\s]{4,200})"|key\s*=\s*"${SECRET_NAME}"\s+value\s*=\s*"([^"\s]{4,200})")`,
      fileKinds: ['xml'],
      ...KEYWORD_DEFAULTS,
    },
    {
      id: 'generic-secret-shell',
      description: 'Hard-coded secret in a shell script or Dockerfile',
      keywords: SECRET_KEYWORDS,
      pattern: String.raw`(?:^|\s|;)(?:export\s+|ENV\s+|ARG\s+|set\s+)?${SECRET_NAME}[=\s]\s*["\']?([^\s"\'$;|&]{4,200})["\']?(?:\s|;|$)`,
      fileKinds: ['shell'],
      ...KEYWORD_DEFAULTS,
      rejectMatch: REJECT_NAME,
    },
    {
      id: 'generic-password-flag',
      description: 'Password or token given on a command line (--password=..., --token ...)',
      // Every flag the pattern takes (`--pass` covers `--password` and `--passwd`); `-p` took none of them.
      keywords: ['--pass', '--token', '--api-key', '--secret'],
      pattern: String.raw`(?:^|\s)(?:--password|--passwd|--pass|--token|--api-key|--secret)(?:=|\s+)["\']?([^\s"\'$;|&]{4,200})`,
      fileKinds: ['shell', 'other', 'yaml'],
      ...KEYWORD_DEFAULTS,
    },
  ],
});
