/**
 * The one storage interface that the server's plugins and routes use. Everything that reads findings,
 * scans or repositories takes an organisation id: there is no query that crosses organisations.
 */
import type { Severity } from '../../scanners/core/types.js';
import type { FindingContent, ScanKind } from '../domain/lifecycle.js';
import type { FindingEventKind, FindingStatus, IngestJobStatus, TokenRole, UserRole } from './database.js';

export type { FindingEventKind, FindingStatus, TokenRole, UserRole };

export interface Organization {
  id: number;
  slug: string;
  name: string;
}

export interface ApiToken {
  id: number;
  organizationId: number;
  name: string;
  role: TokenRole;
}

export interface ApiTokenView extends ApiToken {
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface User {
  id: number;
  organizationId: number;
  username: string;
  role: UserRole;
  passwordHash: string;
}

export interface SessionWithUser {
  csrfToken: string;
  expiresAt: string;
  user: User;
}

export interface RepositoryRef {
  id: number;
  provider: string;
  owner: string;
  name: string;
}

export type SeverityCounts = Record<Severity, number>;

export interface ScanView {
  id: number;
  repository: RepositoryRef;
  branch: string;
  commit: string;
  kind: ScanKind;
  runId: string;
  runUrl: string | null;
  pullRequest: string | null;
  tool: { name: string; version: string };
  status: 'completed';
  counts: { total: number; new: number; closed: number; reopened: number; bySeverity: SeverityCounts };
  createdAt: string;
}

export interface FindingView {
  id: number;
  repository: RepositoryRef;
  branch: string;
  fingerprint: string;
  ruleId: string;
  title: string;
  severity: Severity;
  category: string;
  message: string;
  location: { file: string; startLine: number; startColumn: number; endLine: number; endColumn: number };
  resource: string | null;
  helpUri: string;
  remediation: string;
  cwe: string[];
  tags: string[];
  secret: { sha256: string; preview: string } | null;
  suppression: { kind: string; justification: string } | null;
  status: FindingStatus;
  statusReason: string | null;
  statusOwner: string | null;
  statusExpiresAt: string | null;
  firstSeenAt: string;
  lastSeenAt: string;
  mitigatedAt: string | null;
  firstScanId: number;
  lastScanId: number;
}

export interface FindingEventView {
  id: number;
  kind: FindingEventKind;
  scanId: number | null;
  fromStatus: FindingStatus | null;
  toStatus: FindingStatus;
  actor: string | null;
  reason: string | null;
  createdAt: string;
}

export interface RepositoryView extends RepositoryRef {
  branches: string[];
  openFindings: number;
  openBySeverity: SeverityCounts;
  lastScanAt: string | null;
}

export const FINDING_SORTS = ['severity', 'lastSeen', 'firstSeen', 'file', 'rule'] as const;
export type FindingSort = (typeof FINDING_SORTS)[number];

export interface FindingQuery {
  repositoryId?: number;
  severity?: Severity[];
  category?: string;
  ruleId?: string;
  status?: FindingStatus[];
  branch?: string;
  sort: FindingSort;
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

export interface OrganizationSummary {
  openBySeverity: SeverityCounts;
  byStatus: Record<FindingStatus, number>;
  repositories: RepositoryView[];
  recentScans: ScanView[];
}

/** A scan to record, already checked and normalised. */
export interface NewScan {
  organizationId: number;
  provider: string;
  owner: string;
  repository: string;
  branch: string;
  commit: string;
  kind: ScanKind;
  runId: string;
  runUrl: string | null;
  pullRequest: string | null;
  toolName: string;
  toolVersion: string;
  findings: FindingContent[];
}

export interface StatusChange {
  status: 'open' | 'risk_accepted' | 'false_positive';
  reason: string;
  expiresAt: string | null;
  actor: string;
}

export type StatusChangeResult =
  | { outcome: 'changed'; finding: FindingView }
  | { outcome: 'not-found' }
  | { outcome: 'invalid-transition'; from: FindingStatus };

export interface AuditEntry {
  organizationId: number | null;
  actor: string;
  action: string;
  target: string | null;
  details: Record<string, unknown>;
}

export interface AuditView extends Omit<AuditEntry, 'details'> {
  id: number;
  details: Record<string, unknown>;
  createdAt: string;
}

/** What identifies a pipeline run's upload: the idempotency key of scans and ingest jobs. */
export interface RunKey {
  organizationId: number;
  provider: string;
  owner: string;
  repository: string;
  commit: string;
  kind: ScanKind;
  runId: string;
}

export type { IngestJobStatus } from './database.js';

export interface IngestJobView {
  id: number;
  status: IngestJobStatus;
  findings: number;
  attempts: number;
  scanId: number | null;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

/** A job a worker has claimed: its lease runs until `leaseUntil`. */
export interface ClaimedIngestJob {
  id: number;
  organizationId: number;
  payload: string;
  attempts: number;
}

/** A finding lifecycle event with what a SIEM needs to know about the finding. */
export interface ExportEvent {
  eventId: number;
  kind: FindingEventKind;
  fromStatus: FindingStatus | null;
  toStatus: FindingStatus;
  actor: string | null;
  reason: string | null;
  createdAt: string;
  organization: string;
  finding: FindingView;
}

/** A sink's claim on its cursor: deliver the events after `lastEventId`. */
export interface ExportClaim {
  lastEventId: number;
  failures: number;
}

export interface ExportCursorView {
  sink: string;
  lastEventId: number;
  failures: number;
  lastError: string | null;
  nextAttemptAt: string | null;
}

/** Totals are exact up to here. */
export const FINDING_COUNT_CAP = 10_000;

export interface FindingPage {
  items: FindingView[];
  total: number;
  totalCapped: boolean;
}

export interface Storage {
  readonly dialect: 'sqlite' | 'postgres';
  /** Brings the schema to the latest migration. */
  migrate(): Promise<void>;
  /** Throws when the database does not answer. */
  ping(): Promise<void>;
  close(): Promise<void>;

