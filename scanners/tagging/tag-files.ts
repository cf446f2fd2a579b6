import { randomUUID } from 'node:crypto';
import { readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { defaultConfig, findConfigFile, loadConfigFile } from '../config/config.js';
import { FileError } from '../core/errors.js';
import type { ScanError } from '../core/types.js';
import { detectFormat } from '../engine/file-format.js';
import { takeInventory } from '../engine/inventory.js';
import { initTerraformParser } from '../terraform/parser.js';
import { planArmTags } from './arm.js';
import { planCloudFormationTags } from './cloudformation.js';
import { applyEdits, unifiedDiff } from './edits.js';
import { planTerraformTags } from './terraform.js';
import type { FileTagPlan, TaggableResource, TraceIdSource } from './types.js';

export interface TagOptions {
  /** `write` edits files, `check` and `dry-run` change nothing. */
  mode: 'write' | 'check' | 'dry-run';
  /** New trace ids (tests pin them); UUID v4 by default. */
  newId?: TraceIdSource;
  /** Writes a file (the CLI writes atomically). */
  writeFile: (absolute: string, text: string) => void;
}

export interface TaggedFile {
  /** Relative to the root, forward slashes. */
  file: string;
  resources: TaggableResource[];
  /** Resources that got (or, in check and dry-run mode, would get) a trace tag. */
  added: number;
  /** The unified diff of the change (dry-run mode). */
  diff?: string;
}

export interface TagRun {
  files: TaggedFile[];
  /** Files that could not be read or parsed, symlinks not followed: the rest went on. */
  errors: ScanError[];
}

/**
 * Adds a `palisade_trace` tag to every taggable Terraform, CloudFormation and ARM resource under `root`
 * that has no trace tag yet (`palisade_trace`, `yor_trace`, `mapping_tag`). Walks as `scan` does:
 * .gitignore and the config's excludes honoured, symlinks out of the root not followed.
 */
export async function tagDirectory(root: string, options: TagOptions): Promise<TagRun> {
  const absoluteRoot = path.resolve(root);
  const configFile = findConfigFile(absoluteRoot);
  const config = configFile ? loadConfigFile(configFile) : defaultConfig();
  const inventory = takeInventory({
    root: absoluteRoot,
    exclude: config.exclude,
    maxFileSize: config.maxFileSize,
    maxFiles: config.maxFiles,
  });
  const newId = options.newId ?? randomUUID;
  const run: TagRun = {
    files: [],
    errors: inventory.notes.filter(
      (note) => note.code === 'symlink-outside-root' || note.code === 'read-failed',
    ),
  };
  const seen = new Set<string>();
  let parserReady: Promise<boolean> | undefined;
  for (const entry of inventory.entries) {
    const kind = candidateKind(entry.path);
    if (!kind) continue;
    let real: string;
    let raw: string;
    try {
      // A link to a file already handled (inside the root) would be tagged twice.
      real = realpathSync(entry.absolute);
      if (seen.has(real)) continue;
      seen.add(real);
      raw = readFileSync(entry.absolute, 'utf8');
    } catch (error) {
      run.errors.push(
        failure(entry.path, `cannot read file: ${(error as NodeJS.ErrnoException).code ?? error}`),
      );
      continue;
    }
    const bom = raw.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
    const text = bom ? raw.slice(1) : raw;
    const format = detectFormat(entry.path, text);
    let plan: FileTagPlan;
    try {
      if (format === 'terraform' && kind === 'hcl') {
        parserReady ??= initTerraformParser().then(
          () => true,
          () => false,
        );
        if (!(await parserReady))
          throw new FileError('parse-failed', 'the Terraform grammar could not be loaded');
        plan = planTerraformTags(entry.path, text, newId);
      } else if (format === 'cloudformation') {
        plan = planCloudFormationTags(text, newId, isJson(entry.path, text));
      } else if (format === 'arm') {
        plan = planArmTags(text, newId);
      } else continue;
    } catch (error) {
      run.errors.push(
        error instanceof FileError
          ? { ...error.toScanError(entry.path), hint: 'Fix the file; the other files were tagged.' }
          : failure(
              entry.path,
              `cannot read the resources of this ${format} file: ${(error as Error).message}`,
            ),
      );
      continue;
    }
    if (!plan.resources.length) continue;
    const tagged: TaggedFile = {
      file: entry.path,
      resources: plan.resources,
      added: plan.edits.length ? countAdded(plan) : 0,
    };
    if (plan.edits.length) {
      if (options.mode === 'dry-run') tagged.diff = unifiedDiff(entry.path, text, plan.edits);
      if (options.mode === 'write') options.writeFile(real, bom + applyEdits(text, plan.edits));
    }
    run.files.push(tagged);
  }
  return run;
}

/** Resources still lacking a trace tag after this run (in check mode: all untraced ones). */
export function untagged(run: TagRun): Array<TaggableResource & { file: string }> {
  return run.files.flatMap((file) =>
    file.resources.filter((r) => !r.traced).map((r) => ({ ...r, file: file.file })),
  );
}

function countAdded(plan: FileTagPlan): number {
  return plan.resources.filter((r) => !r.traced && !r.problem).length;
}

/** Native Terraform (`.tf`; the JSON syntax is generated, so it is left alone), YAML or JSON templates. */
function candidateKind(file: string): 'hcl' | 'structured' | undefined {
  const lower = file.toLowerCase();
  if (lower.endsWith('.tf')) return 'hcl';
  if (/\.(ya?ml|json|template)$/.test(lower) && !lower.endsWith('.tf.json')) return 'structured';
  return undefined;
}

function isJson(file: string, text: string): boolean {
  return file.toLowerCase().endsWith('.json') || text.trimStart().startsWith('{');
}

function failure(file: string, message: string): ScanError {
  return {
    code: 'parse-failed',
    level: 'error',
    file,
    message,
    hint: 'Fix the file; the other files were tagged.',
  };
}
