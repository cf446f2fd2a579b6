import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-ECR-004',
  title: 'ECR repository is encrypted with AES-256, not KMS',
  severity: 'low',
  severityRationale: 'Images are encrypted either way; a KMS key adds key policy control and an audit trail.',
  category: 'iac',
  description: 'The repository uses the default AES256 encryption instead of a KMS key.',
  cwe: ['CWE-311'],
  remediation:
    'Set encryption_type (EncryptionType) to KMS with a customer managed key when creating the repository.',
  tags: ['aws', 'ecr', 'encryption'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.ecr.repositories',
  when: { attribute: 'encryptionType', equals: 'AES256' },
  message: 'Repository {address} is not encrypted with a KMS key.',
});
