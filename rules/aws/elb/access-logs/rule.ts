import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-ELB-005',
  title: 'Load balancer access logging is disabled',
  severity: 'medium',
  severityRationale:
    'Without access logs, requests from an attacker cannot be traced afterwards; the gap hurts detection and response, not exposure.',
  category: 'iac',
  description:
    'An ELBv2 load balancer does not write access logs, so the requests it served cannot be reviewed during an investigation.',
  cwe: ['CWE-778'],
  benchmarks: [
    {
      framework: 'AWS Foundational Security Best Practices',
      control: 'ELB.5',
    },
  ],
  remediation:
    'Add an access_logs block with enabled = true and a bucket (attributes access_logs.s3.enabled and access_logs.s3.bucket).',
  tags: ['aws', 'elb', 'logging'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.elb.loadBalancers',
  when: {
    all: [
      {
        attribute: 'accessLogsEnabled',
        equals: false,
      },
      {
        attribute: 'type',
        in: ['application', 'network'],
      },
    ],
  },
  message: 'Load balancer {address} does not write access logs.',
});
