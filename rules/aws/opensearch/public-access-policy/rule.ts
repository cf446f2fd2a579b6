import { allowsAnyoneUnconditionally, policyStatements } from '../../../../scanners/kinds/aws/policy.js';
import { defineRule, field, isKnown, isKnownValue, resources } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-AWS-OPENSEARCH-007',
  title: 'OpenSearch domain outside a VPC has an access policy open to everyone',
  severity: 'critical',
  severityRationale:
    'The domain endpoint is on the internet and its policy admits any caller without conditions, so anyone can read or delete the indexes.',
  category: 'iac',
  description:
    'An OpenSearch (or Elasticsearch) domain with a public endpoint has an access policy statement that allows any principal without a condition.',
  cwe: ['CWE-284'],
  benchmarks: [
    {
      framework: 'AWS Foundational Security Best Practices',
      control: 'OpenSearch.2',
    },
  ],
  remediation:
    'Place the domain in a VPC (vpc_options / VPCOptions), or name specific IAM principals in the access policy, or narrow it with a Condition such as aws:SourceIp.',
  tags: ['aws', 'opensearch', 'elasticsearch', 'public-access', 'iam', 'internet-exposed'],
  formats: ['terraform', 'cloudformation'],
  check({ model, report }) {
    for (const domain of resources(model, 'aws.opensearch.domains')) {
      if (!isKnownValue(field(domain, 'inVpc'), false)) continue;
      const policy = field<unknown>(domain, 'accessPolicies');
      if (!isKnown(policy)) continue;
      const statements = policyStatements(policy.value);
      if (!statements?.some((statement) => allowsAnyoneUnconditionally(statement) === true)) continue;
      report({
        resource: domain,
        attr: policy,
        message: `OpenSearch domain ${domain.address} is public and its access policy allows anyone.`,
      });
    }
  },
});
