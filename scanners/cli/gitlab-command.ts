/** `palisade gitlab mr`: merge request discussions and a summary note from a scan (docs/gitlab.md). */
import { execFileSync } from 'node:child_process';
import { readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { type Command, InvalidArgumentError } from 'commander';
import { UsageError } from '../core/errors.js';
import type { ScanResult } from '../core/types.js';
import { type ChangedLines, changedSince } from '../engine/diff.js';
import { scan } from '../index.js';
import { commentOnMergeRequest, DEFAULT_MAX_DISCUSSIONS } from '../integrations/gitlab/merge-request.js';
import type { CommandContext } from './context.js';
import { resolveScanTarget } from './scan-target.js';

interface GitlabMrOptions {
  report?: string;
  root?: string;
  config?: string;
  diffBase?: string;
  baseline?: string | false;
  serverUrl?: string;
  project?: string;
  mergeRequest?: string;
  tokenVariable: string;
  maxDiscussions: number;
}

/** Exit status when the scan is fine but GitLab did not take the comments (as `scan --upload`). */
export const EXIT_COMMENTS_FAILED = 3;

/** Adds `palisade gitlab mr`. */
export function registerGitlabCommand(program: Command, context: CommandContext): void {
  const gitlab = program
    .command('gitlab')
    .summary('GitLab integration: merge request comments')
    .description('GitLab integration. The CI template and component are in extensions/gitlab/.');
  gitlab
    .command('mr')
    .summary('post findings to a merge request as diff discussions and one summary note')
    .description(
      'Post findings on changed lines as merge request diff discussions, keep one summary note up to date, ' +
        'and resolve the discussions of findings that are gone. Reads a JSON report (--report) or scans.\n\n' +
        'Needs a project or group access token (Reporter role or above, api scope) in $PALISADE_GITLAB_TOKEN: ' +
        'CI job tokens cannot write notes.',
    )
    .argument('[paths...]', 'what to scan when no --report is given (default: the current folder)')
    .option('--report <file>', 'a JSON report from `palisade scan --format json` instead of scanning')
    .option('--root <dir>', 'root folder of the scan (when scanning)')
    .option('-c, --config <file>', 'config file (when scanning)')
    .option(
      '--diff-base <ref>',
      'base of the merge request, to tell changed lines (default: $CI_MERGE_REQUEST_DIFF_BASE_SHA)',
    )
    .option('--baseline <file>', 'hide findings recorded in this baseline file (when scanning)')
    .option('--no-baseline', 'ignore the baseline named in the config (when scanning)')
    .option('--server-url <url>', 'GitLab base URL (default: $CI_SERVER_URL)')
    .option('--project <id>', 'project id or path (default: $CI_PROJECT_ID)')
    .option('--merge-request <iid>', 'merge request IID (default: $CI_MERGE_REQUEST_IID)')
    .option('--token-variable <name>', 'environment variable holding the token', 'PALISADE_GITLAB_TOKEN')
    .option(
      '--max-discussions <n>',
      'new discussions per run at most; the summary lists the rest',
      parseCount,
      DEFAULT_MAX_DISCUSSIONS,
    )
    .addHelpText(
      'after',
      `
Examples:
  $ palisade scan --format json --output palisade.json && palisade gitlab mr --report palisade.json
  $ palisade gitlab mr --diff-base "$CI_MERGE_REQUEST_DIFF_BASE_SHA"`,
    )
    .action(async (paths: string[], options: GitlabMrOptions) => {
      context.exitCode = await runGitlabMr(paths, options, context);
    });
}

async function runGitlabMr(
  paths: string[],
  options: GitlabMrOptions,
  context: CommandContext,
): Promise<number> {
  const { io } = context;
  const env = io.env;
  const host = (options.serverUrl ?? env.CI_SERVER_URL ?? '').trim();
  const projectId = (options.project ?? env.CI_PROJECT_ID ?? '').trim();
  const iidText = (options.mergeRequest ?? env.CI_MERGE_REQUEST_IID ?? '').trim();
  const token = env[options.tokenVariable]?.trim();
  if (!/^https?:\/\//.test(host)) throw new UsageError('gitlab mr needs --server-url or $CI_SERVER_URL');
  if (!projectId) throw new UsageError('gitlab mr needs --project or $CI_PROJECT_ID');
  if (!/^[1-9]\d*$/.test(iidText)) {
    throw new UsageError(
      'gitlab mr needs --merge-request or $CI_MERGE_REQUEST_IID (run it in a merge request pipeline)',
    );
  }
  if (!token) {
    throw new UsageError(
      `gitlab mr needs a project or group access token in $${options.tokenVariable} (job tokens cannot post notes)`,
    );
  }
  const diffBase = (options.diffBase ?? env.CI_MERGE_REQUEST_DIFF_BASE_SHA ?? '').trim() || undefined;

  let result: ScanResult;
  if (options.report !== undefined) {
    result = readReport(path.resolve(io.cwd, options.report));
  } else {
    const target = resolveScanTarget(paths, options.root, io.cwd);
    result = await scan({
      ...target,
      config: options.config === undefined ? undefined : path.resolve(io.cwd, options.config),
      baseline:
        typeof options.baseline === 'string' ? path.resolve(io.cwd, options.baseline) : options.baseline,
      diffBase,
    });
  }
  const root = result.root && path.isAbsolute(result.root) ? result.root : io.cwd;
  const changedLines = await changedLinesFor(result, root, diffBase);
  try {
    const outcome = await commentOnMergeRequest(
      {
        host,
        token,
        projectId: /^\d+$/.test(projectId) ? Number(projectId) : projectId,
        mergeRequestIid: Number(iidText),
      },
      result,
      {
        changedLines,
        pathPrefix: repositoryPrefix(root),
        jobUrl: env.CI_JOB_URL,
        maxDiscussions: options.maxDiscussions,
        log: (message) => io.stderr.write(`palisade: ${message}\n`),
      },
    );
    io.stderr.write(
      `palisade: merge request !${iidText}: ${outcome.created} diff discussions, ${outcome.fallbacks} general ` +
        `discussions, ${outcome.resolved} resolved, ${outcome.reopened} reopened, ${outcome.unchanged} unchanged; ` +
        `summary note ${outcome.summary}\n`,
    );
    return 0;
  } catch (error) {
    const status = (error as { cause?: { response?: { status?: number } } }).cause?.response?.status;
    const hint =
      status === 401 || status === 403
        ? ' (the token needs the api scope and at least the Reporter role; CI job tokens cannot post notes)'
        : '';
    io.stderr.write(
      `palisade: GitLab refused the merge request comments${status ? ` (HTTP ${status})` : ''}: ${(error as Error).message}${hint}\n`,
    );
    return EXIT_COMMENTS_FAILED;
  }
}

/**
 * Which findings may get a diff discussion: all of them after a diff scan of changed lines, else those on
 * lines changed since the merge request base, else none (the summary note still lists every finding).
 */
async function changedLinesFor(
  result: ScanResult,
  root: string,
  diffBase: string | undefined,
): Promise<ChangedLines | undefined> {
  if (result.diff?.scope === 'lines') return undefined;
  if (!diffBase) return new Map();
  try {
    return (await changedSince(root, diffBase)).changed;
  } catch {
    return new Map();
  }
}

/** The scan root relative to the repository's top folder, as GitLab names files ('' at the top). */
function repositoryPrefix(root: string): string {
  try {
    const top = execFileSync('git', ['-C', root, 'rev-parse', '--show-toplevel'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    const relative = path.relative(realpathSync(top), realpathSync(root)).split(path.sep).join('/');
    return relative.startsWith('..') ? '' : relative;
  } catch {
    return '';
  }
}

function readReport(file: string): ScanResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`--report ${file}: not a readable JSON report (${(error as Error).message})`);
  }
  const report = parsed as Partial<ScanResult> | null;
  if (!report || typeof report !== 'object' || !Array.isArray(report.findings) || !report.tool) {
    throw new UsageError(`--report ${file}: not a Palisade JSON report (palisade scan --format json)`);
  }
  return report as ScanResult;
}

function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('must be a whole number');
  return Number(value);
}
