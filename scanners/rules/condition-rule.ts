import { type Resource, readPath } from '../model/model.js';
import { type Condition, evaluate } from './conditions.js';
import { defineRule } from './define-rule.js';
import type { Rule, RuleMetadata } from './types.js';

/** A rule that is only data: the model collection it checks and the condition that reports. */
export interface ConditionRuleDefinition extends RuleMetadata {
  /** A model selector: `aws.s3.buckets`, `kubernetes.workloads[].containers`. */
  resources: string;
  /** Reports each resource for which this holds; unknown values never report. */
  when: Condition;
  /** The finding's message; `{address}` is replaced by the resource's address. */
  message?: string;
}

/** Declares a condition rule; YAML custom rules and data-only built-in rules share it. */
export function conditionRule(definition: ConditionRuleDefinition): Rule {
  const { resources, when, message, ...metadata } = definition;
  return defineRule({
    ...metadata,
    check(context) {
      for (const resource of collect(context.model, resources)) {
        const outcome = evaluate(when, resource);
        if (outcome.value !== true) continue;
        const target = outcome.resource ?? resource;
        context.report({
          resource: target,
          attr: outcome.evidence,
          message: message?.replaceAll('{address}', target.address),
        });
      }
    },
  });
}

/** Resolves `a.b[].c` to the flattened list of model objects. */
export function collect(model: unknown, selector: string): Resource[] {
  let current: unknown[] = [model];
  for (const segment of selector.split('[].')) {
    current = current.flatMap((item) => {
      const value = readPath(item, segment);
      return Array.isArray(value) ? value : value == null ? [] : [value];
    });
  }
  return current as Resource[];
}
