/**
 * Optional review comments: one pull request review per run that adds a comment on the changed line of each
 * finding not commented yet. Earlier comments are found by the finding marker in their body, so a rerun or a
 * new push does not repeat them.
 */
import { activeFindings, type Finding, type ScanResult } from '../scanners/core/types.js';
import type { ChangedLines } from '../scanners/engine/diff.js';
import { FINDING_MARKER, findingComment } from '../scanners/integrations/review-comments.js';
import { escapeCell } from '../scanners/reporters/markdown.js';
import { compareBySeverity, plural, scrubResult, severityLabel } from '../scanners/reporters/shared.js';
import type { JobContext, PullRequestTarget } from './pull-request.js';

/** Posts the review; returns notes for the check run summary (what was not posted, and why). */
export async function postReviewComments(
  job: JobContext,
  target: PullRequestTarget,
  input: ScanResult,
  changed: ChangedLines,
  commentable: ReadonlySet<string>,
): Promise<string[]> {
  const { octokit, settings } = job;
  const { repository } = target;
  try {
    const existing = await octokit.paginate(octokit.rest.pulls.listReviewComments, {
      ...repository,
      pull_number: target.number,
      per_page: 100,
    });
    const posted = new Set(
      existing.flatMap((comment) => {
        const fingerprint = FINDING_MARKER.exec(comment.body)?.[1];
        return fingerprint && comment.user?.type === 'Bot' ? [fingerprint] : [];
      }),
    );
    const candidates = activeFindings(scrubResult(input))
      .sort(compareBySeverity)
      .filter((finding) => !posted.has(finding.fingerprint))
      .flatMap((finding) => {
        const line = commentLine(finding, changed, commentable);
        return line === undefined ? [] : [{ finding, line }];
      });
    if (!candidates.length) return [];
    const chosen = candidates.slice(0, settings.reviewCommentCap);
    await octokit.rest.pulls.createReview({
      ...repository,
      pull_number: target.number,
      commit_id: target.headSha,
      event: 'COMMENT',
      body: `Palisade: ${plural(chosen.length, 'new finding')} on changed lines.`,
      comments: chosen.map(({ finding, line }) => ({
        path: finding.location.file,
        line,
        side: 'RIGHT',
        body: findingComment(
          finding,
          severityLabel(finding.severity),
          `<sub>${escapeCell(finding.location.file)}:${finding.location.startLine} · ` +
            `to silence it, add \`palisade:ignore ${finding.ruleId} <reason>\` on the line</sub>`,
        ),
      })),
    });
    const left = candidates.length - chosen.length;
    return left > 0
      ? [`Review comments: posted ${chosen.length}; ${left} more findings are only in this check run.`]
      : [];
  } catch (error) {
    const status = (error as { status?: number }).status;
    job.log.warn({ pullRequest: target.number, status }, 'review comments not posted');
    return [
      status === 403
        ? 'Review comments were not posted: the App lacks `pull_requests: write` (see docs/github-app.md).'
        : `Review comments were not posted: the GitHub API answered ${status ?? 'with an error'}.`,
    ];
  }
}

/** The first changed line the finding covers, when the file's diff is one GitHub can comment on. */
function commentLine(
  finding: Finding,
  changed: ChangedLines,
  commentable: ReadonlySet<string>,
): number | undefined {
  const { file, startLine, endLine } = finding.location;
  const lines = changed.get(file);
  if (!lines || !commentable.has(file)) return undefined;
  if (lines === 'all') return Math.max(1, startLine);
  for (let line = startLine; line <= endLine; line++) if (lines.has(line)) return line;
  return undefined;
}
