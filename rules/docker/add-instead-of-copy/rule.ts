import { defineRule } from '../../../scanners/rules/api.js';
import { located } from '../instructions.js';

const ARCHIVE = /\.(tar|tgz|tbz2?|txz|tar\.(gz|bz2|xz|zst|lz|lzma))$/i;

export default defineRule({
  id: 'PAL-DOCKER-004',
  title: 'ADD used where COPY suffices',
  severity: 'low',
  severityRationale:
    "ADD's implicit extraction and downloads surprise readers; for plain files it is only a hygiene issue.",
  category: 'iac',
  description:
    'ADD copies local files like COPY, but also extracts local archives and fetches URLs. For plain files and folders, COPY says what happens and cannot silently unpack an archive that lands in the build context.',
  cwe: ['CWE-710'],
  benchmarks: [{ framework: 'CIS Docker Benchmark', version: '1.6.0', control: '4.9' }],
  remediation: 'Replace ADD with COPY for local files and folders; keep ADD only to extract a local archive.',
  tags: ['docker'],
  formats: ['dockerfile'],
  check({ model, report }) {
    for (const stage of model.docker.stages) {
      for (const instruction of stage.instructions) {
        if (instruction.keyword !== 'ADD') continue;
        const words = instruction.arguments.split(/\s+/).filter((word) => word && !word.startsWith('--'));
        const sources = words.slice(0, -1);
        if (!sources.length) continue;
        // URLs are judged by PAL-DOCKER-003; archives and variables may need ADD.
        if (
          sources.some(
            (source) =>
              /^[a-z]+:\/\//i.test(source) ||
              source.startsWith('git@') ||
              source.includes('$') ||
              ARCHIVE.test(source),
          )
        )
          continue;
        report({
          resource: stage,
          attr: located(instruction.range, `add.${sources.join(' ')}`),
          message: `ADD ${sources.join(' ')} copies local files: use COPY.`,
        });
      }
    }
  },
});
