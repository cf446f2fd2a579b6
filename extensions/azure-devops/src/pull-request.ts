/**
 * Pull request threads on Azure Repos: one thread per finding on a changed line (anchored on the right
 * side of the diff, in the latest iteration), one summary thread updated in place, threads of fixed
 * findings closed as Fixed, and a pull request status with genre `palisade`. A hidden marker in each first
 * comment ties a thread to its finding, so no state is kept anywhere else.
 */
import { GitApi } from 'azure-devops-node-api/GitApi.js';
import type {
  Comment,
  GitPullRequestCommentThread,
  GitPullRequestStatus,
} from 'azure-devops-node-api/interfaces/GitInterfaces.js';
import { getBearerHandler } from 'azure-devops-node-api/WebApi.js';
import {
  activeFindings,
  atOrAbove,
  type Finding,
  type ScanResult,
  SEVERITY_RANK,
} from '../../../scanners/core/types.js';
import {
  FINDING_MARKER,
  findingComment,
  summaryComment,
} from '../../../scanners/integrations/review-comments.js';

export const SUMMARY_MARKER = '<!-- palisade:azure-summary -->';
/** Azure DevOps rejects comments over 150,000 characters. */
const SUMMARY_REPORT_BYTES = 140_000;
export const DEFAULT_MAX_THREADS = 50;

// Numeric values of the REST enums (GitInterfaces), which the client sends as numbers.
const THREAD_ACTIVE = 1;
const THREAD_FIXED = 2;
const THREAD_CLOSED = 4;
const COMMENT_TEXT = 1;
const STATUS_SUCCEEDED = 2;
const STATUS_FAILED = 3;

export interface PullRequestTarget {
  /** $(System.CollectionUri), e.g. https://dev.azure.com/acme/ */
  collectionUri: string;
  project: string;
  repositoryId: string;
  pullRequestId: number;
  accessToken: string;
}

export interface PullRequestOptions {
  /** Link to the build, shown in the summary and as the status target. */
  buildUrl?: string;
  maxThreads?: number;
  /** Prefix from the repository root to the scan root ('' at the root). */
  pathPrefix?: string;
}

export interface PullRequestOutcome {
  created: number;
  closed: number;
  reopened: number;
  unchanged: number;
  skipped: number;
  summary: 'created' | 'updated';
}

/** Thrown when the build identity lacks "Contribute to pull requests" (TF401027). */
export class MissingPermissionError extends Error {}

