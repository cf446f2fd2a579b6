import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-ELB-004',
  title: 'Load balancer deletion protection is disabled',
  severity: 'low',
  severityRationale:
    'Deleting the load balancer causes an outage but exposes no data; protection guards against mistakes more than attacks.',
  category: 'iac',
  description:
    'An ELBv2 load balancer can be deleted by a single API call or a careless apply, taking the service it fronts offline.',
  cwe: ['CWE-693'],
  benchmarks: [
    {
      framework: 'AWS Foundational Security Best Practices',
      control: 'ELB.6',
    },
  ],
  remediation: 'Set enable_deletion_protection (attribute deletion_protection.enabled) to true.',
  tags: ['aws', 'elb', 'availability'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.elb.loadBalancers',
  when: {
    attribute: 'deletionProtection',
    equals: false,
  },
  message: 'Load balancer {address} has deletion protection disabled.',
});
