import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-ELB-009',
  title: 'Application Load Balancer desync mitigation is set to monitor',
  severity: 'medium',
  severityRationale:
    'In monitor mode ambiguous requests reach the targets, so HTTP desync (request smuggling) against them is possible.',
  category: 'iac',
  description:
    'An Application Load Balancer lets requests that could cause an HTTP desync through to its targets instead of blocking them.',
  cwe: ['CWE-444'],
  benchmarks: [
    {
      framework: 'AWS Foundational Security Best Practices',
      control: 'ELB.12',
    },
  ],
  remediation:
    'Set desync_mitigation_mode (attribute routing.http.desync_mitigation_mode) to defensive or strictest.',
  tags: ['aws', 'elb', 'alb', 'http'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.elb.loadBalancers',
  when: {
    all: [
      {
        attribute: 'desyncMitigationMode',
        equals: 'monitor',
      },
      {
        attribute: 'type',
        equals: 'application',
      },
    ],
  },
  message: 'Application Load Balancer {address} only monitors HTTP desync attempts.',
});
