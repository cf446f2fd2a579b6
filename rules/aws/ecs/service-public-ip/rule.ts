import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-ECS-008',
  title: 'ECS service assigns public IP addresses to its tasks',
  severity: 'medium',
  severityRationale:
    'Each task becomes directly addressable from the internet, limited only by its security groups.',
  category: 'iac',
  description: 'The ECS service network configuration assigns a public IP to every task it starts.',
  cwe: ['CWE-668'],
  benchmarks: [{ framework: 'AWS Foundational Security Best Practices', control: 'ECS.2' }],
  remediation:
    'Run tasks in private subnets with assign_public_ip = false and reach them through a load balancer.',
  tags: ['aws', 'ecs', 'network', 'internet-exposed'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.ecs.services',
  when: { attribute: 'assignPublicIp', equals: true },
  message: 'ECS service {address} assigns public IP addresses to its tasks.',
});
