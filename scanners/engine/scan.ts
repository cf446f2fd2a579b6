import { existsSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Piscina } from 'piscina';
import { defaultConfig, findConfigFile, loadConfigFile, type PalisadeConfig } from '../config/config.js';
import { UsageError } from '../core/errors.js';
import { VERSION } from '../core/package.js';
import { compareText, type Finding, type ScanError, type ScanResult, type Severity } from '../core/types.js';
import { type Baseline, readBaseline } from '../postprocess/baseline.js';
import { loadRules, type RuleSelection } from '../rules/registry.js';
import type { Rule } from '../rules/types.js';
import { compareRecords } from '../tagging/inventory.js';
import { terraformModuleCalls, withModuleCallers } from '../terraform/calls.js';
import { initTerraformParser, parseVarFile, type VarFileInput } from '../terraform/index.js';
import { changedSince, type DiffInfo, touchesChange } from './diff.js';
import { takeInventory } from './inventory.js';
import { addUnitResult, processUnit, type UnitResult, type UnitSettings } from './process-unit.js';
import { batchUnits, groupUnits, unitKey } from './units.js';
import type { WorkerTask } from './worker.js';

export interface ScanOptions {
  /** The folder to scan (default: the current folder). Reported paths are relative to it. */
  root?: string;
  /** Scan only these files (relative to root or absolute), instead of walking the root. */
  files?: string[];
  /** Diff mode: report only findings on lines changed since the merge-base with this ref. */
  diffBase?: string;
  /**
   * Diff mode with the changed lines already known (paths relative to root), e.g. from a pull request's
   * patches fetched through an API when there is no git history to ask. Takes precedence over `diffBase`.
   */
  diff?: DiffInfo;
  /** In diff mode, report findings on changed lines, or anywhere in changed files. */
  diffScope?: 'lines' | 'files';
  /** A loaded config, a config file path, or undefined to look for .palisade.yml in the root. */
  config?: PalisadeConfig | string;
  failOn?: Severity | 'none';
  /** A baseline file path or object; false ignores the configured one. */
  baseline?: string | Baseline | false;
  /** False forbids inline palisade:ignore suppressions. */
  inlineIgnores?: boolean;
  /** Worker threads; 1 scans in this thread. Default: the cores available (up to 4) once the input is large enough to pay. */
  jobs?: number;
  /** Called as units complete. */
  onProgress?: (done: number, total: number) => void;
  /** Today as YYYY-MM-DD, for suppression expiry (tests pin it). */
  today?: string;
  /** Run exactly these rules instead of loading them from the config (scans in this thread). */
  rules?: Rule[];
  /** Terraform variable files (as `terraform -var-file`), relative to the current folder; applied in order. */
  varFiles?: string[];
}

/**
 * Below this much input, worker start-up and copying results cost more than they save. Measured with
 * `npm run bench` on 2 cores: 4 MB of small files ran 20% slower on 2 workers, 8 MB 8% faster, and
 * 13.7 MB of large YAML manifests twice as fast.
 */
const PARALLEL_THRESHOLD_BYTES = 8 * 1024 * 1024;
const BATCH_BYTES = 512 * 1024;
const BATCH_UNITS = 64;

