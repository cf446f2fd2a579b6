import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-CLOUDTRAIL-002',
  title: 'CloudTrail log file validation is disabled',
  severity: 'medium',
  severityRationale:
    'Without digests, tampering with delivered logs cannot be proven; it matters after a compromise, not before.',
  category: 'iac',
  description:
    'A CloudTrail trail does not write signed digest files, so changes to or deletion of delivered log files go unnoticed.',
  cwe: ['CWE-354'],
  benchmarks: [
    {
      framework: 'CIS AWS Foundations',
      version: '1.4.0',
      control: '3.2',
    },
    {
      framework: 'AWS Foundational Security Best Practices',
      control: 'CloudTrail.4',
    },
  ],
  remediation: 'Set enable_log_file_validation (EnableLogFileValidation) to true.',
  tags: ['aws', 'cloudtrail', 'logging', 'integrity'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.cloudtrail.trails',
  when: {
    attribute: 'logFileValidation',
    equals: false,
  },
  message: 'Trail {address} does not validate its log files.',
});
