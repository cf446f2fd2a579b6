/**
 * The Palisade pipeline task: scan, log each finding as a pipeline issue, publish SARIF to the
 * CodeAnalysisLogs artifact, comment on the pull request, upload to the server, and set the task result.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import * as tl from 'azure-pipelines-task-lib/task.js';
import { relativeToWorkspace } from '../../../actions/relocate.js';
import { detectUploadMetadata, uploadScan } from '../../../scanners/cli/upload.js';
import {
  activeFindings,
  atOrAbove,
  type ScanResult,
  SEVERITIES,
  type Severity,
  shouldFail,
} from '../../../scanners/core/types.js';
import { scan } from '../../../scanners/engine/scan.js';
import { renderSarif } from '../../../scanners/reporters/sarif.js';
import { countBySeverity } from '../../../scanners/reporters/shared.js';
import { commentOnPullRequest, MissingPermissionError } from './pull-request.js';

const execFileAsync = promisify(execFile);
/** Pipeline issues beyond this many are left to the SARIF and the summary: the log stays readable. */
const MAX_ISSUES = 200;

export async function run(): Promise<void> {
  try {
    await runTask();
  } catch (error) {
    tl.setResult(tl.TaskResult.Failed, `Palisade: ${(error as Error).message ?? String(error)}`);
  }
}

async function runTask(): Promise<void> {
  const workspace = path.resolve(tl.getVariable('Build.SourcesDirectory') || process.cwd());
  const root = path.resolve(workspace, tl.getInput('path') || '.');
  const failOnInput = tl.getInput('failOn') || undefined;
  if (failOnInput && ![...SEVERITIES, 'none'].includes(failOnInput)) {
    throw new Error(`failOn must be one of ${[...SEVERITIES, 'none'].join(', ')}, not "${failOnInput}"`);
  }
  const failOn = failOnInput as Severity | 'none' | undefined;
  const config = tl.getInput('config') || undefined;
  const baseline = tl.getInput('baseline') || undefined;
  const pullRequestId = Number(tl.getVariable('System.PullRequest.PullRequestId') || '');
  const isPullRequest = Number.isInteger(pullRequestId) && pullRequestId > 0;
  const diffBase =
    isPullRequest && (tl.getInput('diffMode') || 'pullRequests') === 'pullRequests'
      ? await resolveDiffBase(root, tl.getVariable('System.PullRequest.TargetBranch'))
      : undefined;

  const scanned = await scan({
    root,
    config: config && path.resolve(workspace, config),
    baseline: baseline && path.resolve(workspace, baseline),
    failOn,
    diffBase,
    // One thread: the bundle is a single file, so there is no worker entry point to start.
    jobs: 1,
  });
  const result = relativeToWorkspace(scanned, workspace);
  const active = activeFindings(result);
  const counts = countBySeverity(active);
  console.log(
    `Palisade: ${active.length} findings (${counts.critical} critical, ${counts.high} high, ${counts.medium} medium, ` +
      `${counts.low} low, ${counts.info} info) in ${result.stats.filesScanned} files` +
      (result.diff ? `, on lines changed since ${result.diff.mergeBase}` : ''),
  );

  logIssues(result);
  publishSarif(result);
  if (isPullRequest && tl.getBoolInput('comments', false)) await pullRequestComments(result, pullRequestId);
  await upload(scanned, diffBase !== undefined);

  if (shouldFail(result)) {
    const failing = active.filter((f) => atOrAbove(f.severity, result.failOn)).length;
    tl.setResult(tl.TaskResult.Failed, `Palisade: ${failing} findings at or above ${result.failOn} (failOn)`);
  } else if (active.length > 0) {
    tl.setResult(
      tl.TaskResult.SucceededWithIssues,
      `Palisade: ${active.length} findings below ${result.failOn}`,
    );
  } else {
    tl.setResult(tl.TaskResult.Succeeded, 'Palisade: no findings');
  }
}

/** Errors for findings that fail the task, warnings for the rest; each with its file, line and column. */
function logIssues(result: ScanResult): void {
  const active = activeFindings(result);
  for (const finding of active.slice(0, MAX_ISSUES)) {
    const type = atOrAbove(finding.severity, result.failOn) ? tl.IssueType.Error : tl.IssueType.Warning;
    tl.logIssue(
      type,
      `${finding.ruleId} (${finding.severity}): ${finding.message}`,
      finding.location.file,
      finding.location.startLine,
      finding.location.startColumn,
      finding.ruleId,
    );
  }
  if (active.length > MAX_ISSUES) {
    console.log(`Palisade: ${active.length - MAX_ISSUES} more findings are in the SARIF file only`);
  }
}

