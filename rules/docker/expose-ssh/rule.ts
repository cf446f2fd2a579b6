import { defineRule } from '../../../scanners/rules/api.js';
import { located } from '../instructions.js';

export default defineRule({
  id: 'PAL-DOCKER-013',
  title: 'Image exposes the SSH port',
  severity: 'medium',
  severityRationale:
    'An SSH server in a container is an extra remote login service with its own keys and passwords to leak.',
  category: 'iac',
  description:
    'The Dockerfile EXPOSEs port 22, which means the image runs an SSH daemon. Containers should be reached through the orchestrator (`docker exec`, `kubectl exec`), not through an SSH server with its own credentials.',
  cwe: ['CWE-1327', 'CWE-668'],
  remediation: 'Remove the SSH server and `EXPOSE 22`; use `docker exec` or `kubectl exec` for debugging.',
  tags: ['docker', 'network'],
  formats: ['dockerfile'],
  check({ model, report }) {
    for (const stage of model.docker.stages) {
      for (const instruction of stage.instructions) {
        if (instruction.keyword !== 'EXPOSE') continue;
        const ports = instruction.arguments.split(/\s+/).filter(Boolean);
        if (!ports.some((port) => /^22(\/tcp)?$/i.test(port))) continue;
        report({
          resource: stage,
          attr: located(instruction.range, 'expose.22'),
          message: 'The image exposes port 22 (SSH).',
        });
      }
    }
  },
});
