import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormatsPlugin from 'ajv-formats';
import { createJiti } from 'jiti';
import { parseDocument } from 'yaml';
import { UsageError } from '../core/errors.js';
import { packagePath } from '../core/package.js';
import { conditionRule } from './condition-rule.js';
import type { Condition } from './conditions.js';
import { defineRule } from './define-rule.js';
import type { Rule, RuleDefinition, RuleMetadata } from './types.js';

const addFormats = addFormatsPlugin as unknown as typeof addFormatsPlugin.default;
const RULE_FILE = /^rule\.(ya?ml|ts|mts|js|mjs)$/;
const FLAT_RULE_FILE = /\.(ya?ml|ts|mts|js|mjs)$/;

let validateCustom: ReturnType<Ajv['compile']> | undefined;
let jiti: ReturnType<typeof createJiti> | undefined;

/** A YAML custom rule: metadata, the model collection it checks and the condition that reports. */
export interface YamlRuleDefinition extends RuleMetadata {
  resources: string;
  message?: string;
  when: Condition;
}

/** Turns a YAML custom rule into a Rule with the same model and engine as built-in rules. */
export function yamlRule(definition: YamlRuleDefinition, source: string): Rule {
  if (!validateCustom) {
    const schema = JSON.parse(readFileSync(packagePath('schemas/custom-rule.schema.json'), 'utf8'));
    validateCustom = addFormats(new Ajv({ allErrors: true, strict: false })).compile(schema);
  }
  const { resources, message, when, ...metadata } = definition;
  if (!validateCustom({ resources, message, when })) {
    const problem = validateCustom.errors?.[0];
    throw new UsageError(
      `invalid custom rule: ${problem?.instancePath || '(root)'} ${problem?.message}`,
      source,
    );
  }
  return conditionRule({ ...metadata, resources, when, message });
}

/** Loads every custom rule in a folder: `NAME/rule.{yaml,ts,js}` folders, or flat `*.yaml|ts|js` files. */
export async function loadCustomRules(folder: string): Promise<Rule[]> {
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new UsageError(`custom rules folder does not exist: ${folder}`);
  }
  const rules: Rule[] = [];
  for (const name of readdirSync(folder).sort()) {
    const full = path.join(folder, name);
    if (statSync(full).isDirectory()) {
      const ruleFile = readdirSync(full).find((f) => RULE_FILE.test(f));
      if (!ruleFile) continue;
      const rule = await loadRuleFile(path.join(full, ruleFile));
      const readme = path.join(full, 'README.md');
      rules.push({ ...rule, dir: full, docs: existsSync(readme) ? readFileSync(readme, 'utf8') : rule.docs });
    } else if (FLAT_RULE_FILE.test(name) && !name.endsWith('.d.ts')) {
      rules.push(await loadRuleFile(full));
    }
  }
  return rules;
}

/** Loads one rule file: YAML conditions, or a module whose default export is a rule definition. */
export async function loadRuleFile(file: string): Promise<Rule> {
  if (/\.ya?ml$/.test(file)) {
    const doc = parseDocument(readFileSync(file, 'utf8'));
    if (doc.errors[0]) throw new UsageError(`invalid YAML: ${doc.errors[0].message.split('\n')[0]}`, file);
    return yamlRule(doc.toJS({ maxAliasCount: 100 }) as YamlRuleDefinition, file);
  }
  jiti ??= createJiti(import.meta.url, { moduleCache: false });
  const loaded = await jiti.import<RuleDefinition | Rule>(file, { default: true });
  if (!loaded || typeof loaded !== 'object')
    throw new UsageError('a rule module must export a rule by default', file);
  try {
    return defineRule(loaded);
  } catch (error) {
    throw new UsageError((error as Error).message, file);
  }
}
