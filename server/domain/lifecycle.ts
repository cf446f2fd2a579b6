/**
 * Finding lifecycle by fingerprint, never by line: what a scan of a branch does to the findings that the
 * branch already has. Pure, so that the storage layer only applies the plan inside its transaction.
 */
import type { FindingStatus } from '../storage/database.js';

/** The stored content of a finding that an upload can change without changing its identity. */
export interface FindingContent {
  fingerprint: string;
  ruleId: string;
  title: string;
  severity: string;
  category: string;
  message: string;
  file: string;
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  resource: string | null;
  helpUri: string;
  remediation: string;
  /** JSON array text. */
  cwe: string;
  /** JSON array text. */
  tags: string;
  secretSha256: string | null;
  secretPreview: string | null;
  suppressionKind: string | null;
  suppressionJustification: string | null;
}

/** A finding the branch already has, as the lifecycle needs it. */
export interface KnownFinding extends FindingContent {
  id: number;
  status: FindingStatus;
  statusExpiresAt: string | null;
  mitigatedAt: string | null;
}

export interface LifecyclePlan {
  /** New fingerprints. */
  create: FindingContent[];
  /** Present again: last seen moves to this scan. */
  seen: number[];
  /** Present with different content (a line move, a reworded message): rewritten. */
  rewrite: Array<{ id: number; content: FindingContent }>;
  /** Closed (or triaged with an expired decision) and present again: open once more. */
  reopen: Array<{ id: number; from: FindingStatus; expired: boolean }>;
  /** Open and absent from a full scan: closed, with a mitigated date. */
  close: number[];
  /** Risk-accepted or false-positive and absent from a full scan: keep the decision, note the date. */
  markGone: number[];
  /** Risk-accepted or false-positive with a mitigated date and present again: clear the date. */
  markBack: number[];
}

export type ScanKind = 'full' | 'diff';

const TRIAGED: ReadonlySet<FindingStatus> = new Set(['risk_accepted', 'false_positive']);
const CONTENT_KEYS = [
  'ruleId',
  'title',
  'severity',
  'category',
  'message',
  'file',
  'startLine',
  'startColumn',
  'endLine',
  'endColumn',
  'resource',
  'helpUri',
  'remediation',
  'cwe',
  'tags',
  'secretSha256',
  'secretPreview',
  'suppressionKind',
  'suppressionJustification',
] as const satisfies ReadonlyArray<keyof FindingContent>;

/** Decides what a scan of `kind` with `incoming` findings does to the branch's `known` findings at `now`. */
export function planLifecycle(
  known: readonly KnownFinding[],
  incoming: readonly FindingContent[],
  kind: ScanKind,
  now: string,
  /** The finding categories the scan looked at: a full scan closes only absent findings of these. */
  covered: ReadonlySet<string>,
): LifecyclePlan {
  const plan: LifecyclePlan = {
    create: [],
    seen: [],
    rewrite: [],
    reopen: [],
    close: [],
    markGone: [],
    markBack: [],
  };
  const knownByFingerprint = new Map(known.map((finding) => [finding.fingerprint, finding]));
  const present = new Set<string>();
  for (const content of incoming) {
    present.add(content.fingerprint);
    const existing = knownByFingerprint.get(content.fingerprint);
    if (!existing) {
      plan.create.push(content);
      continue;
    }
    plan.seen.push(existing.id);
    if (CONTENT_KEYS.some((key) => existing[key] !== content[key]))
      plan.rewrite.push({ id: existing.id, content });
    const expired =
      TRIAGED.has(existing.status) && existing.statusExpiresAt !== null && existing.statusExpiresAt <= now;
    if (existing.status === 'closed' || expired) {
      plan.reopen.push({ id: existing.id, from: existing.status, expired });
    } else if (TRIAGED.has(existing.status) && existing.mitigatedAt !== null) {
      plan.markBack.push(existing.id);
    }
  }
  // A diff scan sees only changed lines: absence there says nothing about the rest of the branch. Nor does a
  // scan say anything of categories it did not look at (a code scan and a repository settings check).
  if (kind === 'full') {
    for (const finding of known) {
      if (present.has(finding.fingerprint) || !covered.has(finding.category)) continue;
      if (finding.status === 'open') plan.close.push(finding.id);
      else if (TRIAGED.has(finding.status) && finding.mitigatedAt === null) plan.markGone.push(finding.id);
    }
  }
  return plan;
}
