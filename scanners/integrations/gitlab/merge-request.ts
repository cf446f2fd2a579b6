/**
 * Merge request comments on GitLab: one diff discussion per finding on a changed line (a general discussion
 * when GitLab rejects the position), one summary note edited in place, and the discussions of fixed
 * findings resolved on the next run. Every body carries a hidden marker, so no state is kept anywhere else.
 */
import { Gitlab } from '@gitbeaker/rest';
import {
  activeFindings,
  type Finding,
  type ScanResult,
  SEVERITY_RANK,
  type Severity,
} from '../../core/types.js';
import type { ChangedLines } from '../../engine/diff.js';
import { escapeCell } from '../../reporters/markdown.js';
import { FINDING_MARKER, findingComment, summaryComment } from '../review-comments.js';

export const SUMMARY_MARKER = '<!-- palisade:gitlab-summary -->';
/** GitLab accepts notes up to 1,000,000 characters; keep room for the lines around the report. */
const SUMMARY_REPORT_BYTES = 900_000;
/** New diff discussions per run: beyond this the summary note carries the rest (GitLab rate-limits notes). */
export const DEFAULT_MAX_DISCUSSIONS = 50;

export interface MergeRequestTarget {
  /** GitLab base URL, e.g. https://gitlab.com ($CI_SERVER_URL). */
  host: string;
  token: string;
  /** Numeric id or full path ($CI_PROJECT_ID). */
  projectId: string | number;
  mergeRequestIid: number;
}

export interface MergeRequestCommentOptions {
  /**
   * The changed lines of the merge request, by path relative to the scan root. Undefined means every
   * finding of `result` is on a changed line (a diff-mode scan with `lines` scope).
   */
  changedLines?: ChangedLines;
  /** Prefix from the repository root to the scan root ('' when the scan ran at the repository root). */
  pathPrefix?: string;
  /** Link to the job, shown in the summary. */
  jobUrl?: string;
  maxDiscussions?: number;
  log?: (message: string) => void;
}

export interface MergeRequestOutcome {
  /** Diff discussions created on changed lines. */
  created: number;
  /** Findings posted as general discussions because GitLab rejected their position. */
  fallbacks: number;
  /** Open discussions of findings that are gone, resolved by this run. */
  resolved: number;
  /** Resolved discussions whose finding came back, reopened by this run. */
  reopened: number;
  /** Findings that already had an open discussion. */
  unchanged: number;
  /** Findings on changed lines left out by `maxDiscussions`. */
  skipped: number;
  summary: 'created' | 'updated';
  summaryNoteId: number;
}

interface TrackedDiscussion {
  id: string;
  resolved: boolean;
  resolvable: boolean;
}

interface DiffRefs {
  base_sha: string;
  start_sha: string;
  head_sha: string;
}

type GitlabApi = InstanceType<typeof Gitlab<false>>;

