import type { TaskContainer } from '../../../../scanners/kinds/aws/ecs.js';
import { defineRule, field, resources } from '../../../../scanners/rules/api.js';

const SECRET_NAME = /(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIAL)/i;
// Names that hold a pointer to a secret, not the secret.
const REFERENCE_NAME = /(_ARN|_ID|_NAME|_FILE|_PATH|_URL|_REGION)$/i;

export default defineRule({
  id: 'PAL-AWS-ECS-005',
  title: 'ECS container passes a secret as a plain environment variable',
  severity: 'medium',
  severityRationale:
    'The value sits in clear text in the task definition, readable by anyone with ecs:DescribeTaskDefinition.',
  category: 'iac',
  description:
    'A container environment variable whose name marks a secret (PASSWORD, SECRET, TOKEN, API_KEY, PRIVATE_KEY, ...) has a literal value instead of a reference in secrets.',
  cwe: ['CWE-312'],
  benchmarks: [{ framework: 'AWS Foundational Security Best Practices', control: 'ECS.8' }],
  remediation:
    'Move the value to Secrets Manager or SSM Parameter Store and reference it from the container secrets list.',
  tags: ['aws', 'ecs', 'containers', 'secrets'],
  formats: ['terraform', 'cloudformation'],
  check({ model, report }) {
    for (const task of resources(model, 'aws.ecs.taskDefinitions')) {
      const containers = field<TaskContainer[]>(task, 'containers');
      if (containers.origin !== 'explicit' || !Array.isArray(containers.value)) continue;
      for (const container of containers.value) {
        for (const variable of container.environment) {
          const name = variable.name;
          if (typeof name !== 'string' || !SECRET_NAME.test(name) || REFERENCE_NAME.test(name)) continue;
          if (typeof variable.value !== 'string' || variable.value === '') continue;
          report({
            resource: task,
            attr: containers,
            key: `${container.name}/${name}`,
            message: `Container ${container.name ?? '(unnamed)'} of ${task.address} sets ${name} as a plain environment variable.`,
          });
        }
      }
    }
  },
});
