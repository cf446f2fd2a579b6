import { defineRule } from '../../../scanners/rules/api.js';
import { located } from '../instructions.js';

export default defineRule({
  id: 'PAL-DOCKER-016',
  title: 'Stage declares CMD or ENTRYPOINT more than once',
  severity: 'info',
  severityRationale:
    'Only the last CMD and ENTRYPOINT take effect; the earlier ones are dead code that misleads readers.',
  category: 'iac',
  description:
    'A stage has more than one CMD, or more than one ENTRYPOINT. Docker only keeps the last of each, so the earlier ones never run.',
  cwe: ['CWE-561'],
  remediation: 'Keep one CMD and at most one ENTRYPOINT per stage, and delete the others.',
  tags: ['docker'],
  formats: ['dockerfile'],
  check({ model, report }) {
    for (const stage of model.docker.stages) {
      for (const keyword of ['CMD', 'ENTRYPOINT']) {
        const declared = stage.instructions.filter((instruction) => instruction.keyword === keyword);
        for (const overridden of declared.slice(0, -1)) {
          report({
            resource: stage,
            attr: located(overridden.range, keyword.toLowerCase()),
            message: `This ${keyword} is overridden by a later ${keyword} in the same stage.`,
          });
        }
      }
    }
  },
});
