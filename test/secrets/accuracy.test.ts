import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../scanners/config/config.js';
import { packagePath } from '../../scanners/core/package.js';
import { scan } from '../../scanners/engine/scan.js';
import { builtinRuleList } from '../../scanners/rules/registry.js';

/**
 * Line-level accuracy on the labelled corpus (test/secrets/corpus: realistic files with true credential lines
 * and many near-misses; regenerate with test/secrets/tools/generate-corpus.ts). A line is positive when any
 * secret rule reports on it.
 */
describe('secret detection accuracy', () => {
  it('reaches F1 ≥ 0.9 on the labelled corpus', async () => {
    const labels = JSON.parse(readFileSync(packagePath('test/secrets/corpus/labels.json'), 'utf8')) as Record<
      string,
      number[]
    >;
    const root = packagePath('test/secrets/corpus/fixtures');
    const result = await scan({
      root,
      files: Object.keys(labels),
      rules: builtinRuleList().filter((r) => r.category === 'secret'),
      config: defaultConfig(),
      baseline: false,
      jobs: 1,
    });
    const reported = new Set(result.findings.map((f) => `${f.location.file}:${f.location.startLine}`));
    const truth = new Set(
      Object.entries(labels).flatMap(([file, lines]) => lines.map((l) => `${file}:${l}`)),
    );
    const truePositives = [...reported].filter((line) => truth.has(line)).length;
    const falsePositives = [...reported].filter((line) => !truth.has(line));
    const missed = [...truth].filter((line) => !reported.has(line));
    const precision = truePositives / reported.size;
    const recall = truePositives / truth.size;
    const f1 = (2 * precision * recall) / (precision + recall);
    console.log(
      `secret accuracy: ${truth.size} true lines, ${reported.size} reported; precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}, F1 ${f1.toFixed(3)}` +
        (falsePositives.length ? `\n  false positives: ${falsePositives.join(', ')}` : '') +
        (missed.length ? `\n  missed: ${missed.join(', ')}` : ''),
    );
    expect(truth.size).toBeGreaterThanOrEqual(30);
    expect(f1).toBeGreaterThanOrEqual(0.9);
  });
});
