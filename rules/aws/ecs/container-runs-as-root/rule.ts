import type { TaskContainer } from '../../../../scanners/kinds/aws/ecs.js';
import { defineRule, field, resources } from '../../../../scanners/rules/api.js';

const ROOT = /^(root|0)(:|$)/;

export default defineRule({
  id: 'PAL-AWS-ECS-002',
  title: 'ECS container runs as root',
  severity: 'medium',
  severityRationale:
    'Root in the container widens the damage of an application compromise and of any container escape.',
  category: 'iac',
  description:
    'A container definition sets user to root (or uid 0), or sets no user, so it runs as root unless the image says otherwise.',
  cwe: ['CWE-250'],
  remediation: 'Set user to a non-root uid:gid in the container definition (and in the image).',
  tags: ['aws', 'ecs', 'containers'],
  formats: ['terraform', 'cloudformation'],
  check({ model, report }) {
    for (const task of resources(model, 'aws.ecs.taskDefinitions')) {
      const containers = field<TaskContainer[]>(task, 'containers');
      if (containers.origin !== 'explicit' || !Array.isArray(containers.value)) continue;
      for (const container of containers.value) {
        const user = container.user;
        if (user === null || (typeof user === 'string' && ROOT.test(user)))
          report({
            resource: task,
            attr: containers,
            key: container.name,
            message:
              user === null
                ? `Container ${container.name ?? '(unnamed)'} of ${task.address} sets no user, so it may run as root.`
                : `Container ${container.name ?? '(unnamed)'} of ${task.address} runs as root.`,
          });
      }
    }
  },
});
