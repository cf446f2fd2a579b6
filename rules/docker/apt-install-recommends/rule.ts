import { defineRule } from '../../../scanners/rules/api.js';
import { aptSubcommand, located, runCommands } from '../instructions.js';

export default defineRule({
  id: 'PAL-DOCKER-008',
  title: 'apt-get install pulls recommended packages',
  severity: 'low',
  severityRationale:
    'Recommended packages grow the image and its vulnerability count without being needed; not an exposure by itself.',
  category: 'iac',
  description:
    '`apt-get install` without `--no-install-recommends` also installs every package the requested ones recommend. The image grows, and each extra package is more code to patch and more tools for an intruder.',
  cwe: ['CWE-1104'],
  remediation: 'Add `--no-install-recommends` to apt-get install and list the packages you actually need.',
  tags: ['docker'],
  formats: ['dockerfile'],
  check({ model, report }) {
    for (const { stage, command } of runCommands(model)) {
      if (aptSubcommand(command) !== 'install') continue;
      const skipped = command.args.some(
        (arg) => arg === '--no-install-recommends' || /^APT::Install-Recommends=("?)(false|0)\1$/i.test(arg),
      );
      if (skipped) continue;
      report({
        resource: stage,
        attr: located(command.range, 'apt-get.install'),
        message: 'apt-get install runs without --no-install-recommends.',
      });
    }
  },
});