  countOrganizations(): Promise<number>;
  createOrganization(slug: string, name: string): Promise<Organization>;
  findOrganizationBySlug(slug: string): Promise<Organization | undefined>;

  createApiToken(token: {
    organizationId: number;
    name: string;
    role: TokenRole;
    tokenHash: string;
  }): Promise<ApiToken>;
  /** The live (not revoked) token with this hash, marking it used. */
  useApiToken(tokenHash: string, now: string): Promise<ApiToken | undefined>;
  listApiTokens(organizationId: number): Promise<ApiTokenView[]>;
  /** Revokes a live token of the organisation; false when there is none with that id. */
  revokeApiToken(organizationId: number, tokenId: number, now: string): Promise<boolean>;

  createUser(user: {
    organizationId: number;
    username: string;
    passwordHash: string;
    role: UserRole;
  }): Promise<User>;
  findUserByUsername(username: string): Promise<User | undefined>;
  createSession(session: {
    idHash: string;
    userId: number;
    csrfToken: string;
    expiresAt: string;
  }): Promise<void>;
  /** The unexpired session with this hash and its user. */
  findSession(idHash: string, now: string): Promise<SessionWithUser | undefined>;
  deleteSession(idHash: string): Promise<void>;

  appendAudit(entry: AuditEntry): Promise<void>;
  listAudit(organizationId: number, limit: number): Promise<AuditView[]>;

  /** Records a scan and applies the finding lifecycle in one transaction; idempotent on its run. */
  recordScan(scan: NewScan, now: string): Promise<{ scan: ScanView; created: boolean }>;
  countScans(): Promise<number>;
  getScan(organizationId: number, scanId: number): Promise<ScanView | undefined>;
  listScans(organizationId: number, limit: number): Promise<ScanView[]>;
  listRepositories(organizationId: number): Promise<RepositoryView[]>;
  /**
   * A page of findings and their total, counted exactly up to FINDING_COUNT_CAP; past it, `total` is the
   * cap and `totalCapped` is true ("10,000+"), so that a filter matching a million rows stays fast.
   */
  listFindings(organizationId: number, query: FindingQuery): Promise<FindingPage>;
  getFinding(organizationId: number, findingId: number): Promise<FindingView | undefined>;
  listFindingEvents(organizationId: number, findingId: number): Promise<FindingEventView[]>;
  /** Triage: risk acceptance, false positive or reopening, with an audit entry, in one transaction. */
  changeFindingStatus(
    organizationId: number,
    findingId: number,
    change: StatusChange,
    now: string,
  ): Promise<StatusChangeResult>;
  summarize(organizationId: number): Promise<OrganizationSummary>;
  /** The scan already recorded for a run, if any. */
  findScanByRun(run: RunKey): Promise<ScanView | undefined>;

  /** Queues an upload for background ingestion; a run already queued returns its job (created false). */
  enqueueIngestJob(
    run: RunKey,
    payload: string,
    findings: number,
    now: string,
  ): Promise<{ job: IngestJobView; created: boolean }>;
  getIngestJob(organizationId: number, jobId: number): Promise<IngestJobView | undefined>;
  /**
   * Claims the oldest queued job, or a running one whose worker's lease ran out (the worker died), for
   * `leaseMs`. Safe across replicas: on PostgreSQL the row is locked with SKIP LOCKED.
   */
  claimIngestJob(now: string, leaseMs: number): Promise<ClaimedIngestJob | undefined>;
  /** Extends the lease of a job still running. */
  renewIngestLease(jobId: number, leaseUntil: string): Promise<void>;
  /** Marks a claimed job done with its scan, and drops its payload. */
  completeIngestJob(jobId: number, scanId: number, now: string): Promise<void>;
  /** Records a failure: the job is queued again, or `failed` for good when `final`. */
  failIngestJob(jobId: number, error: string, final: boolean, now: string): Promise<void>;

  /** Finding events after `afterId`, oldest first, across organisations (for export). */
  listEventsForExport(afterId: number, limit: number): Promise<ExportEvent[]>;
  /** The newest finding event id (0 when none): a sink's lag is this minus its cursor. */
  latestEventId(): Promise<number>;
  /**
   * Claims a sink for `leaseMs` when no other worker holds it and its backoff has passed; creates its cursor
   * on first use. Undefined when it is not this worker's turn.
   */
  claimExportSink(sink: string, now: string, leaseMs: number): Promise<ExportClaim | undefined>;
  /** Moves the sink's cursor after a delivery, clearing failures, and releases it. */
  advanceExportSink(sink: string, lastEventId: number, now: string): Promise<void>;
  /** Records a failed delivery and when to try again, and releases the sink. */
  failExportSink(sink: string, error: string, nextAttemptAt: string, now: string): Promise<void>;
  listExportCursors(): Promise<ExportCursorView[]>;
}
