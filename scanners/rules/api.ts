/** Everything a rule module needs: built-in rules and TypeScript custom rules import from here. */
export type { Attr, Origin } from '../model/attr.js';
export { isKnown, isKnownValue } from '../model/attr.js';
export { referencedEntities, resolveAttr } from '../model/kinds.js';
export type {
  Container,
  DockerStage,
  Entity,
  Model,
  Resource,
  Workload,
} from '../model/model.js';
export { resources } from '../model/model.js';
export { conditionRule } from './condition-rule.js';
export type { Condition } from './conditions.js';
export { defineRule } from './define-rule.js';
export { field } from './fields.js';
export type { ReportInput, Rule, RuleContext, RuleDefinition, RuleMetadata } from './types.js';
