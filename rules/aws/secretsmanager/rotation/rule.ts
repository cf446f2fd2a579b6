import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-SECRETSMANAGER-001',
  title: 'Secrets Manager secret has no automatic rotation',
  severity: 'medium',
  severityRationale:
    'A secret that never changes stays valid for as long as it is leaked; the harm depends on a leak happening first.',
  category: 'iac',
  description:
    'A Secrets Manager secret has no rotation schedule, so its value stays the same until someone changes it by hand.',
  cwe: ['CWE-324'],
  benchmarks: [
    {
      framework: 'AWS Foundational Security Best Practices',
      control: 'SecretsManager.1',
    },
  ],
  remediation:
    'Add an aws_secretsmanager_secret_rotation (AWS::SecretsManager::RotationSchedule) with a rotation function and rotation rules.',
  tags: ['aws', 'secretsmanager', 'secrets', 'rotation'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.secretsmanager.secrets',
  when: {
    attribute: 'rotation',
    equals: false,
  },
  message: 'Secret {address} is never rotated automatically.',
});
