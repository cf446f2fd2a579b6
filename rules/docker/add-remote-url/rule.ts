import { defineRule } from '../../../scanners/rules/api.js';
import { located } from '../instructions.js';

export default defineRule({
  id: 'PAL-DOCKER-003',
  title: 'ADD downloads a remote file without a checksum',
  severity: 'medium',
  severityRationale:
    'The build trusts whatever the URL serves at build time; a compromised or spoofed server puts its file into the image.',
  category: 'iac',
  description:
    '`ADD https://…` fetches a file during the build without verifying it (unless `--checksum` is given). The download is not reproducible and a changed or tampered file goes into the image unnoticed.',
  cwe: ['CWE-494'],
  benchmarks: [{ framework: 'CIS Docker Benchmark', version: '1.6.0', control: '4.9' }],
  remediation:
    'Download with curl or wget in a RUN and verify a pinned checksum, or use `ADD --checksum=sha256:…` (BuildKit).',
  tags: ['docker', 'supply-chain'],
  formats: ['dockerfile'],
  check({ model, report }) {
    for (const stage of model.docker.stages) {
      for (const instruction of stage.instructions) {
        if (instruction.keyword !== 'ADD' || instruction.flags.includes('checksum')) continue;
        const sources = instruction.arguments.split(/\s+/).slice(0, -1);
        const remote = sources.find((source) => /^(https?|ftp):\/\//i.test(source));
        if (!remote) continue;
        report({
          resource: stage,
          attr: located(instruction.range, `add.${remote}`),
          message: `ADD downloads ${remote} without verifying a checksum.`,
        });
      }
    }
  },
});
