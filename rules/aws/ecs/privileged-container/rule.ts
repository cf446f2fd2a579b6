import type { TaskContainer } from '../../../../scanners/kinds/aws/ecs.js';
import { defineRule, field, resources } from '../../../../scanners/rules/api.js';

const isTrue = (value: unknown) => value === true || value === 'true';

export default defineRule({
  id: 'PAL-AWS-ECS-001',
  title: 'ECS container runs privileged',
  severity: 'high',
  severityRationale:
    'A privileged container has root access to the host: one compromised container owns the instance.',
  category: 'iac',
  description:
    'A container definition sets privileged to true, giving it all Linux capabilities and access to host devices.',
  cwe: ['CWE-250'],
  remediation: 'Remove privileged and add only the specific Linux capabilities the container needs.',
  tags: ['aws', 'ecs', 'containers'],
  formats: ['terraform', 'cloudformation'],
  check({ model, report }) {
    for (const task of resources(model, 'aws.ecs.taskDefinitions')) {
      const containers = field<TaskContainer[]>(task, 'containers');
      if (containers.origin !== 'explicit' || !Array.isArray(containers.value)) continue;
      for (const container of containers.value) {
        if (isTrue(container.privileged))
          report({
            resource: task,
            attr: containers,
            key: container.name,
            message: `Container ${container.name ?? '(unnamed)'} of ${task.address} runs privileged.`,
          });
      }
    }
  },
});
