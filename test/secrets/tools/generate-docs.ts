/** Writes docs/secrets.md's detector list between its markers. Run: npx tsx test/secrets/tools/generate-docs.ts */
import { readFileSync, writeFileSync } from 'node:fs';
import { packagePath } from '../../../scanners/core/package.js';
import { builtinRuleList } from '../../../scanners/rules/registry.js';
import type { Detector } from '../../../scanners/secrets/detector.js';

const file = packagePath('docs/secrets.md');
const rows: string[] = [];
let count = 0;
for (const rule of builtinRuleList().filter((r) => r.category === 'secret')) {
  const detectors = (rule as unknown as { detectors: Detector[] }).detectors;
  for (const d of detectors) {
    count++;
    const checks = [...(d.validators ?? []), ...(d.minEntropy ? [`entropy ≥ ${d.minEntropy}`] : [])].join(
      ', ',
    );
    rows.push(
      `| \`${d.id}\` | ${rule.id} | ${d.severity ?? rule.severity} | ${d.description} | ${checks || (d.generic ? 'config limits, all filters' : '')} |`,
    );
  }
}
const table = `${count} detectors.\n\n| Detector | Rule | Severity | Finds | Checks |\n| --- | --- | --- | --- | --- |\n${rows.join('\n')}\n`;
const text = readFileSync(file, 'utf8');
const start = '<!-- detectors:start -->';
const end = '<!-- detectors:end -->';
writeFileSync(
  file,
  `${text.slice(0, text.indexOf(start) + start.length)}\n${table}${text.slice(text.indexOf(end))}`,
);