export async function commentOnPullRequest(
  target: PullRequestTarget,
  result: ScanResult,
  options: PullRequestOptions = {},
): Promise<PullRequestOutcome> {
  const collection = target.collectionUri.endsWith('/') ? target.collectionUri : `${target.collectionUri}/`;
  const git = new GitApi(collection, [getBearerHandler(target.accessToken)]);
  const { repositoryId, pullRequestId, project } = target;
  const prefix = options.pathPrefix ? `${options.pathPrefix.replace(/\/+$/, '')}/` : '';
  try {
    const iterations = await git.getPullRequestIterations(repositoryId, pullRequestId, project);
    const lastIteration = Math.max(1, ...iterations.map((iteration) => iteration.id ?? 1));
    const threads = await git.getThreads(repositoryId, pullRequestId, project);
    const tracked = new Map<string, GitPullRequestCommentThread>();
    let summaryThread: GitPullRequestCommentThread | undefined;
    for (const thread of threads) {
      const first = thread.comments?.[0];
      const content = typeof first?.content === 'string' ? first.content : '';
      // Our summary starts with the marker: a comment that only quotes it is someone else's.
      if (content.startsWith(SUMMARY_MARKER)) summaryThread ??= thread;
      const fingerprint = FINDING_MARKER.exec(content)?.[1];
      if (fingerprint && !tracked.has(fingerprint)) tracked.set(fingerprint, thread);
    }

    const active = activeFindings(result).sort(
      (a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity],
    );
    const current = new Set(active.map((f) => f.fingerprint));
    const outcome: Omit<PullRequestOutcome, 'summary'> = {
      created: 0,
      closed: 0,
      reopened: 0,
      unchanged: 0,
      skipped: 0,
    };
    const maxThreads = options.maxThreads ?? DEFAULT_MAX_THREADS;
    const seen = new Set<string>();
    for (const finding of active) {
      if (seen.has(finding.fingerprint)) continue;
      seen.add(finding.fingerprint);
      const existing = tracked.get(finding.fingerprint);
      if (existing?.id !== undefined) {
        if (existing.status === THREAD_FIXED || existing.status === THREAD_CLOSED) {
          await git.updateThread(
            { status: THREAD_ACTIVE },
            repositoryId,
            pullRequestId,
            existing.id,
            project,
          );
          outcome.reopened++;
        } else {
          outcome.unchanged++;
        }
        continue;
      }
      if (outcome.created >= maxThreads) {
        outcome.skipped++;
        continue;
      }
      const filePath = `/${prefix}${finding.location.file}`;
      const line = finding.location.startLine;
      const endLine = Math.max(line, finding.location.endLine ?? line);
      await git.createThread(
        {
          comments: [{ parentCommentId: 0, content: threadBody(finding), commentType: COMMENT_TEXT }],
          status: THREAD_ACTIVE,
          threadContext: {
            filePath,
            rightFileStart: { line, offset: Math.max(1, finding.location.startColumn ?? 1) },
            rightFileEnd: { line: endLine, offset: Math.max(1, finding.location.endColumn ?? 1) },
          },
          pullRequestThreadContext: {
            iterationContext: { firstComparingIteration: 1, secondComparingIteration: lastIteration },
          },
        },
        repositoryId,
        pullRequestId,
        project,
      );
      outcome.created++;
    }
    for (const [fingerprint, thread] of tracked) {
      if (current.has(fingerprint) || thread.id === undefined) continue;
      if (thread.status === THREAD_FIXED || thread.status === THREAD_CLOSED) continue;
      await git.updateThread({ status: THREAD_FIXED }, repositoryId, pullRequestId, thread.id, project);
      outcome.closed++;
    }

    const summary = renderSummary(result, outcome, options.buildUrl);
    let summaryState: PullRequestOutcome['summary'];
    const summaryComment = summaryThread?.comments?.[0];
    if (summaryThread?.id !== undefined && summaryComment?.id !== undefined) {
      const comment: Comment = { content: summary };
      await git.updateComment(
        comment,
        repositoryId,
        pullRequestId,
        summaryThread.id,
        summaryComment.id,
        project,
      );
      summaryState = 'updated';
    } else {
      await git.createThread(
        {
          comments: [{ parentCommentId: 0, content: summary, commentType: COMMENT_TEXT }],
          status: THREAD_CLOSED,
        },
        repositoryId,
        pullRequestId,
        project,
      );
      summaryState = 'created';
    }

    const failing = active.filter((f) => atOrAbove(f.severity, result.failOn)).length;
    const status: GitPullRequestStatus = {
      state: failing ? STATUS_FAILED : STATUS_SUCCEEDED,
      description: failing
        ? `Palisade: ${failing} finding${failing === 1 ? '' : 's'} at or above ${result.failOn}`
        : `Palisade: ${active.length} finding${active.length === 1 ? '' : 's'}, none at or above ${result.failOn}`,
      context: { genre: 'palisade', name: 'scan' },
      targetUrl: options.buildUrl,
    };
    await git.createPullRequestStatus(status, repositoryId, pullRequestId, project);
    return { ...outcome, summary: summaryState };
  } catch (error) {
    const message = (error as Error).message ?? String(error);
    if (message.includes('TF401027')) throw new MissingPermissionError(message);
    throw error;
  }
}

/** The first comment of a finding's thread; the marker ties the thread to the finding on later runs. */
export function threadBody(finding: Finding): string {
  return findingComment(
    finding,
    finding.severity.toUpperCase(),
    `[Rule documentation](${finding.helpUri}) · to silence it, add \`palisade:ignore ${finding.ruleId} <reason>\` on the line`,
  );
}

function renderSummary(
  result: ScanResult,
  outcome: Omit<PullRequestOutcome, 'summary'>,
  buildUrl: string | undefined,
): string {
  const activity = {
    posted: `${outcome.created} new thread${outcome.created === 1 ? '' : 's'}`,
    fixed: `${outcome.closed} closed as fixed`,
    reopened: outcome.reopened,
    skipped: outcome.skipped,
  };
  const link = buildUrl ? `[Build](${buildUrl})` : undefined;
  return summaryComment(SUMMARY_MARKER, result, activity, link, SUMMARY_REPORT_BYTES);
}
