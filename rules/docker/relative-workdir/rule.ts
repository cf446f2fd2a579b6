import { defineRule } from '../../../scanners/rules/api.js';
import { located } from '../instructions.js';

export default defineRule({
  id: 'PAL-DOCKER-015',
  title: 'WORKDIR uses a relative path',
  severity: 'low',
  severityRationale:
    "A relative WORKDIR depends on every earlier WORKDIR, including the base image's; it is a clarity issue.",
  category: 'iac',
  description:
    'WORKDIR names a relative path, which resolves against the previous working directory, possibly one set by the base image. Files then land in unexpected places when the base image changes.',
  cwe: ['CWE-710'],
  remediation: 'Use an absolute path in WORKDIR, such as `/app`.',
  tags: ['docker'],
  formats: ['dockerfile'],
  check({ model, report }) {
    for (const stage of model.docker.stages) {
      for (const instruction of stage.instructions) {
        if (instruction.keyword !== 'WORKDIR') continue;
        const path = instruction.arguments.trim().replace(/^(["'])(.*)\1$/, '$2');
        // Absolute Unix or Windows paths, and variables that may hold one, are fine.
        if (!path || path.startsWith('/') || path.startsWith('$') || /^[a-z]:[\\/]/i.test(path)) continue;
        report({
          resource: stage,
          attr: located(instruction.range, `workdir.${path}`),
          message: `WORKDIR ${path} is a relative path.`,
        });
      }
    }
  },
});
