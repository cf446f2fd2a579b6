import { KEYED_FILTERS, PREFIXED_FILTERS } from '../../../scanners/secrets/filters.js';
import { assigned, token } from '../../../scanners/secrets/patterns.js';
import { secretRule } from '../../../scanners/secrets/secret-rule.js';

/** Cloudflare API tokens, global API keys and Origin CA keys. */
export default secretRule({
  id: 'PAL-SECRET-009',
  title: 'Cloudflare credential in source',
  severity: 'high',
  severityRationale: 'A working credential lets anyone who reads the repository act as its owner.',
  description: 'A Cloudflare API token, global API key or Origin CA key is committed to the repository.',
  remediation:
    'Roll the token or global key in the Cloudflare dashboard (My Profile > API Tokens) and keep the new one in a secret store.',
  tags: ['cloudflare', 'credential'],
  detectors: [
    {
      id: 'cloudflare-api-token',
      description: 'Cloudflare API token',
      keywords: ['cloudflare', 'cf_api_token', 'cf_token'],
      pattern: assigned('(?:cloudflare|cf)[_.-]?(?:api[_.-]?)?token', '[A-Za-z0-9_-]{40}'),
      filters: KEYED_FILTERS,
      minEntropy: 4,
    },
    {
      id: 'cloudflare-global-api-key',
      description: 'Cloudflare global API key',
      keywords: ['cloudflare', 'cf_api_key', 'cf_key'],
      pattern: assigned(
        '(?:cloudflare|cf)[_.-]?(?:global[_.-]?)?(?:api[_.-]?)?key|x-auth-key',
        '[a-f0-9]{37}',
      ),
      filters: KEYED_FILTERS,
    },
    {
      id: 'cloudflare-origin-ca-key',
      description: 'Cloudflare Origin CA key',
      keywords: ['v1.0-'],
      pattern: token(String.raw`v1\.0-[a-f0-9]{24}-[a-f0-9]{146}`),
      filters: PREFIXED_FILTERS,
    },
  ],
});
