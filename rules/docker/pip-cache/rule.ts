import { defineRule } from '../../../scanners/rules/api.js';
import { located, runCommands } from '../instructions.js';

export default defineRule({
  id: 'PAL-DOCKER-017',
  title: 'pip install keeps its download cache in the image',
  severity: 'info',
  severityRationale: 'The pip cache only wastes space in the layer.',
  category: 'iac',
  description:
    "`pip install` without `--no-cache-dir` stores downloaded wheels under the user's cache folder, and they stay in the image layer.",
  cwe: ['CWE-1104'],
  remediation:
    'Add `--no-cache-dir` to pip install, set `ENV PIP_NO_CACHE_DIR=1`, or use a BuildKit cache mount.',
  tags: ['docker'],
  formats: ['dockerfile'],
  check({ model, report }) {
    const cacheDisabled = model.docker.stages.some((stage) =>
      stage.instructions.some((instruction) =>
        instruction.variables.some(
          (v) => v.name === 'PIP_NO_CACHE_DIR' && /^(1|true|yes|on)$/i.test(v.value ?? ''),
        ),
      ),
    );
    if (cacheDisabled) return;
    for (const { stage, instruction, command } of runCommands(model)) {
      if (instruction.flags.includes('mount')) continue;
      const viaModule =
        /^python[0-9.]*$/.test(command.program) && command.args[0] === '-m' && command.args[1] === 'pip';
      if (!/^pip[0-9.]*$/.test(command.program) && !viaModule) continue;
      const args = viaModule ? command.args.slice(2) : command.args;
      if (args.find((arg) => !arg.startsWith('-')) !== 'install' || args.includes('--no-cache-dir')) continue;
      report({
        resource: stage,
        attr: located(command.range, 'pip.install'),
        message: 'pip install runs without --no-cache-dir.',
      });
    }
  },
});
