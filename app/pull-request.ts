/**
 * A pull request scan: a check run in progress on the head commit, the changed files and their Terraform
 * context fetched through the API, a diff-aware scan, then the check run completed with its annotations,
 * and optionally the sticky comment and review comments.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import type { ProbotOctokit } from 'probot';
import { activeFindings, type ScanResult } from '../scanners/core/types.js';
import type { ChangedLines } from '../scanners/engine/diff.js';
import { scan } from '../scanners/engine/scan.js';
import { decodeState, renderComment } from '../scanners/integrations/github/comment.js';
import { findSticky, writeSticky } from '../scanners/integrations/github/sticky.js';
import { MAX_MODULE_DEPTH } from '../scanners/terraform/module.js';
import { checkReport, failureOutput, OUTPUT_CHARS } from './check-run.js';
import { ConfigError, loadRepositoryConfig } from './config.js';
import {
  type BlobCache,
  isIgnoreFile,
  isTerraformFile,
  localModuleFolders,
  type RepositoryRef,
  readTree,
  terraformFilesIn,
} from './content.js';
import { addChangedLines } from './patch.js';
import { postReviewComments } from './review.js';
import type { AppSettings } from './settings.js';
import {
  FetchBudget,
  fetchLimits,
  inTemporaryFolder,
  prepareConfigFiles,
  skippedNotes,
} from './workspace.js';

/** GitHub lists at most 3,000 files of a pull request. */
const PULL_REQUEST_FILE_LIST_LIMIT = 3000;

export interface PullRequestTarget {
  repository: RepositoryRef;
  defaultBranch: string;
  number: number;
  headSha: string;
  baseSha: string;
  /** Files changed, as the pull request says (to tell when GitHub's list is cut). */
  changedFiles?: number;
  /** `https://github.com/o/r`, for links in the sticky comment. */
  htmlUrl?: string;
}

export interface JobContext {
  octokit: ProbotOctokit;
  log: Logger;
  settings: AppSettings;
  /** File contents shared between scans of the process. */
  blobs?: BlobCache;
}

/** Scans a pull request and reports on a new check run; the check run is completed whatever happens. */
export async function scanPullRequest(job: JobContext, target: PullRequestTarget): Promise<void> {
  const { octokit, settings, log } = job;
  const { repository } = target;
  const { data: check } = await octokit.rest.checks.create({
    ...repository,
    name: settings.checkName,
    head_sha: target.headSha,
    status: 'in_progress',
    started_at: new Date().toISOString(),
    // A rerun of a fork's check run comes without its pull request: the number travels here.
    external_id: String(target.number),
  });
  try {
    await inTemporaryFolder(async (folder) => {
      const outcome = await scanIntoReport(job, target, folder);
      const report = checkReport(outcome.result, settings.annotationCap, outcome.notes);
      const extras: string[] = [];
      if (settings.stickyComment) extras.push(...(await stickyComment(job, target, outcome.result)));
      if (settings.reviewComments)
        extras.push(
          ...(await postReviewComments(job, target, outcome.result, outcome.changed, outcome.commentable)),
        );
      const summary = extras.length
        ? `${report.output.summary}\n\n${extras.map((note) => `- ${note}`).join('\n')}`.slice(0, OUTPUT_CHARS)
        : report.output.summary;
      const output = { ...report.output, summary };
      const batches = report.annotationBatches;
      // Every batch but the last while in progress; the last one completes the run.
      for (const batch of batches.slice(0, -1))
        await octokit.rest.checks.update({
          ...repository,
          check_run_id: check.id,
          output: { ...output, annotations: batch },
        });
      await octokit.rest.checks.update({
        ...repository,
        check_run_id: check.id,
        status: 'completed',
        conclusion: report.conclusion,
        completed_at: new Date().toISOString(),
        output: { ...output, annotations: batches.at(-1) ?? [] },
      });
      log.info(
        {
          pullRequest: target.number,
          findings: activeFindings(outcome.result).length,
          conclusion: report.conclusion,
        },
        'Palisade check run completed',
      );
    });
  } catch (error) {
    const configError = error instanceof ConfigError;
    log.error(
      { pullRequest: target.number, err: configError ? undefined : error },
      configError ? `invalid configuration: ${(error as Error).message}` : 'Palisade scan failed',
    );
    const output = configError
      ? failureOutput('Invalid Palisade configuration', (error as Error).message)
      : failureOutput(
          'Palisade could not scan this pull request',
          `The scan stopped: ${describeFailure(error)}. Re-run the check to try again.`,
        );
    await octokit.rest.checks.update({
      ...repository,
      check_run_id: check.id,
      status: 'completed',
      conclusion: 'failure',
      completed_at: new Date().toISOString(),
      output,
    });
  }
}

