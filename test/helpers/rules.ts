/** Picks the few built-in rules a test is about, so its results do not change as the catalogue grows. */
import { builtinRuleList } from '../../scanners/rules/registry.js';
import type { Rule } from '../../scanners/rules/types.js';

/** The built-in rules with these ids, in this order; an unknown id throws, so a renamed rule fails loudly. */
export function rulesById(...ids: string[]): Rule[] {
  const byId = new Map(builtinRuleList().map((rule) => [rule.id, rule]));
  return ids.map((id) => {
    const rule = byId.get(id);
    if (!rule) throw new Error(`no built-in rule has the id ${id}`);
    return rule;
  });
}

/** The ids of every built-in rule, sorted. */
export function builtinRuleIds(): string[] {
  return builtinRuleList()
    .map((rule) => rule.id)
    .sort();
}

/** `.palisade.yml` text that enables only these rules (ids or globs); `extra` is appended as is. */
export function enableOnlyConfig(ids: string[], extra = ''): string {
  return `rules:\n  enable: [${ids.map((id) => `'${id}'`).join(', ')}]\n${extra}`;
}
