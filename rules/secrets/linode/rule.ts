import { KEYED_FILTERS } from '../../../scanners/secrets/filters.js';
import { assigned } from '../../../scanners/secrets/patterns.js';
import { secretRule } from '../../../scanners/secrets/secret-rule.js';

/** Linode (Akamai Cloud) API tokens. */
export default secretRule({
  id: 'PAL-SECRET-008',
  title: 'Linode API token in source',
  severity: 'high',
  severityRationale: 'A working credential lets anyone who reads the repository act as its owner.',
  description: 'A Linode (Akamai Cloud Computing) personal access token is committed to the repository.',
  remediation:
    'Revoke the token in Cloud Manager under API Tokens and create a new one with the least scopes needed.',
  tags: ['linode', 'credential'],
  detectors: [
    {
      id: 'linode-api-token',
      description: 'Linode personal access token',
      keywords: ['linode'],
      pattern: assigned('linode[_.-]?(?:cli[_.-]?|api[_.-]?)?(?:token|key|pat)', '[a-f0-9]{64}'),
      filters: KEYED_FILTERS,
    },
  ],
});
