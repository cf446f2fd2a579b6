import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-ECR-002',
  title: 'ECR repository allows image tags to be overwritten',
  severity: 'low',
  severityRationale:
    'A pushed tag can be replaced silently, so a deployment may run an image nobody reviewed.',
  category: 'iac',
  description:
    'The repository keeps the default MUTABLE tag setting, so pushing an existing tag replaces the image it points to.',
  cwe: ['CWE-494'],
  benchmarks: [{ framework: 'AWS Foundational Security Best Practices', control: 'ECR.2' }],
  remediation: 'Set image_tag_mutability (ImageTagMutability) to IMMUTABLE and deploy by tag or digest.',
  tags: ['aws', 'ecr', 'containers', 'supply-chain'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.ecr.repositories',
  when: { attribute: 'tagMutability', equals: 'MUTABLE' },
  message: 'Repository {address} allows tags to be overwritten.',
});
