/** Everything a rule module needs: built-in rules and TypeScript custom rules import from here. */
export type { Attr, Origin } from '../model/attr.js';
export { isKnown, isKnownValue } from '../model/attr.js';
export type { Container, DockerStage, Model, Resource, S3Bucket, Workload } from '../model/model.js';
export { defineRule } from './define-rule.js';
export type { ReportInput, Rule, RuleContext, RuleDefinition, RuleMetadata } from './types.js';
