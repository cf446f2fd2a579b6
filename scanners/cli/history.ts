import { execFile, spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { defaultConfig, findConfigFile, loadConfigFile, type PalisadeConfig } from '../config/config.js';
import { UsageError } from '../core/errors.js';
import { VERSION } from '../core/package.js';
import { LineIndex } from '../core/source.js';
import { compareText, type Finding, type ScanResult, type Severity } from '../core/types.js';
import { readBaseline } from '../postprocess/baseline.js';
import { fingerprint, maskInLine, redactSecret } from '../postprocess/fingerprint.js';
import { findingSeverity, loadRules } from '../rules/registry.js';
import type { Rule } from '../rules/types.js';
import { scanText } from '../secrets/engine.js';
import { ruleOfDetector, secretKey, secretMessage } from '../secrets/secret-rule.js';

const run = promisify(execFile);

/** Added text kept per file per commit: a generated file's first 5 MiB of additions are enough. */
const MAX_ADDED_CHARS = 5 * 1024 * 1024;
const COMMIT_MARK = '\u0001palisade-commit\u0001';

export interface HistoryOptions {
  /** The repository (any folder inside the work tree). */
  root: string;
  /** A revision range (`a..b`, `main..HEAD`, a single ref for its whole history); default: see defaultRange. */
  range?: string;
  config?: PalisadeConfig | string;
  /** A baseline file (or false): known secrets stay hidden. */
  baseline?: string | false;
  failOn?: Severity | 'none';
  /** Environment for the default range (CI variables naming the target branch). */
  env?: Record<string, string | undefined>;
  onCommit?: (commits: number) => void;
}

async function git(cwd: string, args: string[]): Promise<string> {
  try {
    return (await run('git', args, { cwd, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' })).stdout;
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new UsageError(`git ${args[0]} failed: ${stderr || (error as Error).message}`);
  }
}

/**
 * The default range: in a pull or merge request (GitHub, GitLab, Azure Pipelines variables), merge-base of
 * the target branch and HEAD up to HEAD; otherwise every commit reachable from HEAD.
 */
export async function defaultRange(root: string, env: Record<string, string | undefined>): Promise<string> {
  const target =
    env.GITHUB_BASE_REF ||
    env.CI_MERGE_REQUEST_TARGET_BRANCH_NAME ||
    env.SYSTEM_PULLREQUEST_TARGETBRANCH?.replace(/^refs\/heads\//, '');
  if (target) {
    for (const ref of [`origin/${target}`, target]) {
      try {
        const base = (await git(root, ['merge-base', '--end-of-options', ref, 'HEAD'])).trim();
        if (base) return `${base}..HEAD`;
      } catch {
        // try the next spelling of the target branch
      }
    }
  }
  return 'HEAD';
}

interface CommitInfo {
  sha: string;
  author: string;
  email: string;
  date: string;
}

interface FileAdditions {
  file: string;
  lines: string[];
  /** New-file line number of each added line. */
  numbers: number[];
  chars: number;
}

/**
 * Scans the lines each commit of a range added, streaming `git log -p` (oldest first) so memory holds one
 * file's additions at a time. A secret added and later deleted is still found; each finding names the
 * commit that added it, its author and date, the file and the line. A secret is reported once per file,
 * at the commit that first added it.
 */
export async function scanHistory(options: HistoryOptions): Promise<ScanResult> {
  const started = Date.now();
  const root = path.resolve(options.root);
  const config = resolveConfig(options.config, root);
  const rules = await loadRules({
    enable: config.rules.enable,
    disable: config.rules.disable,
    severity: config.rules.severity,
    categories: config.categories,
  });
  const secretRules = new Map(rules.filter((r) => r.category === 'secret').map((r) => [r.id, r]));
  const range = options.range ?? (await defaultRange(root, options.env ?? {}));
  if (range.startsWith('-')) throw new UsageError(`invalid history range "${range}"`);
  const top = (await git(root, ['rev-parse', '--show-toplevel'])).trim();
  await git(top, [
    'rev-parse',
    '--verify',
    '--quiet',
    '--end-of-options',
    range.split('..').at(-1) || 'HEAD',
  ]);

  const findings = new Map<string, Finding>();
  let commits = 0;
  let bytes = 0;
  let commit: CommitInfo | undefined;
  let current: FileAdditions | undefined;
  let newLine = 0;

  const flush = () => {
    if (!current || !commit || !current.lines.length) return;
    const text = current.lines.join('\n');
    bytes += text.length;
    let lineIndex: LineIndex | undefined;
    for (const match of scanText(current.file, text, config.secrets)) {
      const rule = secretRules.get(ruleOfDetector(match.detector.id) ?? '');
      if (!rule) continue;
      lineIndex ??= new LineIndex(text);
      const { line, column } = lineIndex.position(match.start);
      const finding = historyFinding(
        { ...rule, severity: findingSeverity(rule, match.detector.severity) },
        match.detector,
        match.value,
        current,
        line - 1,
        column - 1,
        commit,
      );
      if (!findings.has(finding.fingerprint)) findings.set(finding.fingerprint, finding);
    }
  };

  const child = spawn(
    'git',
    [
      '-c',
      'core.quotepath=off',
      'log',
      '--reverse',
      '--no-color',
      '--no-ext-diff',
      '--no-renames',
      '--unified=0',
      '--diff-filter=AM',
      '--src-prefix=a/',
      '--dst-prefix=b/',
      `--format=${COMMIT_MARK}%H%x00%an%x00%ae%x00%aI`,
      '-p',
      '--end-of-options',
      range,
      '--',
    ],
    { cwd: top, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    if (stderr.length < 4096) stderr += chunk.toString();
  });
  const lines = createInterface({ input: child.stdout, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    if (line.startsWith(COMMIT_MARK)) {
      flush();
      current = undefined;
      const [sha = '', author = '', email = '', date = ''] = line.slice(COMMIT_MARK.length).split('\0');
      commit = { sha, author, email, date };
      commits++;
      options.onCommit?.(commits);
    } else if (line.startsWith('+++ ')) {
      flush();
      const target = line.slice(4);
      current = target.startsWith('b/')
        ? { file: unquote(target.slice(2)), lines: [], numbers: [], chars: 0 }
        : undefined;
    } else if (line.startsWith('@@')) {
      newLine = Number(/\+(\d+)/.exec(line)?.[1] ?? 0);
    } else if (current && line.startsWith('+')) {
      if (current.chars < MAX_ADDED_CHARS) {
        current.lines.push(line.slice(1));
        current.numbers.push(newLine);
        current.chars += line.length;
      }
      newLine++;
    } else if (line.startsWith('diff --git ')) {
      flush();
      current = undefined;
    }
  }
  flush();
  const code: number = await new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.on('close', (status) => resolve(status ?? 1));
  });
  if (code !== 0) throw new UsageError(`git log failed: ${stderr.trim() || `exit ${code}`}`);

  let list = [...findings.values()];
  let baselineHidden = 0;
  const baselineFile = options.baseline === false ? undefined : (options.baseline ?? config.baseline);
  if (baselineFile) {
    const known = new Set(readBaseline(baselineFile).findings.map((f) => f.fingerprint));
    const before = list.length;
    list = list.filter((f) => !known.has(f.fingerprint));
    baselineHidden = before - list.length;
  }
  list.sort(
    (a, b) =>
      compareText(a.location.file, b.location.file) ||
      a.location.startLine - b.location.startLine ||
      compareText(a.ruleId, b.ruleId) ||
      compareText(a.fingerprint, b.fingerprint),
  );
  const used = new Set(list.map((f) => f.ruleId));
  return {
    schemaVersion: '1.1.0',
    tool: { name: 'palisade', version: VERSION, informationUri: 'https://github.com/palisade-dev/palisade' },
    root: top,
    startedAt: new Date(started).toISOString(),
    finishedAt: new Date().toISOString(),
    findings: list,
    errors: [],
    rules: [...secretRules.values()]
      .filter((r) => used.has(r.id))
      .map((r) => ({
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
      filesScanned: commits,
      filesSkipped: 0,
      bytesScanned: bytes,
      durationMs: Date.now() - started,
      baselineHidden,
      outsideDiff: 0,
    },
    failOn: options.failOn ?? config.failOn,
  };
}

function historyFinding(
  rule: Rule,
  detector: { id: string; description: string },
  value: string,
  additions: FileAdditions,
  index: number,
  column: number,
  commit: CommitInfo,
): Finding {
  const secret = redactSecret(value);
  const line = additions.lines[index] ?? '';
  const lineNumber = additions.numbers[index] ?? 1;
  const endColumn = Math.min(line.length, column + value.length) + 1;
  const masked = maskInLine(line, column + 1, endColumn, secret.preview);
  return {
    ruleId: rule.id,
    title: rule.title,
    severity: rule.severity,
    category: 'secret',
    message: secretMessage(detector),
    location: {
      file: additions.file,
      startLine: lineNumber,
      startColumn: column + 1,
      endLine: lineNumber,
      endColumn,
    },
    remediation: rule.remediation,
    helpUri: rule.helpUri ?? `https://palisade.dev/rules/${rule.id}`,
    cwe: rule.cwe,
    benchmarks: rule.benchmarks ?? [],
    tags: rule.tags ?? [],
    // The value may occur elsewhere on the line too: mask every occurrence.
    snippet: (masked.length > 300 ? `${masked.slice(0, 300)}…` : masked)
      .split(value)
      .join(`${secret.preview}****`),
    secret,
    commit: { sha: commit.sha, author: commit.author, email: commit.email, date: commit.date },
    // The same identity as a working-tree scan: file, detector and hash, so one baseline serves both.
    fingerprint: fingerprint({
      ruleId: rule.id,
      file: additions.file,
      key: secretKey(detector.id, secret.sha256),
      occurrence: 0,
    }),
  };
}

/** git quotes unusual paths ("a\tb"); core.quotepath=off leaves UTF-8 alone. */
function unquote(file: string): string {
  if (!file.startsWith('"')) return file;
  try {
    return JSON.parse(file) as string;
  } catch {
    return file.slice(1, -1);
  }
}

function resolveConfig(config: HistoryOptions['config'], root: string): PalisadeConfig {
  if (typeof config === 'object') return config;
  const file = config ?? findConfigFile(root);
  return file ? loadConfigFile(file) : defaultConfig();
}
