import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormatsPlugin from 'ajv-formats';
import { UsageError } from '../core/errors.js';
import { packagePath } from '../core/package.js';
import type { Rule, RuleDefinition, RuleMetadata } from './types.js';

const addFormats = addFormatsPlugin as unknown as typeof addFormatsPlugin.default;

let validateMetadata: ReturnType<Ajv['compile']> | undefined;

/** Validates rule metadata against the published schema; throws a UsageError naming the rule and field. */
export function checkRuleMetadata(metadata: RuleMetadata, source = metadata.id ?? 'rule'): void {
  if (!validateMetadata) {
    const schema = JSON.parse(readFileSync(packagePath('schemas/rule-metadata.schema.json'), 'utf8'));
    validateMetadata = addFormats(new Ajv({ allErrors: true, strict: false })).compile(schema);
  }
  const { check: _check, docs: _docs, dir: _dir, ...declarative } = metadata as Partial<Rule>;
  if (!validateMetadata(declarative)) {
    const problems = (validateMetadata.errors ?? [])
      .map((e) => `${e.instancePath || '(root)'} ${e.message}`)
      .join('; ');
    throw new UsageError(`invalid rule metadata: ${problems}`, source);
  }
}

/** Declares a rule: metadata (checked against the schema on load) plus a check over the model. */
export function defineRule(definition: RuleDefinition): Rule {
  if (typeof definition.check !== 'function')
    throw new UsageError('a rule needs a check function', definition.id);
  checkRuleMetadata(definition);
  return Object.freeze({ ...definition });
}