/** The SARIF file goes into the CodeAnalysisLogs artifact, read by the SARIF SAST Scans tab and Defender. */
function publishSarif(result: ScanResult): void {
  const tempDirectory = tl.getVariable('Agent.TempDirectory') || path.join(result.root, '.palisade');
  const file = path.resolve(
    tl.getInput('sarifFile') || path.join(tempDirectory, 'palisade', 'palisade.sarif'),
  );
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, renderSarif(result));
  tl.setVariable('PALISADE_SARIF_FILE', file);
  if (tl.getBoolInput('publishSarif', false)) tl.uploadArtifact('CodeAnalysisLogs', file, 'CodeAnalysisLogs');
}

async function pullRequestComments(result: ScanResult, pullRequestId: number): Promise<void> {
  const provider = tl.getVariable('Build.Repository.Provider');
  if (provider && provider !== 'TfsGit') {
    console.log(`Palisade: pull request comments need Azure Repos; this repository is on ${provider}`);
    return;
  }
  const accessToken =
    tl.getEndpointAuthorizationParameter('SystemVssConnection', 'AccessToken', true) ||
    tl.getVariable('System.AccessToken');
  const collectionUri = tl.getVariable('System.CollectionUri');
  const project = tl.getVariable('System.TeamProjectId') || tl.getVariable('System.TeamProject');
  const repositoryId = tl.getVariable('Build.Repository.ID');
  if (!accessToken || !collectionUri || !project || !repositoryId) {
    tl.warning('Palisade: no System.AccessToken or repository details; pull request comments skipped');
    return;
  }
  const buildId = tl.getVariable('Build.BuildId');
  const buildUrl = buildId
    ? `${collectionUri.replace(/\/?$/, '/')}${encodeURIComponent(tl.getVariable('System.TeamProject') ?? project)}/_build/results?buildId=${buildId}`
    : undefined;
  try {
    const outcome = await commentOnPullRequest(
      { collectionUri, project, repositoryId, pullRequestId, accessToken },
      result,
      { buildUrl, maxThreads: Number(tl.getInput('maxThreads') || '50') || 50 },
    );
    console.log(
      `Palisade: pull request ${pullRequestId}: ${outcome.created} new threads, ${outcome.closed} closed as fixed, ` +
        `${outcome.reopened} reopened, ${outcome.unchanged} unchanged; summary ${outcome.summary}`,
    );
  } catch (error) {
    if (error instanceof MissingPermissionError) {
      tl.warning(
        'Palisade: the build identity cannot comment on pull requests (TF401027). In Project settings > ' +
          'Repositories > Security, allow "Contribute to pull requests" for "<project> Build Service (<organization>)".',
      );
      return;
    }
    tl.warning(`Palisade: pull request comments not posted: ${(error as Error).message}`);
  }
}

/** The target branch as a remote-tracking ref, fetched when the clone lacks it; undefined: scan everything. */
async function resolveDiffBase(root: string, targetBranch: string | undefined): Promise<string | undefined> {
  const name = targetBranch?.replace(/^refs\/heads\//, '');
  if (!name || name.startsWith('-')) return undefined;
  const base = `refs/remotes/origin/${name}`;
  const git = async (args: string[]) => {
    try {
      await execFileAsync('git', args, { cwd: root });
      return true;
    } catch {
      return false;
    }
  };
  const connected = () => git(['merge-base', '--end-of-options', base, 'HEAD']);
  if (await connected()) return base;
  await git(['fetch', '--no-tags', '--quiet', 'origin', `+refs/heads/${name}:${base}`]);
  if (!(await connected())) await git(['fetch', '--no-tags', '--quiet', '--deepen=500', 'origin']);
  if (await connected()) return base;
  tl.warning(
    `Palisade: cannot find the merge-base of ${name} and HEAD; scanning everything. Use fetchDepth: 0 in the checkout step.`,
  );
  return undefined;
}

async function upload(result: ScanResult, diff: boolean): Promise<void> {
  const serverUrl = tl.getInput('serverUrl');
  if (!serverUrl) return;
  const token = tl.getInput('serverToken');
  if (!token) {
    tl.warning('Palisade: serverUrl is set but serverToken is empty: the scan is not uploaded');
    return;
  }
  const metadata = detectUploadMetadata(process.env, result.root, diff ? 'diff' : 'full');
  const reply = await uploadScan(serverUrl, token, result, metadata);
  console.log(`Palisade: uploaded to the server (HTTP ${reply.status})${reply.url ? `: ${reply.url}` : ''}`);
}
