import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-APIGATEWAY-003',
  title: 'API Gateway response cache is not encrypted',
  severity: 'medium',
  severityRationale:
    'Cached responses can hold personal data or tokens; they sit unencrypted on the cache cluster, which AWS operates.',
  category: 'iac',
  description: 'An API Gateway REST stage caches method responses without encrypting the cache data at rest.',
  cwe: ['CWE-311'],
  benchmarks: [
    {
      framework: 'AWS Foundational Security Best Practices',
      control: 'APIGateway.5',
    },
  ],
  remediation:
    'Set cache_data_encrypted (CacheDataEncrypted) to true wherever caching_enabled (CachingEnabled) is true.',
  tags: ['aws', 'apigateway', 'encryption', 'cache'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.apigateway.stages',
  when: {
    connection: 'methodSettings',
    some: {
      all: [
        {
          attribute: 'cacheDataEncrypted',
          equals: false,
        },
        {
          attribute: 'cachingEnabled',
          equals: true,
        },
      ],
    },
  },
  message: 'Method settings {address} cache responses without encryption.',
});
