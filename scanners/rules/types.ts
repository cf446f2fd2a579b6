import type { BenchmarkRef, Category, Range, Severity } from '../core/types.js';
import type { FileFormat } from '../engine/file-format.js';
import type { Attr } from '../model/attr.js';
import type { Model, Resource } from '../model/model.js';
import type { SourceFile } from '../parsers/source-file.js';
import type { SecretSettings } from '../secrets/settings.js';

/** The declarative part of a rule, validated against schemas/rule-metadata.schema.json. */
export interface RuleMetadata {
  id: string;
  title: string;
  severity: Severity;
  severityRationale?: string;
  category: Category;
  description: string;
  cwe: string[];
  benchmarks?: BenchmarkRef[];
  remediation: string;
  helpUri?: string;
  /** Findings carry them; some give the server's code-to-cloud traits (docs/code-to-cloud.md#rule-tags). */
  tags?: string[];
  /** Formats the rule checks ('*' for every text file); each needs pass and fail fixtures. */
  formats: Array<FileFormat | '*'>;
}

/** What a rule reports. Location comes from `attr`, else `resource`, else `file` + `range`. */
export interface ReportInput {
  /** Defaults to the rule's title. */
  message?: string;
  resource?: Resource;
  /** The offending value. An unresolvable attr is never reported: the engine drops it. */
  attr?: Attr<unknown>;
  file?: string;
  range?: Range;
  /** A semantic key that tells findings of one rule in one resource or file apart (never a line number). */
  key?: string;
  /** A secret's raw value: the engine keeps only its hash and a masked preview. */
  secret?: string;
  /** This finding's severity when it differs from the rule's (a secret detector's own); config overrides win. */
  severity?: Severity;
}

export interface RuleContext {
  model: Model;
  /** The unit's files, parsed. Format-specific rules may read the raw trees. */
  files: SourceFile[];
  report(input: ReportInput): void;
  /** The config's `secrets:` settings, for secret rules (defaults when absent). */
  secrets?: SecretSettings;
}

export interface Rule extends RuleMetadata {
  check(context: RuleContext): void;
  /** Markdown docs (the rule folder's README.md). */
  docs?: string;
  /** The rule's folder, when loaded from one (fixtures and README live there). */
  dir?: string;
  /** Set when the config overrides the rule's severity: it then wins over a finding's own severity. */
  severityFromConfig?: boolean;
}

export type RuleDefinition = RuleMetadata & { check(context: RuleContext): void };
