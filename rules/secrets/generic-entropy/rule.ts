import { ALL_FILTERS } from '../../../scanners/secrets/filters.js';
import { secretRule } from '../../../scanners/secrets/secret-rule.js';

/** Words that make a line secret-like; the prefilter needs one of them before either pattern runs. */
const CONTEXT_KEYWORDS = [
  'key',
  'secret',
  'token',
  'passw',
  'pwd',
  'auth',
  'cred',
  'private',
  'bearer',
  'api_',
  'apikey',
  'signature',
  'salt',
  'cert',
];

/**
 * An opening quote or an assignment. The value must start within 40 characters after a context keyword
 * (`keywordWithin`, checked by the engine from the prefilter's hits: spelled as a pattern prefix, "keyword,
 * then up to 40 characters" makes RE2's automaton explode on keyword-dense lines).
 */
const OPENER = String.raw`(?:["\']|[:=]\s{0,4})`;

/** The value ends at a closing quote, the end of the line, or a separator. */
const END = String.raw`(?:["\']|\s*$|\s*[,;])`;

const BASE64 = '[A-Za-z0-9+/_-]';
const HEX = '[a-fA-F0-9]';

/** How either value begins, checked at each keyword before a region is searched (`keywordThen`). */
const VALUE_START = `${OPENER}${BASE64}{20}`;

/** Generic: high-entropy base64 and hex strings in a secret-like context. */
export default secretRule({
  id: 'PAL-SECRET-036',
  title: 'High-entropy secret-like string',
  severity: 'medium',
  severityRationale:
    'A random-looking value next to a secret-like name is often a credential; it is medium because the provider is unknown and some are false alarms.',
  description:
    'A quoted or assigned string with high Shannon entropy (base64 or hex) on a line that talks about keys, secrets, tokens, passwords or credentials. The limits are tunable in .palisade.yml (`secrets.entropy.base64`, `secrets.entropy.hex`). Lockfiles, SRI integrity values, checksums, UUIDs and file paths are ignored.',
  remediation:
    'If it is a credential, revoke and rotate it and read it at run time from a secret store; if not, mark it with `palisade:allow`.',
  tags: ['credential', 'generic', 'entropy'],
  detectors: [
    {
      id: 'generic-high-entropy-base64',
      description: 'High-entropy base64 string in a secret-like context',
      keywords: CONTEXT_KEYWORDS,
      pattern: `${OPENER}(${BASE64}{20,}={0,2})${END}`,
      keywordWithin: 40,
      keywordThen: VALUE_START,
      generic: 'entropy-base64',
      filters: ALL_FILTERS,
      validators: ['mixed-alphanumeric'],
    },
    {
      id: 'generic-high-entropy-hex',
      description: 'High-entropy hex string in a secret-like context',
      keywords: CONTEXT_KEYWORDS,
      pattern: `${OPENER}(${HEX}{32,})${END}`,
      keywordWithin: 40,
      // The base64 detector's: a hex value is a base64 one too, and the two then test each keyword once.
      keywordThen: VALUE_START,
      generic: 'entropy-hex',
      filters: ALL_FILTERS,
      validators: ['mixed-alphanumeric'],
    },
  ],
});
