import type { TaskContainer } from '../../../../scanners/kinds/aws/ecs.js';
import { defineRule, field, resources } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-AWS-ECS-004',
  title: 'ECS container root filesystem is writable',
  severity: 'low',
  severityRationale:
    'A writable root filesystem only helps an attacker who already runs code in the container.',
  category: 'iac',
  description:
    'A container definition does not set readonlyRootFilesystem to true, so processes can modify the container image files.',
  cwe: ['CWE-732'],
  benchmarks: [{ framework: 'AWS Foundational Security Best Practices', control: 'ECS.5' }],
  remediation: 'Set readonlyRootFilesystem to true and mount volumes for the paths the application writes.',
  tags: ['aws', 'ecs', 'containers'],
  formats: ['terraform', 'cloudformation'],
  check({ model, report }) {
    for (const task of resources(model, 'aws.ecs.taskDefinitions')) {
      const containers = field<TaskContainer[]>(task, 'containers');
      if (containers.origin !== 'explicit' || !Array.isArray(containers.value)) continue;
      for (const container of containers.value) {
        const readOnly = container.readonlyRootFilesystem;
        if (readOnly === false || readOnly === 'false')
          report({
            resource: task,
            attr: containers,
            key: container.name,
            message: `Container ${container.name ?? '(unnamed)'} of ${task.address} has a writable root filesystem.`,
          });
      }
    }
  },
});
