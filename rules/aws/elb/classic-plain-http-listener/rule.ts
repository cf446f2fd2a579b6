import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-ELB-007',
  title: 'Classic Load Balancer listener accepts plain HTTP or TCP',
  severity: 'medium',
  severityRationale:
    'Clients talk to the load balancer in clear text; reading or changing that traffic needs a position on the network path.',
  category: 'iac',
  description:
    'A Classic Load Balancer has a listener whose front-end protocol is HTTP or TCP, so client traffic is not encrypted.',
  cwe: ['CWE-319'],
  benchmarks: [
    {
      framework: 'AWS Foundational Security Best Practices',
      control: 'ELB.3',
    },
  ],
  remediation:
    'Use HTTPS or SSL listeners with a certificate; better, migrate to an Application Load Balancer with an HTTP-to-HTTPS redirect.',
  tags: ['aws', 'elb', 'classic', 'encryption-in-transit'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.elb.classicLoadBalancers',
  when: {
    connection: 'listeners',
    some: {
      attribute: 'protocol',
      in: ['HTTP', 'TCP'],
    },
  },
  message: 'Classic Load Balancer listener {address} accepts unencrypted traffic.',
});