/** Scans a folder, a list of files or a git diff, and returns findings, errors and stats. */
export async function scan(options: ScanOptions = {}): Promise<ScanResult> {
  const started = Date.now();
  const startedAt = new Date(started).toISOString();
  const root = path.resolve(options.root ?? '.');
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new UsageError(`not a folder: ${root}`);
  const config = resolveConfig(options.config, root);
  const selection: RuleSelection = {
    enable: config.rules.enable,
    disable: config.rules.disable,
    severity: config.rules.severity,
    categories: config.categories,
    customRules: config.customRules,
  };
  const rules = options.rules ?? (await loadRules(selection));
  const settings: UnitSettings = {
    inlineIgnores: options.inlineIgnores ?? config.inlineIgnores,
    today: options.today ?? new Date().toISOString().slice(0, 10),
    overrides: config.overrides,
    secrets: config.secrets,
    trustedActions: config.pipeline?.trustedActions,
    root,
  };
  const diffScope = options.diffScope ?? config.diffScope;
  const diff = options.diff ?? (options.diffBase ? await changedSince(root, options.diffBase) : undefined);
  settings.resourceInventory = !diff;

  const inventory = takeInventory({
    root,
    files: options.files,
    exclude: [...config.exclude, ...customRuleFixtureExcludes(config, root)],
    maxFileSize: config.maxFileSize,
    maxFiles: config.maxFiles,
  });
  let units = groupUnits(inventory.entries);
  const terraformCalls = terraformModuleCalls(units);
  if (terraformCalls.size) settings.terraformModules = [...terraformCalls.keys()];
  const varFiles = options.varFiles ?? config.varFiles ?? [];
  // A grammar that cannot load fails each Terraform file with a per-file error, not the scan.
  if (varFiles.length || units.some((unit) => unitKey(unit[0]!.path).startsWith('tf:')))
    await initTerraformParser().catch(() => undefined);
  if (varFiles.length) settings.varFiles = readVarFiles(varFiles);
  if (diff) {
    // Scan every unit that holds a changed file, so module-wide context is there; report changes only.
    // A changed Terraform module is evaluated through the folders that call it.
    const changedUnits = withModuleCallers(new Set([...diff.changed.keys()].map(unitKey)), terraformCalls);
    units = units.filter((unit) => changedUnits.has(unitKey(unit[0]!.path)));
  }

  const unitResult = await runUnits(units, rules, selection, settings, options);
  let findings = unitResult.findings;
  let outsideDiff = 0;
  if (diff) {
    const before = findings.length;
    findings = findings.filter((f) =>
      diffScope === 'files'
        ? diff.changed.has(f.location.file)
        : touchesChange(diff.changed, f.location.file, f.location.startLine, f.location.endLine),
    );
    outsideDiff = before - findings.length;
  }
  const baseline = resolveBaseline(options.baseline, config);
  let baselineHidden = 0;
  if (baseline) {
    const known = new Set(baseline.findings.map((f) => f.fingerprint));
    const before = findings.length;
    findings = findings.filter((f) => !known.has(f.fingerprint));
    baselineHidden = before - findings.length;
  }
  findings.sort(compareFindings);
  const errors = [...inventory.notes, ...unitResult.errors].sort(compareErrors);
  return {
    schemaVersion: '1.1.0',
    tool: { name: 'palisade', version: VERSION, informationUri: 'https://github.com/palisade-dev/palisade' },
    root,
    startedAt,
    finishedAt: new Date().toISOString(),
    findings,
    errors,
    rules: rules.map((r) => ({
      id: r.id,
      title: r.title,
      severity: r.severity,
      category: r.category,
      description: r.description,
      remediation: r.remediation,
      helpUri: r.helpUri ?? `https://palisade.dev/rules/${r.id}`,
      cwe: r.cwe,
      benchmarks: r.benchmarks ?? [],
      tags: r.tags ?? [],
      docs: r.docs ?? '',
    })),
    stats: {
      filesScanned: unitResult.files,
      filesSkipped: errors.filter((e) => ['too-large', 'binary', 'symlink-outside-root'].includes(e.code))
        .length,
      bytesScanned: unitResult.bytes,
      durationMs: Date.now() - started,
      baselineHidden,
      outsideDiff,
    },
    diff: diff ? diffSummary(diff, diffScope) : undefined,
    failOn: options.failOn ?? config.failOn,
    resources: unitResult.resources?.sort(compareRecords),
  };
}

