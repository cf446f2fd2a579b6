import { KEYED_FILTERS, PREFIXED_FILTERS } from '../../../scanners/secrets/filters.js';
import { assigned, token } from '../../../scanners/secrets/patterns.js';
import { secretRule } from '../../../scanners/secrets/secret-rule.js';

/** Alibaba Cloud AccessKey pairs. */
export default secretRule({
  id: 'PAL-SECRET-004',
  title: 'Alibaba Cloud credential in source',
  severity: 'high',
  severityRationale: 'A working credential lets anyone who reads the repository act as its owner.',
  description: 'An Alibaba Cloud AccessKey id or AccessKey secret is committed to the repository.',
  remediation:
    'Disable and delete the AccessKey pair in the RAM console; use RAM roles or STS tokens from the environment.',
  tags: ['alibaba', 'credential'],
  detectors: [
    {
      id: 'alibaba-access-key-id',
      description: 'Alibaba Cloud AccessKey id',
      keywords: ['ltai'],
      pattern: token('LTAI[A-Za-z0-9]{12,20}'),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'alibaba-access-key-secret',
      description: 'Alibaba Cloud AccessKey secret',
      keywords: ['alibaba', 'aliyun', 'access_key_secret', 'accesskeysecret', 'alicloud'],
      pattern: assigned(
        '(?:alibaba|aliyun|alicloud)[_.-]?(?:cloud[_.-]?)?(?:access[_.-]?)?(?:key[_.-]?)?secret|access[_.-]?key[_.-]?secret',
        '[A-Za-z0-9]{30}',
      ),
      filters: KEYED_FILTERS,
      minEntropy: 3.8,
    },
  ],
});
