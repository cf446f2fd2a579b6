import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-GLUE-003',
  title: 'Glue Data Catalog returns connection passwords unencrypted',
  severity: 'medium',
  severityRationale:
    'Anyone allowed to read catalog connections gets database passwords in clear, which widens who can use them.',
  category: 'iac',
  description:
    'The account’s AWS Glue Data Catalog encryption settings do not encrypt the passwords stored in Glue connections.',
  cwe: ['CWE-256'],
  remediation:
    'Set connection_password_encryption.return_connection_password_encrypted (ConnectionPasswordEncryption.ReturnConnectionPasswordEncrypted) to true with a KMS key.',
  tags: ['aws', 'glue', 'secrets', 'encryption'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.glue.catalogEncryptions',
  when: {
    attribute: 'connectionPasswordEncrypted',
    equals: false,
  },
  message: 'Glue Data Catalog settings {address} return connection passwords unencrypted.',
});
