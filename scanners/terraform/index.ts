import path from 'node:path';
import { FileError } from '../core/errors.js';
import { LineIndex } from '../core/source.js';
import { compareText } from '../core/types.js';
import type { DeclaredResource } from '../model/declared.js';
import type { SourceFile } from '../parsers/source-file.js';
import type { TreeNode } from '../parsers/tree.js';
import type { HclFile } from './ast.js';
import { Evaluator, Lazy, type RootResolver, type Scope } from './evaluator.js';
import { ModuleLoader } from './loader.js';
import { ModuleInstance, type UnitContext } from './module.js';
import { parseTerraformText } from './parse-file.js';
import { Budget, failed } from './values.js';

export { initTerraformParser, terraformParserReady } from './parser.js';
export { declareTerraformPlan } from './plan.js';

/** A `--var-file` given to the scan: its path as the user wrote it, and its text. */
export interface VarFileInput {
  path: string;
  text: string;
}

export interface TerraformUnitOptions {
  /** The scan root (absolute): local modules are read only inside it. */
  root?: string;
  /** `--var-file` files, applied in order after the folder's own variable files. */
  varFiles?: VarFileInput[];
  /** Receives the module files read from other folders, for snippets and suppressions. */
  loadedFiles?: SourceFile[];
  /** Folders called as local modules by other folders of the scan: not evaluated on their own. */
  calledModules?: string[];
}

/**
 * Evaluates one Terraform folder (a root module) with its variable files and the local modules it calls,
 * and returns its resources. Problems in one file go to `onError`; the rest of the folder still counts.
 */
export function declareTerraformUnit(
  files: SourceFile[],
  options: TerraformUnitOptions,
  onError: (file: SourceFile, error: Error) => void,
): DeclaredResource[] {
  const configs = files.filter((f) => f.format === 'terraform' && f.terraform);
  if (!configs.length) return [];
  const dir = path.posix.dirname((configs[0] as SourceFile).path);
  if (options.calledModules && calledSet(options.calledModules).has(dir)) return [];
  const byPath = new Map(files.map((f) => [f.path, f]));
  const loader = new ModuleLoader(options.root);
  const evaluator = new Evaluator(new Budget());
  const unit: UnitContext = {
    evaluator,
    loader,
    declared: [],
    problem(file, line, code, message, hint) {
      // Problems inside module folders are reported by those folders' own units.
      const source = byPath.get(file);
      if (source) onError(source, new FileError(code, message, line, hint));
    },
  };
  const inputs = new Map<string, Lazy>();
  for (const file of autoLoadedVarFiles(files)) addVariables(inputs, file.terraform as HclFile, evaluator);
  for (const varFile of options.varFiles ?? []) {
    const parsed = parseVarFile(varFile);
    if (parsed) addVariables(inputs, parsed, evaluator);
  }
  const root = new ModuleInstance(
    unit,
    dir,
    configs.map((f) => f.terraform as HclFile),
    '',
    '',
    inputs,
    [],
    dir,
  );
  root.declare();
  for (const loaded of loader.loadedModules()) {
    for (const source of loaded.sources) if (!byPath.has(source.path)) options.loadedFiles?.push(source);
  }
  return unit.declared;
}

const calledSets = new WeakMap<string[], Set<string>>();

function calledSet(dirs: string[]): Set<string> {
  let set = calledSets.get(dirs);
  if (!set) {
    set = new Set(dirs);
    calledSets.set(dirs, set);
  }
  return set;
}

/**
 * The folder's variable files Terraform loads by itself, lowest precedence first: terraform.tfvars,
 * terraform.tfvars.json, then *.auto.tfvars and *.auto.tfvars.json in name order.
 */
function autoLoadedVarFiles(files: SourceFile[]): SourceFile[] {
  const vars = files.filter((f) => f.format === 'terraform-vars' && f.terraform);
  const base = (f: SourceFile) => path.posix.basename(f.path);
  const fixed = ['terraform.tfvars', 'terraform.tfvars.json']
    .map((name) => vars.find((f) => base(f) === name))
    .filter((f): f is SourceFile => f !== undefined);
  const auto = vars
    .filter((f) => /\.auto\.tfvars(\.json)?$/.test(base(f)))
    .sort((a, b) => compareText(base(a), base(b)));
  return [...fixed, ...auto];
}

/** Variable files hold constants: references and unknown functions evaluate to unknown. */
const constants: RootResolver = {
  resolve: (_name, steps, range) => ({ value: failed(range), consumed: steps.length }),
};
const constantScope: Scope = { resolver: constants };

function addVariables(inputs: Map<string, Lazy>, file: HclFile, evaluator: Evaluator): void {
  for (const attr of file.body.attributes) {
    let value: TreeNode | undefined;
    inputs.set(
      attr.name,
      new Lazy(() => {
        value ??= evaluator.evaluate(attr.expr, constantScope);
        return value;
      }),
    );
  }
}

const varFileCache = new Map<string, HclFile | undefined>();

/** Parses a `--var-file` once per thread; undefined when it is malformed (scan() reports that up front). */
export function parseVarFile(varFile: VarFileInput): HclFile | undefined {
  const key = `${varFile.path}\u0000${varFile.text}`;
  if (varFileCache.has(key)) return varFileCache.get(key);
  let parsed: HclFile | undefined;
  try {
    parsed = parseTerraformText(varFile.path, varFile.text, new LineIndex(varFile.text), 'terraform-vars');
  } catch {
    parsed = undefined;
  }
  if (varFileCache.size > 64) varFileCache.clear();
  varFileCache.set(key, parsed);
  return parsed;
}
