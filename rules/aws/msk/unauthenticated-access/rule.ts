import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-MSK-003',
  title: 'MSK cluster allows unauthenticated clients',
  severity: 'high',
  severityRationale: 'Any host that reaches the brokers can read and write every topic without credentials.',
  category: 'iac',
  description:
    'An Amazon MSK cluster enables unauthenticated access, so clients can produce and consume without IAM, SASL/SCRAM or TLS client certificates.',
  cwe: ['CWE-306'],
  remediation:
    'Set client_authentication.unauthenticated (ClientAuthentication.Unauthenticated.Enabled) to false and enable IAM, SASL/SCRAM or TLS authentication.',
  tags: ['aws', 'msk', 'kafka', 'authentication'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.msk.clusters',
  when: {
    attribute: 'unauthenticated',
    equals: true,
  },
  message: 'MSK cluster {address} allows unauthenticated access.',
});
