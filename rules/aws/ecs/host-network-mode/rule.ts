import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-ECS-003',
  title: 'ECS task uses the host network mode',
  severity: 'medium',
  severityRationale:
    'Tasks share the instance network stack: no per-task security groups, and access to host-local services.',
  category: 'iac',
  description:
    'The task definition uses network mode host, so its containers share the network namespace of the EC2 instance.',
  cwe: ['CWE-653'],
  remediation:
    'Use awsvpc network mode, which gives each task its own network interface and security groups.',
  tags: ['aws', 'ecs', 'containers', 'network'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.ecs.taskDefinitions',
  when: { attribute: 'networkMode', equals: 'host' },
  message: 'Task definition {address} uses the host network mode.',
});
