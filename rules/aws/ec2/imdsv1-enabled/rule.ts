import { defineRule, type Entity, field, isKnownValue, resources } from '../../../../scanners/rules/api.js';

function acceptsImdsV1(compute: Entity): ReturnType<typeof field<string>> | undefined {
  const tokens = field<string>(compute, 'metadata.httpTokens');
  if (isKnownValue(field<string>(compute, 'metadata.httpEndpoint'), 'disabled')) return undefined;
  // An instance launched from a template takes its metadata options from the template.
  if (tokens.origin === 'default' && field<boolean>(compute, 'launchTemplate').value === true)
    return undefined;
  return isKnownValue(tokens, 'optional') ? tokens : undefined;
}

export default defineRule({
  id: 'PAL-AWS-EC2-001',
  title: 'EC2 instance metadata service accepts IMDSv1',
  severity: 'high',
  severityRationale:
    'IMDSv1 hands out the instance role credentials to any SSRF in software on the instance.',
  category: 'iac',
  description:
    'The instance or launch template does not require session tokens for the instance metadata service (http_tokens is optional), so IMDSv1 requests, which SSRF bugs can make, return the instance role credentials.',
  cwe: ['CWE-918'],
  benchmarks: [{ framework: 'AWS Foundational Security Best Practices', control: 'EC2.8' }],
  remediation: 'Set metadata_options http_tokens (MetadataOptions HttpTokens) to required.',
  tags: ['aws', 'ec2', 'imds'],
  formats: ['terraform', 'cloudformation'],
  check({ model, report }) {
    for (const collection of ['aws.ec2.instances', 'aws.ec2.launchTemplates']) {
      for (const compute of resources(model, collection)) {
        const tokens = acceptsImdsV1(compute);
        if (!tokens) continue;
        report({
          resource: compute,
          attr: tokens,
          message:
            tokens.origin === 'default'
              ? `${compute.address} does not require IMDSv2 (http_tokens defaults to optional).`
              : `${compute.address} sets http_tokens to optional, so IMDSv1 stays on.`,
        });
      }
    }
  },
});
