import { existsSync, readFileSync } from 'node:fs';
import picomatch from 'picomatch';
import { builtinRules } from '../../rules/index.js';
import { UsageError } from '../core/errors.js';
import { packagePath } from '../core/package.js';
import type { Category, Severity } from '../core/types.js';
import { loadCustomRules } from './custom-rules.js';
import type { Rule } from './types.js';

/** Which rules run: the parts of the config that choose them. Plain data, so workers can receive it. */
export interface RuleSelection {
  enable?: string[];
  disable: string[];
  severity: Record<string, Severity>;
  categories: { enable?: Category[]; disable: Category[] };
  customRules?: string;
}

let builtinWithDocs: Rule[] | undefined;

/** Every built-in rule, with its README as docs (read once per process). */
export function builtinRuleList(): Rule[] {
  builtinWithDocs ??= builtinRules.map(({ rule, dir }) => {
    const readme = packagePath(`rules/${dir}/README.md`);
    return {
      ...rule,
      dir: packagePath(`rules/${dir}`),
      docs: existsSync(readme) ? readFileSync(readme, 'utf8') : '',
    };
  });
  return [...builtinWithDocs];
}

/** Built-in plus custom rules, filtered and with severity overrides applied. */
export async function loadRules(selection: RuleSelection): Promise<Rule[]> {
  const custom = selection.customRules ? await loadCustomRules(selection.customRules) : [];
  const all = [...builtinRuleList(), ...custom];
  const seen = new Set<string>();
  for (const rule of all) {
    if (seen.has(rule.id)) throw new UsageError(`two rules have the id ${rule.id}`, rule.dir);
    seen.add(rule.id);
  }
  const enabled = selection.enable?.length ? picomatch(selection.enable) : () => true;
  const disabled = selection.disable.length ? picomatch(selection.disable) : () => false;
  return all
    .filter((rule) => enabled(rule.id) && !disabled(rule.id))
    .filter(
      (rule) => !selection.categories.enable?.length || selection.categories.enable.includes(rule.category),
    )
    .filter((rule) => !selection.categories.disable.includes(rule.category))
    .map((rule) => {
      const severity = selection.severity[rule.id];
      return severity ? { ...rule, severity, severityFromConfig: true } : rule;
    });
}

/** A finding's severity: its own (a secret detector's) unless the config sets the rule's. */
export function findingSeverity(rule: Rule, own: Severity | undefined): Severity {
  return rule.severityFromConfig ? rule.severity : (own ?? rule.severity);
}
