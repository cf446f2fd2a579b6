/** The Palisade GitHub Action: scan, annotate, summarise, comment, write SARIF, upload, and exit by fail-on. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as core from '@actions/core';
import * as github from '@actions/github';
import { detectUploadMetadata, uploadScan } from '../scanners/cli/upload.js';
import { activeFindings, atOrAbove, type ScanResult, shouldFail } from '../scanners/core/types.js';
import { scan } from '../scanners/engine/scan.js';
import { decodeState, renderComment } from '../scanners/integrations/github/comment.js';
import { type ExistingComment, findSticky, writeSticky } from '../scanners/integrations/github/sticky.js';
import { renderMarkdown } from '../scanners/reporters/markdown.js';
import { renderSarif } from '../scanners/reporters/sarif.js';
import { countBySeverity } from '../scanners/reporters/shared.js';
import { annotate, annotationNote } from './annotations.js';
import { prepareDiffBase, pullRequestBase } from './diff-base.js';
import { type ActionInputs, InputError, readInputs } from './inputs.js';
import { relativeToWorkspace } from './relocate.js';

/** GitHub refuses a step summary over 1 MiB; leave room for the lines around the report. */
const SUMMARY_REPORT_BYTES = 1024 * 1024 - 64 * 1024;

export async function run(): Promise<void> {
  try {
    await runAction();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    core.setFailed(error instanceof InputError ? `Invalid input: ${message}` : message);
  }
}

async function runAction(): Promise<void> {
  const workspace = path.resolve(process.env.GITHUB_WORKSPACE || process.cwd());
  const context = github.context;
  const inputs = readInputs(workspace, context.eventName);
  const diffBase = inputs.diffOnly ? await resolveDiffBase(inputs, context.payload) : undefined;

  const scanned = await scan({
    root: inputs.root,
    config: inputs.config,
    failOn: inputs.failOn,
    baseline: inputs.baseline,
    diffBase,
    // One thread: the bundle is a single file, so there is no worker entry point to start.
    jobs: 1,
  });
  const result = relativeToWorkspace(scanned, workspace);
  const active = activeFindings(result);
  const counts = countBySeverity(active);
  core.info(
    `Palisade: ${active.length} findings (${counts.critical} critical, ${counts.high} high, ${counts.medium} medium, ` +
      `${counts.low} low, ${counts.info} info) in ${result.stats.filesScanned} files` +
      (result.diff ? `, on lines changed since ${result.diff.mergeBase}` : ''),
  );

  mkdirSync(path.dirname(inputs.sarifFile), { recursive: true });
  writeFileSync(inputs.sarifFile, renderSarif(result));
  core.setOutput('sarif-file', inputs.sarifOutput);
  core.setOutput('findings', active.length);
  core.setOutput('critical', counts.critical);
  core.setOutput('high', counts.high);

  const notes: string[] = [];
  if (inputs.annotations) {
    const note = annotationNote(annotate(result));
    if (note) notes.push(note);
  }
  const commentNote = inputs.comment ? await stickyComment(inputs, result, context) : undefined;
  if (commentNote) notes.push(commentNote);
  let uploadFailure: string | undefined;
  try {
    const reportUrl = await upload(inputs, scanned, diffBase !== undefined);
    if (reportUrl) {
      core.setOutput('report-url', reportUrl);
      notes.push(`**Palisade server:** ${reportUrl}`);
    }
  } catch (error) {
    // Reported after the summary, so a server outage still leaves the results on the run page.
    uploadFailure = `upload to the Palisade server failed: ${(error as Error).message}`;
    notes.push(`**Palisade server:** ${uploadFailure}`);
  }
  await writeSummary(result, notes);
  if (uploadFailure) core.setFailed(uploadFailure);

  if (shouldFail(result)) {
    const failing = active.filter((f) => atOrAbove(f.severity, result.failOn)).length;
    core.setFailed(
      `Palisade: ${failing} finding${failing === 1 ? '' : 's'} at or above ${result.failOn} (fail-on)`,
    );
  }
}

