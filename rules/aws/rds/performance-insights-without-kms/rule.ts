import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-RDS-008',
  title: 'RDS Performance Insights data is not encrypted with a customer managed key',
  severity: 'low',
  severityRationale:
    'The data is encrypted with the AWS managed key; a customer key only adds control over who may read it.',
  category: 'iac',
  description:
    'Performance Insights is enabled without a KMS key id, so its data (which includes SQL text) is encrypted with the AWS managed key for RDS.',
  cwe: ['CWE-311'],
  remediation: 'Set performance_insights_kms_key_id (PerformanceInsightsKMSKeyId) to a customer managed key.',
  tags: ['aws', 'rds', 'encryption'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.rds.instances',
  when: {
    all: [
      { attribute: 'performanceInsights.enabled', equals: true },
      { attribute: 'performanceInsights.kmsKeyId', exists: false },
    ],
  },
  message: 'DB instance {address} enables Performance Insights without a customer managed KMS key.',
});
