import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-ECR-005',
  title: 'ECR repository has no lifecycle policy',
  severity: 'low',
  severityRationale:
    'Old, unpatched images pile up and stay deployable; it costs storage, not confidentiality.',
  category: 'iac',
  description: 'No lifecycle policy expires old or untagged images in the repository.',
  cwe: ['CWE-1104'],
  benchmarks: [{ framework: 'AWS Foundational Security Best Practices', control: 'ECR.3' }],
  remediation:
    'Add a lifecycle policy (aws_ecr_lifecycle_policy, LifecyclePolicy) that expires untagged and old images.',
  tags: ['aws', 'ecr', 'containers'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.ecr.repositories',
  when: { attribute: 'lifecyclePolicy', equals: false },
  message: 'Repository {address} has no lifecycle policy.',
});
