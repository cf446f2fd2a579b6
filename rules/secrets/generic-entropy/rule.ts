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
];

/** A secret-like word, then up to 40 characters and an opening quote or assignment. */
const CONTEXT = String.raw`(?i:key|secret|token|passw|pwd|auth|cred|private|bearer|api_|apikey|signature|salt|cert)[^\n]{0,40}?(?:["\']|[:=]\s{0,4})`;

/** The value ends at a closing quote, the end of the line, or a separator. */
const END = String.raw`(?:["\']|\s*$|\s*[,;])`;

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
      pattern: String.raw`${CONTEXT}([A-Za-z0-9+/_-]{20,}={0,2})${END}`,
      generic: 'entropy-base64',
      filters: ALL_FILTERS,
      validators: ['mixed-alphanumeric'],
    },
    {
      id: 'generic-high-entropy-hex',
      description: 'High-entropy hex string in a secret-like context',
      keywords: CONTEXT_KEYWORDS,
      pattern: String.raw`${CONTEXT}([a-fA-F0-9]{32,})${END}`,
      generic: 'entropy-hex',
      filters: ALL_FILTERS,
      validators: ['mixed-alphanumeric'],
    },
  ],
});
