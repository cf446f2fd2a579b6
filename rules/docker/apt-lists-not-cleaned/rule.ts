import { defineRule } from '../../../scanners/rules/api.js';
import { aptSubcommand, located } from '../instructions.js';

export default defineRule({
  id: 'PAL-DOCKER-010',
  title: 'apt package lists left in the image',
  severity: 'info',
  severityRationale: 'Leftover package lists only waste space in the layer.',
  category: 'iac',
  description:
    'A RUN instruction installs packages with apt-get but does not remove `/var/lib/apt/lists` in the same instruction, so tens of megabytes of package indexes stay in the layer.',
  cwe: ['CWE-1104'],
  remediation:
    'End the RUN with `&& rm -rf /var/lib/apt/lists/*`, or use a BuildKit cache mount for /var/lib/apt.',
  tags: ['docker'],
  formats: ['dockerfile'],
  check({ model, report }) {
    for (const stage of model.docker.stages) {
      for (const instruction of stage.instructions) {
        if (instruction.keyword !== 'RUN' || instruction.flags.includes('mount')) continue;
        const install = instruction.commands.find((command) => aptSubcommand(command) === 'install');
        if (!install) continue;
        // `apt-get clean` empties the archive cache but keeps the lists.
        const cleaned = instruction.commands.some(
          (command) =>
            command.program === 'rm' && command.args.some((arg) => arg.startsWith('/var/lib/apt/lists')),
        );
        if (cleaned) continue;
        report({
          resource: stage,
          attr: located(install.range, 'apt-get.lists'),
          message: 'apt-get install leaves /var/lib/apt/lists in the layer.',
        });
      }
    }
  },
});