/** A failure as the summary may show it: an API status and message, never a stack or the environment. */
function describeFailure(error: unknown): string {
  const status = (error as { status?: number }).status;
  if (typeof status === 'number') return `the GitHub API answered ${status}`;
  return error instanceof Error && error.name === 'UsageError' ? error.message : 'an internal error';
}

interface ScanOutcome {
  result: ScanResult;
  changed: ChangedLines;
  /** Files whose diff GitHub shows, so that review comments can sit on their lines. */
  commentable: Set<string>;
  notes: string[];
}

async function scanIntoReport(
  job: JobContext,
  target: PullRequestTarget,
  folder: string,
): Promise<ScanOutcome> {
  const { octokit } = job;
  const { repository } = target;
  const { config, notes, source } = await loadRepositoryConfig(octokit, repository, folder);
  if (source !== 'defaults') notes.unshift(`Configuration: \`${source}\` on the default branch.`);

  // Page by page, keeping only names and changed line numbers: a 3,000-file patch list is never held whole.
  const changed: ChangedLines = new Map();
  const iterator = octokit.paginate.iterator(octokit.rest.pulls.listFiles, {
    ...repository,
    pull_number: target.number,
    per_page: 100,
  });
  const commentable = new Set<string>();
  let listed = 0;
  for await (const page of iterator) {
    for (const file of page.data) {
      listed++;
      if (addChangedLines(changed, file)) commentable.add(file.filename);
    }
  }
  if ((target.changedFiles ?? 0) > listed)
    notes.push(
      `GitHub lists only the first ${PULL_REQUEST_FILE_LIST_LIMIT} files of a pull request: ` +
        `${(target.changedFiles ?? 0) - listed} changed files were not scanned.`,
    );

  const tree = await readTree(octokit, repository, target.headSha);
  if (tree.truncated)
    notes.push('The repository tree is too large for one listing: files past GitHub’s cut were not fetched.');
  const limits = fetchLimits(job.settings, config);
  const budget = new FetchBudget(octokit, repository, tree, folder, limits, job.blobs);
  const changedNames = [...changed.keys()].filter((name) => !isIgnoreFile(name)).sort();
  await budget.fetch(changedNames);

  // Context: every Terraform file next to a changed one, and the local modules they call, level by level, as
  // deep as the evaluator follows them.
  let folders = new Set(
    changedNames
      .filter(isTerraformFile)
      .map((name) => path.posix.dirname(name))
      .map(top),
  );
  const visited = new Set<string>();
  for (let depth = 0; depth <= MAX_MODULE_DEPTH && folders.size > 0; depth++) {
    const round = [...folders].filter((dir) => !visited.has(dir));
    for (const dir of round) visited.add(dir);
    const files = round.flatMap((dir) => terraformFilesIn(tree, dir));
    await budget.fetch(files);
    const next = new Set<string>();
    for (const name of files.filter((file) => budget.has(file) && /\.tf(?:\.json)?$/.test(file))) {
      const text = await readFile(path.join(folder, ...name.split('/')), 'utf8');
      for (const module of localModuleFolders(text, top(path.posix.dirname(name))))
        if (!visited.has(module)) next.add(module);
    }
    folders = next;
  }

  const prepared = await prepareConfigFiles(
    config,
    folder,
    budget,
    octokit,
    repository,
    target.defaultBranch,
    notes,
  );
  notes.push(...skippedNotes(budget.report, limits));
  const result = await scan({
    root: folder,
    config: prepared,
    diff: { base: target.baseSha, mergeBase: target.baseSha, changed },
    // The App runs several scans at once already; each scans in its own thread.
    jobs: 1,
  });
  return { result: { ...result, root: '.' }, changed, commentable, notes };
}

/** `.` (the top folder as path.posix.dirname says it) is '' in tree paths. */
function top(dir: string): string {
  return dir === '.' ? '' : dir;
}

/** The Action's sticky comment, written with the installation token; a refusal becomes a note. */
async function stickyComment(
  job: JobContext,
  target: PullRequestTarget,
  result: ScanResult,
): Promise<string[]> {
  const { repository } = target;
  const issue = { owner: repository.owner, repo: repository.repo, issueNumber: target.number };
  try {
    // An installation token always posts as the App's bot: no request to ask who it is.
    const existing = await findSticky(job.octokit, issue, { postsAsBot: true });
    const body = renderComment(result, existing ? decodeState(existing.body) : undefined, {
      blobUrl: target.htmlUrl ? `${target.htmlUrl}/blob/${target.headSha}/` : undefined,
    });
    await writeSticky(job.octokit, issue, existing, body);
    return [];
  } catch (error) {
    const status = (error as { status?: number }).status;
    job.log.warn({ pullRequest: target.number, status }, 'sticky comment not written');
    return [
      status === 403
        ? 'The pull request comment was not written: the App lacks `pull_requests: write` (see docs/github-app.md).'
        : `The pull request comment was not written: ${describeFailure(error)}.`,
    ];
  }
}
