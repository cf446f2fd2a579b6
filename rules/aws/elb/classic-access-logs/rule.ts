import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-ELB-008',
  title: 'Classic Load Balancer access logging is disabled',
  severity: 'medium',
  severityRationale:
    'Without access logs, requests from an attacker cannot be traced afterwards; the gap hurts detection and response, not exposure.',
  category: 'iac',
  description:
    'A Classic Load Balancer does not write access logs, so the requests it served cannot be reviewed during an investigation.',
  cwe: ['CWE-778'],
  benchmarks: [
    {
      framework: 'AWS Foundational Security Best Practices',
      control: 'ELB.5',
    },
  ],
  remediation: 'Add an access_logs block (AccessLoggingPolicy) with logging enabled and an S3 bucket.',
  tags: ['aws', 'elb', 'classic', 'logging'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.elb.classicLoadBalancers',
  when: {
    any: [
      {
        attribute: 'accessLogs.configured',
        equals: false,
      },
      {
        attribute: 'accessLogs.enabled',
        equals: false,
      },
    ],
  },
  message: 'Classic Load Balancer {address} does not write access logs.',
});
