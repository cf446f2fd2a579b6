import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-LAMBDA-004',
  title: 'Lambda function has no dead-letter queue',
  severity: 'low',
  severityRationale:
    'Failed asynchronous events are dropped after retries; a reliability and forensics gap, not an exposure.',
  category: 'iac',
  description:
    'The Lambda function has no dead-letter queue, so asynchronous invocations that keep failing are discarded.',
  cwe: ['CWE-755'],
  remediation:
    'Configure dead_letter_config (DeadLetterConfig) with an SQS queue or SNS topic, or an on-failure destination.',
  tags: ['aws', 'lambda', 'reliability'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.lambda.functions',
  when: { attribute: 'deadLetterTarget', equals: false },
  message: 'Lambda function {address} has no dead-letter queue.',
});
