import { defineRule } from '../../../scanners/rules/api.js';
import { aptSubcommand, located } from '../instructions.js';

export default defineRule({
  id: 'PAL-DOCKER-009',
  title: 'apt-get update runs in a RUN without an install',
  severity: 'medium',
  severityRationale:
    'The package index layer is cached and reused, so later installs can pull stale, unpatched versions.',
  category: 'iac',
  description:
    'A RUN instruction runs `apt-get update` but installs or upgrades nothing. The build cache keeps that layer, so a later `apt-get install` in another RUN installs from an index that can be months old, missing security fixes.',
  cwe: ['CWE-1104'],
  benchmarks: [{ framework: 'CIS Docker Benchmark', version: '1.6.0', control: '4.7' }],
  remediation: 'Run `apt-get update` and `apt-get install` in the same RUN instruction, joined with `&&`.',
  tags: ['docker'],
  formats: ['dockerfile'],
  check({ model, report }) {
    for (const stage of model.docker.stages) {
      for (const instruction of stage.instructions) {
        if (instruction.keyword !== 'RUN') continue;
        const subcommands = instruction.commands.map((command) => aptSubcommand(command));
        const update = instruction.commands[subcommands.indexOf('update')];
        if (!update) continue;
        if (
          subcommands.some(
            (sub) =>
              sub === 'install' || sub === 'upgrade' || sub === 'dist-upgrade' || sub === 'full-upgrade',
          )
        )
          continue;
        report({
          resource: stage,
          attr: located(update.range, 'apt-get.update'),
          message: 'apt-get update runs in a RUN instruction that installs nothing.',
        });
      }
    }
  },
});