/** Reads and checks `--var-file` files up front: a missing or malformed one is a usage error. */
function readVarFiles(files: string[]): VarFileInput[] {
  return files.map((file) => {
    let text: string;
    try {
      text = readFileSync(path.resolve(file), 'utf8');
    } catch (error) {
      throw new UsageError(`cannot read var file ${file}: ${(error as NodeJS.ErrnoException).code ?? error}`);
    }
    const input = { path: file, text };
    if (!parseVarFile(input))
      throw new UsageError(`var file ${file} is not valid Terraform variables syntax`);
    return input;
  });
}

/** Custom rules' fail fixtures are meant to fail: a scan of the repository that holds them skips them. */
function customRuleFixtureExcludes(config: PalisadeConfig, root: string): string[] {
  if (!config.customRules) return [];
  const relative = path.relative(root, config.customRules).split(path.sep).join('/');
  if (relative.startsWith('..') || path.isAbsolute(relative)) return [];
  return [relative ? `${relative}/**/fixtures/**` : '**/fixtures/**'];
}

function diffSummary(diff: DiffInfo, scope: 'lines' | 'files'): NonNullable<ScanResult['diff']> {
  return { base: diff.base, mergeBase: diff.mergeBase, scope, changedFiles: diff.changed.size };
}

function resolveConfig(config: ScanOptions['config'], root: string): PalisadeConfig {
  if (typeof config === 'object') return config;
  const file = config ?? findConfigFile(root);
  return file ? loadConfigFile(file) : defaultConfig();
}

function resolveBaseline(option: ScanOptions['baseline'], config: PalisadeConfig): Baseline | undefined {
  if (option === false) return undefined;
  if (typeof option === 'object') return option;
  const file = option ?? config.baseline;
  return file ? readBaseline(file) : undefined;
}

async function runUnits(
  units: ReturnType<typeof groupUnits>,
  rules: Rule[],
  selection: RuleSelection,
  settings: UnitSettings,
  options: ScanOptions,
): Promise<UnitResult> {
  const total: UnitResult = { findings: [], errors: [], files: 0, bytes: 0 };
  const add = (result: UnitResult) => addUnitResult(total, result);
  const bytes = units.reduce((sum, unit) => sum + unit.reduce((size, entry) => size + entry.size, 0), 0);
  const jobs = options.jobs ?? Math.min(availableParallelism(), 4);
  const parallel =
    options.jobs !== undefined ? jobs > 1 && units.length > 1 : jobs > 1 && bytes >= PARALLEL_THRESHOLD_BYTES;
  if (!parallel || options.rules) {
    units.forEach((unit, index) => {
      add(processUnit(unit, rules, settings));
      options.onProgress?.(index + 1, units.length);
    });
    return total;
  }
  const pool = createPool(jobs);
  try {
    let done = 0;
    const batches = batchUnits(units, BATCH_BYTES, BATCH_UNITS);
    await Promise.all(
      batches.map(async (batch) => {
        const task: WorkerTask = { units: batch, selection, settings };
        add((await pool.run(task)) as UnitResult);
        done += batch.length;
        options.onProgress?.(done, units.length);
      }),
    );
  } finally {
    await pool.destroy();
  }
  return total;
}

function createPool(jobs: number): Piscina {
  const fromSource = import.meta.url.endsWith('.ts');
  const filename = new URL(fromSource ? './worker.ts' : './worker.js', import.meta.url).href;
  return new Piscina({
    filename,
    minThreads: jobs,
    maxThreads: jobs,
    // Running from TypeScript sources (tests, tsx): workers need the same loader.
    execArgv: fromSource ? ['--import', 'tsx'] : [],
  });
}

function compareFindings(a: Finding, b: Finding): number {
  return (
    compareText(a.location.file, b.location.file) ||
    a.location.startLine - b.location.startLine ||
    a.location.startColumn - b.location.startColumn ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.fingerprint, b.fingerprint)
  );
}

function compareErrors(a: ScanError, b: ScanError): number {
  return compareText(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || compareText(a.code, b.code);
}

export { UsageError };
