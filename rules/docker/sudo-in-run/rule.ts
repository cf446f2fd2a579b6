import { defineRule } from '../../../scanners/rules/api.js';
import { located, runCommands } from '../instructions.js';

export default defineRule({
  id: 'PAL-DOCKER-011',
  title: 'RUN uses sudo',
  severity: 'medium',
  severityRationale:
    'sudo in a build means sudo is installed and configured in the image, a ready privilege escalation at run time.',
  category: 'iac',
  description:
    'A RUN command is wrapped in `sudo`. Builds already run as the current USER and can switch with USER; sudo in a Dockerfile means the image ships sudo and a sudoers entry, which lets a compromised non-root process become root.',
  cwe: ['CWE-250', 'CWE-269'],
  remediation:
    'Switch users with USER around the commands that need root, and do not install sudo in the image.',
  tags: ['docker'],
  formats: ['dockerfile'],
  check({ model, report }) {
    for (const { stage, command } of runCommands(model)) {
      if (!command.sudo) continue;
      report({
        resource: stage,
        attr: located(command.range, `sudo.${command.program}`),
        message: `RUN uses sudo to run ${command.program || 'a command'}.`,
      });
    }
  },
});
