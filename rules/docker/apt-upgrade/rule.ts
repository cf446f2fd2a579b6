import { defineRule } from '../../../scanners/rules/api.js';
import { aptSubcommand, located, runCommands } from '../instructions.js';

const UPGRADES = new Set(['upgrade', 'dist-upgrade', 'full-upgrade']);

export default defineRule({
  id: 'PAL-DOCKER-014',
  title: 'RUN upgrades all packages of the base image',
  severity: 'low',
  severityRationale:
    'A blanket upgrade makes builds unreproducible and can pull packages the base image maintainers did not ship; rebuilding on a fresh base is the cleaner fix.',
  category: 'iac',
  description:
    'A RUN runs `apt-get upgrade`, `dist-upgrade` or `full-upgrade`. The set of package versions then depends on the day of the build, and dist-upgrade can change major components of the base image under the application.',
  cwe: ['CWE-1104'],
  remediation:
    'Use an up-to-date, pinned base image and rebuild when it changes; upgrade only specific packages with `apt-get install --only-upgrade <pkg>` when a fix cannot wait.',
  tags: ['docker'],
  formats: ['dockerfile'],
  check({ model, report }) {
    for (const { stage, command } of runCommands(model)) {
      const subcommand = aptSubcommand(command);
      if (!subcommand || !UPGRADES.has(subcommand)) continue;
      report({
        resource: stage,
        attr: located(command.range, `apt-get.${subcommand}`),
        message: `RUN ${command.program} ${subcommand} upgrades every package of the base image.`,
      });
    }
  },
});