/** Posts or updates everything for one merge request; returns what it did. */
export async function commentOnMergeRequest(
  target: MergeRequestTarget,
  result: ScanResult,
  options: MergeRequestCommentOptions = {},
): Promise<MergeRequestOutcome> {
  const api: GitlabApi = new Gitlab({ host: target.host, token: target.token });
  const { projectId, mergeRequestIid: iid } = target;
  const log = options.log ?? (() => {});
  const prefix = options.pathPrefix ? `${options.pathPrefix.replace(/\/+$/, '')}/` : '';
  const repositoryPath = (finding: Finding) => `${prefix}${finding.location.file}`;

  const mergeRequest = (await api.MergeRequests.show(projectId, iid)) as { diff_refs?: DiffRefs | null };
  const diffRefs = mergeRequest.diff_refs ?? undefined;
  const tracked = trackedDiscussions(await api.MergeRequestDiscussions.all(projectId, iid));

  const active = activeFindings(result).sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]);
  const current = new Set(active.map((f) => f.fingerprint));
  const outcome: Omit<MergeRequestOutcome, 'summary' | 'summaryNoteId'> = {
    created: 0,
    fallbacks: 0,
    resolved: 0,
    reopened: 0,
    unchanged: 0,
    skipped: 0,
  };
  const maxDiscussions = options.maxDiscussions ?? DEFAULT_MAX_DISCUSSIONS;
  const posted = new Set<string>();
  for (const finding of active) {
    if (!isOnChangedLine(finding, options.changedLines)) continue;
    // Two findings with one fingerprint (the same secret twice on a line) share one discussion.
    if (posted.has(finding.fingerprint)) continue;
    posted.add(finding.fingerprint);
    const existing = tracked.get(finding.fingerprint);
    if (existing) {
      if (existing.resolved && existing.resolvable) {
        await api.MergeRequestDiscussions.resolve(projectId, iid, existing.id, false);
        outcome.reopened++;
      } else {
        outcome.unchanged++;
      }
      continue;
    }
    if (outcome.created + outcome.fallbacks >= maxDiscussions) {
      outcome.skipped++;
      continue;
    }
    const body = discussionBody(finding, repositoryPath(finding));
    if (!diffRefs) {
      await api.MergeRequestDiscussions.create(projectId, iid, body);
      outcome.fallbacks++;
      continue;
    }
    try {
      await api.MergeRequestDiscussions.create(projectId, iid, body, {
        position: {
          positionType: 'text',
          baseSha: diffRefs.base_sha,
          startSha: diffRefs.start_sha,
          headSha: diffRefs.head_sha,
          oldPath: repositoryPath(finding),
          newPath: repositoryPath(finding),
          newLine: String(finding.location.startLine),
        },
      });
      outcome.created++;
    } catch (error) {
      // GitLab answers 400 when the line is not in the diff it knows (a stale diff, a rename, a moved line).
      if (statusOf(error) !== 400) throw error;
      log(
        `GitLab rejected the position ${repositoryPath(finding)}:${finding.location.startLine}; posting a general discussion`,
      );
      await api.MergeRequestDiscussions.create(projectId, iid, body);
      outcome.fallbacks++;
    }
  }
  for (const [fingerprint, discussion] of tracked) {
    if (current.has(fingerprint) || discussion.resolved || !discussion.resolvable) continue;
    await api.MergeRequestDiscussions.resolve(projectId, iid, discussion.id, true);
    outcome.resolved++;
  }

  const notes = (await api.MergeRequestNotes.all(projectId, iid)) as Array<{ id: number; body?: string }>;
  // Our summary starts with the marker: a note that only quotes it is someone else's.
  const summaryNote = notes.find(
    (note) => typeof note.body === 'string' && note.body.startsWith(SUMMARY_MARKER),
  );
  const summaryBody = renderSummary(result, outcome, options.jobUrl);
  if (summaryNote) {
    await api.MergeRequestNotes.edit(projectId, iid, summaryNote.id, { body: summaryBody });
    return { ...outcome, summary: 'updated', summaryNoteId: summaryNote.id };
  }
  const createdNote = (await api.MergeRequestNotes.create(projectId, iid, summaryBody)) as { id: number };
  return { ...outcome, summary: 'created', summaryNoteId: createdNote.id };
}

/** Discussions that carry a finding marker in their first note, by fingerprint. */
function trackedDiscussions(discussions: unknown[]): Map<string, TrackedDiscussion> {
  const tracked = new Map<string, TrackedDiscussion>();
  for (const discussion of discussions as Array<{
    id?: unknown;
    notes?: Array<{ body?: unknown; resolved?: unknown; resolvable?: unknown }>;
  }>) {
    const first = discussion.notes?.[0];
    if (typeof discussion.id !== 'string' || typeof first?.body !== 'string') continue;
    const fingerprint = FINDING_MARKER.exec(first.body)?.[1];
    if (!fingerprint || tracked.has(fingerprint)) continue;
    tracked.set(fingerprint, {
      id: discussion.id,
      resolved: first.resolved === true,
      resolvable: first.resolvable !== false,
    });
  }
  return tracked;
}

function isOnChangedLine(finding: Finding, changed: ChangedLines | undefined): boolean {
  if (!changed) return true;
  const lines = changed.get(finding.location.file);
  if (lines === undefined) return false;
  return lines === 'all' || lines.has(finding.location.startLine);
}

function statusOf(error: unknown): number | undefined {
  const cause = (error as { cause?: { response?: { status?: unknown } } }).cause;
  const status = cause?.response?.status;
  return typeof status === 'number' ? status : undefined;
}

const SEVERITY_LABEL: Record<Severity, string> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  info: 'Info',
};

/** The body of one finding's discussion; the marker ties it to the finding on later runs. */
export function discussionBody(finding: Finding, file: string): string {
  return findingComment(
    finding,
    SEVERITY_LABEL[finding.severity],
    `<sub>${escapeCell(file)}:${finding.location.startLine} · [rule documentation](${finding.helpUri}) · ` +
      `to silence it, add \`palisade:ignore ${finding.ruleId} <reason>\` on the line</sub>`,
  );
}

function renderSummary(
  result: ScanResult,
  outcome: Omit<MergeRequestOutcome, 'summary' | 'summaryNoteId'>,
  jobUrl: string | undefined,
): string {
  const posted = outcome.created + outcome.fallbacks;
  const activity = {
    posted: `${posted} new discussion${posted === 1 ? '' : 's'}`,
    fixed: `${outcome.resolved} resolved as fixed`,
    reopened: outcome.reopened,
    skipped: outcome.skipped,
  };
  const link = jobUrl ? `[Job log](${jobUrl})` : undefined;
  return summaryComment(SUMMARY_MARKER, result, activity, link, SUMMARY_REPORT_BYTES);
}
