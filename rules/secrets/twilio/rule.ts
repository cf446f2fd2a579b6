import { KEYED_FILTERS, PREFIXED_FILTERS } from '../../../scanners/secrets/filters.js';
import { assigned } from '../../../scanners/secrets/patterns.js';
import { secretRule } from '../../../scanners/secrets/secret-rule.js';

/** Twilio API keys and auth tokens. */
export default secretRule({
  id: 'PAL-SECRET-020',
  title: 'Twilio credential in source',
  severity: 'high',
  severityRationale: 'A working credential lets anyone who reads the repository act as its owner.',
  description:
    'A Twilio API key secret or account auth token is committed to the repository; it can send messages and calls billed to the account.',
  remediation:
    'Rotate the auth token (or delete the API key) in the Twilio console and load it from a secret store.',
  tags: ['twilio', 'credential'],
  detectors: [
    {
      id: 'twilio-api-key',
      description: 'Twilio API key SID',
      keywords: ['twilio'],
      pattern: String.raw`(?i:twilio)[^\n]{0,60}?(?:^|[^A-Za-z0-9])(SK[0-9a-f]{32})(?:[^A-Za-z0-9]|$)`,
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'twilio-auth-token',
      description: 'Twilio auth token',
      keywords: ['twilio'],
      pattern: assigned(
        'twilio[_.-]?(?:auth[_.-]?)?(?:token|secret)|twilio[_.-]?api[_.-]?secret',
        '[a-f0-9]{32}|[A-Za-z0-9]{32}',
      ),
      filters: KEYED_FILTERS,
      minEntropy: 3.2,
    },
  ],
});
