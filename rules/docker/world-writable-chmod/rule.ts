import { defineRule } from '../../../scanners/rules/api.js';
import { located, runCommands } from '../instructions.js';

/** True for a mode that lets others write: octal with w in the last digit and no sticky bit, or symbolic o+w/a+w. */
function worldWritable(mode: string): boolean {
  const octal = /^0*([0-7]?)([0-7])([0-7])([0-7])$/.exec(mode);
  if (octal) {
    const special = Number(octal[1] || '0');
    const others = Number(octal[4]);
    return (others & 2) === 2 && (special & 1) === 0;
  }
  return mode
    .split(',')
    .some((clause) => /^[ugoa]*[oa][ugoa]*[+=][rwxXst]*w/.test(clause) || /^[+=][rwxXst]*w/.test(clause));
}

export default defineRule({
  id: 'PAL-DOCKER-012',
  title: 'RUN makes files world-writable',
  severity: 'medium',
  severityRationale:
    'World-writable application files let any process in the container, whatever its user, change code or configuration.',
  category: 'iac',
  description:
    'A `chmod` in a RUN gives write permission to all users (`777`, `666`, `o+w`, `a+w`, …) without the sticky bit. Any user in the container can then replace the files, which defeats running as a non-root user.',
  cwe: ['CWE-732'],
  remediation:
    'Give ownership to the user that needs to write (`COPY --chown`, `chown`) and use modes such as 755/644, or 1777 for shared scratch folders.',
  tags: ['docker'],
  formats: ['dockerfile'],
  check({ model, report }) {
    for (const { stage, command } of runCommands(model)) {
      if (command.program !== 'chmod') continue;
      const mode = command.args.find((arg) => !arg.startsWith('-'));
      if (!mode || !worldWritable(mode)) continue;
      report({
        resource: stage,
        attr: located(command.range, `chmod.${mode}`),
        message: `RUN chmod ${mode} makes files writable by every user.`,
      });
    }
  },
});
