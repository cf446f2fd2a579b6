import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../../scanners/core/package.js';
import { loadCustomRules } from '../../scanners/rules/custom-rules.js';
import { testRuleFolder, testRules } from '../../scanners/rules/harness.js';
import { renderRuleReference } from '../../scanners/rules/reference.js';
import { builtinRuleList } from '../../scanners/rules/registry.js';
import { findRuleFolders, renderRuleIndex } from '../../scanners/rules/rule-index.js';
import type { RuleContext } from '../../scanners/rules/types.js';
import { RULE_TRAIT_TAGS } from '../../server/domain/code-to-cloud.js';

const builtin = builtinRuleList();
const customFolder = path.join(import.meta.dirname, '../fixtures/custom-rules');
const custom = await loadCustomRules(customFolder);

// One generic harness: every rule folder's fixtures run through the real pipeline, no per-rule test code.
const cases = [
  ...builtin.map((rule) => [rule.id, rule, true] as const),
  ...custom.map((rule) => [rule.id, rule, false] as const),
];
describe.each(cases)('rule %s', (_id, rule, requireReadme) => {
  it('reports exactly the expected lines in fail fixtures and nothing in pass fixtures', async () => {
    const report = await testRuleFolder(rule, { requireReadme });
    expect(report.problems).toEqual([]);
    expect(report.fixtures).toBeGreaterThanOrEqual(2);
  });
});

describe('rule catalogue', () => {
  it('has unique ids, and the harness flags a duplicate', async () => {
    const reports = await testRules([...builtin, builtin[0]!]);
    expect(reports.at(-1)?.problems).toContain(`the id ${builtin[0]!.id} is used by more than one rule`);
    expect(new Set(builtin.map((r) => r.id)).size).toBe(builtin.length);
  });

  it('generated index lists every rule folder (run `npm run rules:generate` if this fails)', () => {
    const onDisk = readFileSync(packagePath('rules/index.ts'), 'utf8');
    expect(onDisk).toBe(renderRuleIndex(findRuleFolders(packagePath('rules'))));
  });

  it('generated rule reference is up to date (run `npm run rules:generate` if this fails)', () => {
    expect(readFileSync(packagePath('docs/rules.md'), 'utf8')).toBe(renderRuleReference());
  });

  it('declares code-to-cloud trait tags only where the analysis reads them', () => {
    const tagged = (tag: string) => builtin.filter((rule) => rule.tags?.includes(tag));
    const traitTags: readonly string[] = Object.values(RULE_TRAIT_TAGS);
    for (const rule of builtin.filter((r) => r.tags?.some((tag) => traitTags.includes(tag))))
      expect(rule.category, rule.id).toBe('iac');
    for (const rule of tagged(RULE_TRAIT_TAGS.missingSafeguard)) {
      expect(rule.tags, rule.id).toContain(RULE_TRAIT_TAGS.publicAccess);
      expect(rule.tags, rule.id).not.toContain(RULE_TRAIT_TAGS.internetExposed);
    }
    expect(tagged(RULE_TRAIT_TAGS.internetExposed).length).toBeGreaterThan(0);
    expect(tagged(RULE_TRAIT_TAGS.adminPrivilege).length).toBeGreaterThan(0);
    expect(tagged(RULE_TRAIT_TAGS.missingSafeguard).length).toBeGreaterThan(0);
  });

  it('catches a rule whose fixtures disagree with its check', async () => {
    const [rule] = builtin.filter((r) => r.id === 'PAL-K8S-001');
    const broken = { ...rule!, check: () => {} };
    const report = await testRuleFolder(broken);
    expect(report.ok).toBe(false);
    expect(report.problems.join('\n')).toContain('expected finding not reported: fail-privileged.yaml:16');
  });

  it('catches a rule that reports in a pass fixture', async () => {
    const [rule] = builtin.filter((r) => r.id === 'PAL-DOCKER-001');
    const noisy = {
      ...rule!,
      check: (ctx: RuleContext) => {
        for (const stage of ctx.model.docker.stages) ctx.report({ resource: stage, key: stage.name });
      },
    };
    const report = await testRuleFolder(noisy);
    expect(
      report.problems.some((p) => p.startsWith('unexpected finding in pass fixture pass-pinned.Dockerfile')),
    ).toBe(true);
  });
});
