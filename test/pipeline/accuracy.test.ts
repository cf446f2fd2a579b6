import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../scanners/config/config.js';
import type { Finding } from '../../scanners/core/types.js';
import { scan } from '../../scanners/engine/scan.js';
import { builtinRuleList } from '../../scanners/rules/registry.js';

interface Label {
  file: string;
  line: number;
  check: string;
}

const corpus = path.join(import.meta.dirname, 'corpus');
const labels = JSON.parse(readFileSync(path.join(corpus, 'labels.json'), 'utf8')) as Label[];

/** Problem classes the issue sets a recall goal for, by rule. */
function classOf(ruleId: string): string {
  const injection = ['PAL-GHA-001', 'PAL-GHA-002', 'PAL-GHA-003', 'PAL-GHA-004', 'PAL-GITLAB-001'];
  const more = ['PAL-GITLAB-002', 'PAL-GITLAB-003', 'PAL-AZP-001', 'PAL-AZP-002'];
  if ([...injection, ...more].includes(ruleId)) return 'injection';
  if (['PAL-GHA-005', 'PAL-GHA-006', 'PAL-GHA-007'].includes(ruleId)) return 'dangerous-trigger';
  const unpinned = ['PAL-GHA-008', 'PAL-GHA-009', 'PAL-GHA-010', 'PAL-GHA-011', 'PAL-GITLAB-004'];
  if ([...unpinned, 'PAL-GITLAB-005', 'PAL-AZP-003', 'PAL-AZP-004'].includes(ruleId))
    return 'unpinned-dependency';
  const permissions = ['PAL-GHA-012', 'PAL-GHA-013', 'PAL-GHA-014', 'PAL-GHA-015', 'PAL-GHA-024'];
  if ([...permissions, 'PAL-GITLAB-008', 'PAL-AZP-005'].includes(ruleId)) return 'permissions';
  return 'other';
}

describe('accuracy on the labelled corpus (test/pipeline/corpus)', () => {
  it('finds at least 95% of the labelled problems at the right line, with at least 95% precision', async () => {
    const result = await scan({
      root: corpus,
      config: defaultConfig(),
      rules: builtinRuleList().filter((r) => r.category === 'pipeline'),
      baseline: false,
      jobs: 1,
    });
    expect(result.errors.filter((e) => e.level === 'error')).toEqual([]);
    const key = (file: string, line: number, check: string) => `${file}:${line} ${check}`;
    const expected = labels.map((l) => key(l.file, l.line, l.check));
    const found = result.findings.map((f: Finding) => key(f.location.file, f.location.startLine, f.ruleId));
    const remaining = [...found];
    const matched = expected.filter((e) => {
      const index = remaining.indexOf(e);
      if (index === -1) return false;
      remaining.splice(index, 1);
      return true;
    });
    const missed = expected.filter((e) => !matched.includes(e));
    const recall = matched.length / expected.length;
    const precision = matched.length / found.length;

    const perClass = new Map<string, { labelled: number; found: number }>();
    for (const label of labels) {
      const entry = perClass.get(classOf(label.check)) ?? { labelled: 0, found: 0 };
      entry.labelled++;
      if (matched.includes(key(label.file, label.line, label.check))) entry.found++;
      perClass.set(classOf(label.check), entry);
    }
    const files = new Set(result.findings.map((f) => f.location.file)).size;
    console.log(
      [
        `pipeline corpus: ${result.stats.filesScanned} files (${files} with findings), ${labels.length} labelled problems, ${found.length} findings`,
        `recall at the right line ${(recall * 100).toFixed(1)}% · precision ${(precision * 100).toFixed(1)}%`,
        ...[...perClass].map(
          ([name, c]) =>
            `  ${name}: ${c.found}/${c.labelled} (${((c.found / c.labelled) * 100).toFixed(0)}%)`,
        ),
        ...missed.map((m) => `  missed: ${m}`),
        ...remaining.map((r) => `  unlabelled finding: ${r}`),
      ].join('\n'),
    );
    expect(result.stats.filesScanned).toBeGreaterThanOrEqual(60);
    expect(recall).toBeGreaterThanOrEqual(0.95);
    expect(precision).toBeGreaterThanOrEqual(0.95);
  });
});
