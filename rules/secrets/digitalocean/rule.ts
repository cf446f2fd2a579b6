import { KEYED_FILTERS, PREFIXED_FILTERS } from '../../../scanners/secrets/filters.js';
import { assigned, token } from '../../../scanners/secrets/patterns.js';
import { secretRule } from '../../../scanners/secrets/secret-rule.js';

/** DigitalOcean API tokens and Spaces keys. */
export default secretRule({
  id: 'PAL-SECRET-007',
  title: 'DigitalOcean credential in source',
  severity: 'high',
  severityRationale: 'A working credential lets anyone who reads the repository act as its owner.',
  description:
    'A DigitalOcean personal access token, OAuth or refresh token, or Spaces access key is committed to the repository.',
  remediation:
    'Revoke the token under API > Tokens in the DigitalOcean control panel and use a new one from a secret store.',
  tags: ['digitalocean', 'credential'],
  detectors: [
    {
      id: 'digitalocean-pat',
      description: 'DigitalOcean personal access token',
      keywords: ['dop_v1_'],
      pattern: token('dop_v1_[a-f0-9]{64}'),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'digitalocean-oauth-token',
      description: 'DigitalOcean OAuth access token',
      keywords: ['doo_v1_'],
      pattern: token('doo_v1_[a-f0-9]{64}'),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'digitalocean-refresh-token',
      description: 'DigitalOcean OAuth refresh token',
      keywords: ['dor_v1_'],
      pattern: token('dor_v1_[a-f0-9]{64}'),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'digitalocean-spaces-secret',
      description: 'DigitalOcean Spaces secret key',
      keywords: ['spaces_secret', 'spaces_key', 'do_spaces', 'spaces_secret_key'],
      pattern: assigned(
        '(?:do[_.-]?)?spaces[_.-]?(?:secret[_.-]?)?(?:access[_.-]?)?key|spaces[_.-]?secret',
        '[A-Za-z0-9+/]{43}',
      ),
      filters: KEYED_FILTERS,
      minEntropy: 4,
    },
  ],
});
