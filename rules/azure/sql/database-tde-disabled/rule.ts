import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-SQL-008',
  title: 'SQL database transparent data encryption is disabled',
  severity: 'high',
  severityRationale: 'Database files, backups and logs are stored unencrypted at rest.',
  category: 'iac',
  description: 'Transparent data encryption is turned off for the SQL database.',
  cwe: ['CWE-311'],
  benchmarks: [
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'DP-4',
    },
  ],
  remediation:
    "Remove transparent_data_encryption_enabled = false (Terraform), or set the transparentDataEncryption child's state to Enabled (ARM).",
  tags: ['azure', 'sql', 'encryption-at-rest'],
  formats: ['terraform', 'arm'],
  resources: 'azure.sql.databases',
  when: {
    attribute: 'tdeEnabled',
    equals: false,
  },
  message: 'SQL database {address} has transparent data encryption disabled.',
});
