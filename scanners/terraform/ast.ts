import type { Range } from '../core/types.js';

/**
 * Terraform configuration as Palisade keeps it after parsing: plain objects with source ranges. Native HCL
 * (through tree-sitter) and the JSON syntax (`.tf.json`) both become this shape, and the tree-sitter tree is
 * freed as soon as it has been converted.
 */

export interface HclFile {
  /** Relative to the scan root, forward slashes. */
  path: string;
  body: HclBody;
  comments: HclComment[];
}

export interface HclComment {
  text: string;
  range: Range;
}

export interface HclBody {
  attributes: HclAttribute[];
  blocks: HclBlock[];
}

export interface HclAttribute {
  name: string;
  nameRange: Range;
  expr: Expr;
  /** The whole `name = value` line(s). */
  range: Range;
}

export interface HclBlock {
  type: string;
  labels: string[];
  /** The whole block. */
  range: Range;
  /** From the block type to the opening brace: `resource "aws_s3_bucket" "logs" {`. */
  headerRange: Range;
  body: HclBody;
}

/** One step of a traversal: `.name`, `[key]`, or a legacy `.0`. */
export type Step = { kind: 'attr'; name: string; range: Range } | { kind: 'index'; key: Expr; range: Range };

export type TemplatePart =
  | { kind: 'text'; text: string }
  | { kind: 'interp'; expr: Expr }
  | { kind: 'if'; cond: Expr; whenTrue: TemplatePart[]; whenFalse: TemplatePart[] }
  /** A directive Palisade does not evaluate (`%{ for }`): the template is unknown. */
  | { kind: 'opaque'; expr?: Expr };

export type Expr =
  | { t: 'literal'; value: string | number | boolean | null; range: Range }
  | { t: 'template'; parts: TemplatePart[]; range: Range }
  | { t: 'tuple'; items: Expr[]; range: Range }
  | { t: 'object'; items: ObjectItem[]; range: Range }
  /** A root name: `var`, `local`, `aws_s3_bucket`, a `for` variable. */
  | { t: 'name'; name: string; range: Range }
  | { t: 'traverse'; target: Expr; step: Step; range: Range }
  /** `target[*].steps` or `target.*.steps`: `steps` apply to each element. */
  | { t: 'splat'; target: Expr; steps: Step[]; range: Range }
  | { t: 'call'; name: string; args: Expr[]; expandLast: boolean; range: Range }
  | { t: 'unary'; op: string; operand: Expr; range: Range }
  | { t: 'binary'; op: string; left: Expr; right: Expr; range: Range }
  | { t: 'conditional'; cond: Expr; whenTrue: Expr; whenFalse: Expr; range: Range }
  | {
      t: 'for';
      object: boolean;
      keyVar: string | undefined;
      valueVar: string;
      collection: Expr;
      key: Expr | undefined;
      value: Expr;
      cond: Expr | undefined;
      group: boolean;
      range: Range;
    }
  /** Syntax Palisade does not evaluate: always unknown. */
  | { t: 'opaque'; range: Range };

export interface ObjectItem {
  /** A bare identifier key (`name = ...`) is its own name, not a reference. */
  key: Expr;
  value: Expr;
}
