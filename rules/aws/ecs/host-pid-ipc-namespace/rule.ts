import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-ECS-007',
  title: 'ECS task shares the host PID or IPC namespace',
  severity: 'medium',
  severityRationale: 'Containers can see and signal host processes or read host shared memory.',
  category: 'iac',
  description:
    'The task definition sets pid_mode or ipc_mode to host, sharing the EC2 instance process or IPC namespace with its containers.',
  cwe: ['CWE-653'],
  remediation: 'Leave pidMode and ipcMode unset, or use task to share only between the task containers.',
  tags: ['aws', 'ecs', 'containers'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.ecs.taskDefinitions',
  when: {
    any: [
      { attribute: 'pidMode', equals: 'host' },
      { attribute: 'ipcMode', equals: 'host' },
    ],
  },
  message: 'Task definition {address} shares a host namespace with its containers.',
});