/** In a pull request: the base commit, fetched when the checkout is shallow; elsewhere a full scan. */
async function resolveDiffBase(
  inputs: ActionInputs,
  payload: Record<string, unknown>,
): Promise<string | undefined> {
  const base = pullRequestBase(payload) ?? (process.env.PALISADE_DIFF_BASE || undefined);
  if (!base) {
    core.info('diff-only: no pull request base in this event; scanning everything');
    return undefined;
  }
  const auth = inputs.token ? { serverUrl: github.context.serverUrl, token: inputs.token } : undefined;
  if (await prepareDiffBase(inputs.root, base, process.env.GITHUB_SHA, auth)) return base;
  core.warning(
    `diff-only: cannot find the merge-base of ${base} and HEAD, even after fetching it; scanning everything. ` +
      'Use actions/checkout with fetch-depth: 0 for pull requests that are not merge commits.',
  );
  return undefined;
}

async function stickyComment(
  inputs: ActionInputs,
  result: ScanResult,
  context: typeof github.context,
): Promise<string | undefined> {
  const pr = context.payload.pull_request as { number?: number; head?: { sha?: string } } | undefined;
  if (!pr?.number) return undefined;
  const { owner, repo } = context.repo;
  const target = { owner, repo, issueNumber: pr.number };
  const octokit = inputs.token ? github.getOctokit(inputs.token, { baseUrl: context.apiUrl }) : undefined;
  const server = context.serverUrl;
  let existing: ExistingComment | undefined;
  let failure: unknown;
  try {
    // Reading needs no write permission, so even a fork's run can compare with the previous comment.
    existing = octokit ? await findSticky(octokit, target) : undefined;
  } catch (error) {
    failure = error;
  }
  const body = renderComment(result, existing ? decodeState(existing.body) : undefined, {
    blobUrl: pr.head?.sha ? `${server}/${owner}/${repo}/blob/${pr.head.sha}/` : undefined,
    runUrl: context.runId ? `${server}/${owner}/${repo}/actions/runs/${context.runId}` : undefined,
  });
  // The body as a file, for the workflow_run pattern that posts it with a write token (docs/github-action.md).
  const commentFile = path.join(
    process.env.RUNNER_TEMP || path.dirname(inputs.sarifFile),
    'palisade-comment.md',
  );
  writeFileSync(commentFile, body);
  core.setOutput('comment-file', commentFile);
  if (!octokit) {
    core.warning('comment: no token; the pull request comment is not posted');
    return '**Pull request comment:** not posted (no token).';
  }
  try {
    if (failure) throw failure;
    const written = await writeSticky(octokit, target, existing, body);
    core.info(`Pull request comment ${written.action}: ${written.url}`);
    return undefined;
  } catch (error) {
    const status = (error as { status?: number }).status;
    // Fork pull requests get a read-only token: annotations and the summary still carry the results.
    const why =
      status === 403 || status === 404
        ? 'the token cannot write to this pull request (a fork pull request gets a read-only token; see the docs for the workflow_run pattern)'
        : `the GitHub API answered: ${(error as Error).message}`;
    core.warning(`comment: not posted, ${why}`);
    return `**Pull request comment:** not posted: ${why}.`;
  }
}

async function upload(inputs: ActionInputs, result: ScanResult, diff: boolean): Promise<string | undefined> {
  if (!inputs.serverUrl) return undefined;
  if (!inputs.serverToken) {
    // Secrets are not passed to fork pull requests: a missing token skips the upload rather than failing.
    core.warning('server-url is set but server-token is empty: the scan is not uploaded');
    return undefined;
  }
  const metadata = detectUploadMetadata(process.env, inputs.root, diff ? 'diff' : 'full');
  const reply = await uploadScan(inputs.serverUrl, inputs.serverToken, result, metadata);
  core.info(`Uploaded to the Palisade server (HTTP ${reply.status})${reply.url ? `: ${reply.url}` : ''}`);
  return reply.url ? new URL(reply.url, inputs.serverUrl).href : undefined;
}

async function writeSummary(result: ScanResult, notes: string[]): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  const report = renderMarkdown(result, {
    maxBytes: SUMMARY_REPORT_BYTES - Buffer.byteLength(notes.join('\n\n')),
  });
  await core.summary
    .addRaw(report)
    .addRaw(notes.length ? `\n${notes.join('\n\n')}\n` : '')
    .write();
}
