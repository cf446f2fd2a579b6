/**
 * Writes each secret rule's fixtures (fixtures/text/pass-*, fail-*, expected.json) and README.md from
 * fixture-specs.ts and the rule's detectors. Run: npx tsx test/secrets/tools/generate-fixtures.ts
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { packagePath } from '../../../scanners/core/package.js';
import type { Detector } from '../../../scanners/secrets/detector.js';
import { SPECS } from './fixture-specs.js';
import { expand, seededRandom } from './samples.js';

const HEADERS: Record<string, string> = {
  '.py': '# Service settings\nimport os\n',
  '.js': "'use strict';\n// client setup\n",
  '.env': '# environment for the staging deploy\nAPP_ENV=staging\n',
  '.yaml': '# deployment values\nreplicas: 2\n',
};

async function main(): Promise<void> {
  const root = packagePath('rules/secrets');
  let seed = 1;
  for (const group of Object.keys(SPECS).sort()) {
    const spec = SPECS[group]!;
    const dir = path.join(root, group);
    const rule = (await import(path.join(dir, 'rule.ts'))).default as {
      id: string;
      title: string;
      description: string;
      remediation: string;
      detectors: Detector[];
    };
    const fixtures = path.join(dir, 'fixtures', 'text');
    rmSync(fixtures, { recursive: true, force: true });
    mkdirSync(fixtures, { recursive: true });
    const random = seededRandom(seed++ * 7919);
    const files = new Map<string, string[]>();
    const expected: Array<{ file: string; line: number }> = [];
    const covered = new Set<string>();
    const linesOf = (file: string) => {
      let lines = files.get(file);
      if (!lines) {
        const header = HEADERS[path.extname(file)];
        lines = header ? header.trimEnd().split('\n') : [];
        files.set(file, lines);
      }
      return lines;
    };
    for (const [file, template, detector] of spec.fail) {
      const lines = linesOf(file);
      if (lines.length) lines.push('');
      const sample = expand(template, random).split('\n');
      // `@@` marks the line the finding is on; else it is the sample's first line.
      const marked = Math.max(
        0,
        sample.findIndex((l) => l.startsWith('@@')),
      );
      expected.push({ file, line: lines.length + 1 + marked });
      lines.push(...sample.map((l) => l.replace(/^@@/, '')));
      covered.add(detector);
    }
    for (const [file, template] of spec.pass) {
      const lines = linesOf(file);
      if (lines.length) lines.push('');
      lines.push(...expand(template, random).split('\n'));
    }
    const missing = rule.detectors.filter((d) => !covered.has(d.id)).map((d) => d.id);
    if (missing.length) throw new Error(`${group}: no fail sample for ${missing.join(', ')}`);
    for (const [file, lines] of files) writeFileSync(path.join(fixtures, file), `${lines.join('\n')}\n`);
    writeFileSync(
      path.join(fixtures, 'expected.json'),
      `[\n${expected.map((e) => `  { "file": "${e.file}", "line": ${e.line} }`).join(',\n')}\n]\n`,
    );
    writeFileSync(path.join(dir, 'README.md'), readme(rule));
  }
  // Folders without a spec would have no fixtures: list them.
  const withoutSpec = readdirSync(root).filter((g) => !SPECS[g]);
  if (withoutSpec.length) throw new Error(`no fixture spec for ${withoutSpec.join(', ')}`);
}

function readme(rule: {
  id: string;
  title: string;
  description: string;
  remediation: string;
  detectors: Detector[];
}): string {
  const rows = rule.detectors.map(
    (d) =>
      `| \`${d.id}\` | ${d.description} | ${d.validators?.length ? d.validators.join(', ') : d.minEntropy ? `entropy ≥ ${d.minEntropy}` : d.generic ? 'entropy and filters' : 'shape'} |`,
  );
  return `# ${rule.id}: ${rule.title}

## What it checks

${rule.description}

| Detector | Finds | Checked by |
| --- | --- | --- |
${rows.join('\n')}

Each finding names its detector in brackets, for example \`[${rule.detectors[0]!.id}]\`. The detector id and the
SHA-256 of the value (never the value) identify the finding in baselines, so moving the line does not churn.

## Why it matters

A credential in a repository is readable by everyone with access to the code, its forks, clones and CI logs,
and stays in the git history after it is deleted from the working tree.

## How to fix

1. Rotate first: ${rule.remediation}
2. Remove the value from the code and read it at run time, for example:

   \`\`\`python
   token = os.environ["SERVICE_TOKEN"]  # set from the CI secret store or a vault
   \`\`\`

3. If the value was ever pushed, treat it as leaked even after you rewrite history.

## How to allow a value that is not a secret

- On the line (or the line before): \`palisade:allow\`, or the detect-secrets and gitleaks markers
  \`pragma: allowlist secret\`, \`pragma: allowlist nextline secret\`, \`gitleaks:allow\`.
- Turn one detector off in \`.palisade.yml\`: \`secrets: { disable: [${rule.detectors[0]!.id}] }\`.
- Accept existing findings with \`palisade baseline create\` and review them with \`palisade baseline audit\`.

See [docs/secrets.md](../../../docs/secrets.md).
`;
}

await main();
