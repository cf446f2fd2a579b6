import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-ELB-003',
  title: 'Application Load Balancer passes invalid HTTP header fields to targets',
  severity: 'medium',
  severityRationale:
    'Malformed headers enable request smuggling and header injection against targets; exploiting it depends on how the targets parse them.',
  category: 'iac',
  description:
    'An Application Load Balancer forwards HTTP headers whose names are not valid to its targets instead of dropping them.',
  cwe: ['CWE-444'],
  benchmarks: [
    {
      framework: 'AWS Foundational Security Best Practices',
      control: 'ELB.4',
    },
  ],
  remediation:
    'Set drop_invalid_header_fields (attribute routing.http.drop_invalid_header_fields.enabled) to true.',
  tags: ['aws', 'elb', 'alb', 'http'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.elb.loadBalancers',
  when: {
    all: [
      {
        attribute: 'dropInvalidHeaderFields',
        equals: false,
      },
      {
        attribute: 'type',
        equals: 'application',
      },
    ],
  },
  message: 'Application Load Balancer {address} forwards invalid HTTP header fields.',
});
