import { KEYED_FILTERS, PREFIXED_FILTERS } from '../../../scanners/secrets/filters.js';
import { assigned, token } from '../../../scanners/secrets/patterns.js';
import { secretRule } from '../../../scanners/secrets/secret-rule.js';

/** AWS access keys, secret keys and session tokens. */
export default secretRule({
  id: 'PAL-SECRET-001',
  title: 'AWS credential in source',
  severity: 'high',
  severityRationale:
    'An access key id is half of a credential; the secret access key usually sits next to it.',
  description:
    'An AWS credential (access key id, secret access key or session token) is committed to the repository. Anyone with read access to the code, or its history, can use it.',
  remediation:
    'Deactivate and delete the key in IAM, then load credentials from the environment, an instance role or a secret store.',
  tags: ['aws', 'credential'],
  detectors: [
    {
      id: 'aws-access-key-id',
      description: 'AWS access key id',
      keywords: ['akia', 'asia', 'abia', 'acca'],
      pattern: token('(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}'),
      filters: PREFIXED_FILTERS,
      allow: { values: ['AKIAIOSFODNN7EXAMPLE', 'AKIAI44QH8DHBEXAMPLE', 'ASIAIOSFODNN7EXAMPLE'] },
    },
    {
      id: 'aws-secret-access-key',
      description: 'AWS secret access key',
      keywords: [
        'secret_access_key',
        'secretaccesskey',
        'secret-access-key',
        'aws_secret',
        'awssecret',
        'aws-secret',
        'secret_key',
      ],
      pattern: assigned(
        'aws[_.-]?secret[_.-]?(?:access[_.-]?)?key|secret[_.-]?access[_.-]?key|aws[_.-]?secret',
        '[A-Za-z0-9/+]{40}',
      ),
      minEntropy: 3.8,
      filters: KEYED_FILTERS,
      allow: {
        values: ['wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY'],
      },
    },
    {
      id: 'aws-secret-key-near-id',
      description: 'AWS secret access key next to an access key id',
      keywords: ['akia', 'asia'],
      pattern: String.raw`["'=:\s]([A-Za-z0-9/+]{40})(?:["'\s,;]|$)`,
      contextLines: 4,
      minEntropy: 4.2,
      validators: ['mixed-alphanumeric'],
      filters: ['placeholder', 'repeated', 'example', 'hash', 'path'],
      supersedes: ['aws-secret-access-key'],
    },
    {
      id: 'aws-session-token',
      description: 'AWS temporary session token',
      keywords: ['fwogzxivyxdz', 'iqojb3jpz2lu', 'session_token', 'sessiontoken', 'security_token'],
      pattern: '(?:^|[^A-Za-z0-9/+])((?:FwoGZXIvYXdz|IQoJb3JpZ2lu)[A-Za-z0-9/+]{100,}={0,2})',
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'aws-mws-auth-token',
      description: 'Amazon Marketplace Web Service auth token',
      keywords: ['amzn.mws'],
      pattern: token(String.raw`amzn\.mws\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'aws-bedrock-api-key',
      description: 'Amazon Bedrock API key',
      keywords: ['absk'],
      pattern: token('ABSK[A-Za-z0-9+/]{100,200}={0,2}'),
      filters: PREFIXED_FILTERS,
    },
  ],
});
