import { defineRule } from '../../../scanners/rules/api.js';
import { located, runCommands } from '../instructions.js';

const SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh']);
const DOWNLOADERS = new Set(['curl', 'wget']);

export default defineRule({
  id: 'PAL-DOCKER-005',
  title: 'RUN pipes a download straight into a shell',
  severity: 'high',
  severityRationale:
    'Whatever the URL serves runs as root in the build, with no review, pinning or integrity check.',
  category: 'iac',
  description:
    'A RUN command downloads a script with curl or wget and pipes it into a shell (`curl … | sh`, `wget -O- … | bash`), or runs it with `sh -c "$(curl …)"`. The script is executed unseen, and a compromised server, a hijacked domain or a partial download changes the image.',
  cwe: ['CWE-494', 'CWE-829'],
  remediation:
    'Download the script to a file, verify a pinned checksum (or signature), then run it; better, install a pinned package.',
  tags: ['docker', 'supply-chain'],
  formats: ['dockerfile'],
  check({ model, report }) {
    for (const { stage, instruction, command, index } of runCommands(model)) {
      if (!SHELLS.has(command.program)) continue;
      let piped = false;
      // Walk back through the pipeline this shell reads from.
      for (let i = index; i > 0 && instruction.commands[i]?.separator === '|'; i--) {
        if (DOWNLOADERS.has(instruction.commands[i - 1]?.program ?? '')) piped = true;
      }
      const substituted = command.args.some((arg) => /\$\(\s*(curl|wget)\s|`\s*(curl|wget)\s/.test(arg));
      if (!piped && !substituted) continue;
      report({
        resource: stage,
        attr: located(command.range, `run.${command.program}`),
        message: `RUN pipes a downloaded script into ${command.program}.`,
      });
    }
  },
});
