/**
 * The one storage interface that the server's plugins and routes use. Everything that reads findings,
 * scans or repositories takes an organisation id: there is no query that crosses organisations.
 */
import type { Severity } from '../../scanners/core/types.js';
import type { FindingContent, ScanKind } from '../domain/lifecycle.js';
import type { CloudStorage } from './cloud-storage.js';
import type {
  FindingEventKind,
  FindingStatus,
  IngestJobStatus,
  OwnerSource,
  TokenRole,
  UserAuthSource,
  UserRole,
} from './database.js';

export type { FindingEventKind, FindingStatus, OwnerSource, TokenRole, UserAuthSource, UserRole };

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
  /** Empty for OIDC users, who have no password. */
  passwordHash: string;
  source: UserAuthSource;
  oidcSubject: string | null;
  disabledAt: string | null;
}

/** A user as the API and the user management page show it: never the password hash. */
export interface UserView {
  id: number;
  username: string;
  role: UserRole;
  source: UserAuthSource;
  disabled: boolean;
  createdAt: string;
  lastSignInAt: string | null;
}

/** Role changes and disabling refuse to leave an organisation without an enabled admin. */
export type UserChangeResult =
  | { outcome: 'changed'; user: UserView }
  | { outcome: 'not-found' }
  | { outcome: 'last-admin' };

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
  owner: string | null;
  ownerSource: OwnerSource | null;
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

export const FINDING_SORTS = ['severity', 'lastSeen', 'firstSeen', 'file', 'rule', 'priority'] as const;
export type FindingSort = (typeof FINDING_SORTS)[number];

export interface FindingQuery {
  repositoryId?: number;
  severity?: Severity[];
  category?: string;
  ruleId?: string;
  status?: FindingStatus[];
  branch?: string;
  owner?: string;
  /** First seen strictly before this instant (ISO 8601). */
  firstSeenBefore?: string;
  /** First seen at or after this instant (ISO 8601). */
  firstSeenAfter?: string;
  /** Linked to a deployed cloud resource (true) or not (false). */
  deployed?: boolean;
  sort: FindingSort;
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

/** A FindingQuery's filters, without its order and paging. */
export type FindingFilter = Omit<FindingQuery, 'sort' | 'order' | 'limit' | 'offset'>;

/** The finding columns that a grouped count can group by. */
export type FindingCountColumn = 'severity' | 'category' | 'status';

/** One group of a grouped finding count: its values of the grouped-by columns, and how many findings. */
export type FindingCount<K extends FindingCountColumn> = Pick<
  { severity: Severity; category: string; status: FindingStatus },
  K
> & { count: number };

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
  /** The finding categories the scan covered (see planLifecycle). */
  categories: readonly string[];
  findings: FindingContent[];
}

export interface StatusChange {
  status: 'open' | 'risk_accepted' | 'false_positive';
  reason: string;
  expiresAt: string | null;
  actor: string;
}

/** What a bulk status change did to each finding: the rest goes on when one cannot change. */
export interface BulkStatusResult {
  changed: number[];
  notFound: number[];
  invalidTransition: Array<{ id: number; from: FindingStatus }>;
}

/** Daily counts of a trend window, by severity. */
export interface TrendDay {
  /** YYYY-MM-DD (UTC). */
  date: string;
  opened: SeverityCounts;
  fixed: SeverityCounts;
  reopened: SeverityCounts;
  /** Findings open at the end of the day (UTC). */
  open: SeverityCounts;
}

export interface TrendQuery {
  /** Days ending with today (UTC), today included. */
  days: number;
  repositoryId?: number;
}

export interface Trends {
  from: string;
  to: string;
  days: TrendDay[];
  /** Closed in the window: mean of closed minus first seen, in days. */
  meanTimeToRemediate: {
    findings: number;
    days: number | null;
    bySeverity: Record<Severity, { findings: number; days: number | null }>;
  };
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
  /** Code-to-cloud inventories, cloud imports and analysis results. */
  readonly cloud: CloudStorage;
  /** Brings the schema to the latest migration. */
  migrate(): Promise<void>;
  /** Throws when the database does not answer. */
  ping(): Promise<void>;
  /**
   * Refreshes the query planner's statistics of every table now, reading whole indexes (about 2 s at a million
   * findings). The SQLite opener does this hourly for the tables that changed a lot; PostgreSQL's autovacuum
   * keeps its own.
   */
  optimize(): Promise<void>;
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
  findUserByOidcSubject(subject: string): Promise<User | undefined>;
  /** Provisions a user on their first OIDC sign-in; undefined when the username is taken already. */
  createOidcUser(user: {
    organizationId: number;
    username: string;
    oidcSubject: string;
    role: UserRole;
  }): Promise<User | undefined>;
  listUsers(organizationId: number): Promise<UserView[]>;
  getUser(organizationId: number, userId: number): Promise<User | undefined>;
  /** Changes a role; refuses to demote the organisation's last enabled admin. */
  changeUserRole(organizationId: number, userId: number, role: UserRole): Promise<UserChangeResult>;
  /** Disables (ending every session at once) or enables; refuses to disable the last enabled admin. */
  setUserDisabled(
    organizationId: number,
    userId: number,
    disabled: boolean,
    now: string,
  ): Promise<UserChangeResult>;
  /** Sets a local user's password hash and ends their sessions, except `keepSessionHash` (the caller's own). */
  setUserPassword(
    organizationId: number,
    userId: number,
    passwordHash: string,
    keepSessionHash: string | null,
  ): Promise<boolean>;
  recordSignIn(userId: number, now: string): Promise<void>;
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
  /** One repository of the organisation, as listRepositories shows it. */
  getRepository(organizationId: number, repositoryId: number): Promise<RepositoryView | undefined>;
  /**
   * A page of findings and their total, counted exactly up to FINDING_COUNT_CAP; past it, `total` is the
   * cap and `totalCapped` is true ("10,000+"), so that a filter matching a million rows stays fast.
   */
  listFindings(organizationId: number, query: FindingQuery): Promise<FindingPage>;
  /** A page of findings as listFindings reads it, without counting the total (for readers that do not show it). */
  listFindingItems(organizationId: number, query: FindingQuery): Promise<FindingView[]>;
  /**
   * The findings that match `filter`, counted exactly in one query grouped by the `by` columns. Only groups
   * with findings are returned; with no columns, one group holds the whole count.
   */
  countFindings<K extends FindingCountColumn>(
    organizationId: number,
    filter: FindingFilter,
    by: readonly K[],
  ): Promise<FindingCount<K>[]>;
  getFinding(organizationId: number, findingId: number): Promise<FindingView | undefined>;
  listFindingEvents(organizationId: number, findingId: number): Promise<FindingEventView[]>;
  /** Triage: risk acceptance, false positive or reopening, with an audit entry, in one transaction. */
  changeFindingStatus(
    organizationId: number,
    findingId: number,
    change: StatusChange,
    now: string,
  ): Promise<StatusChangeResult>;
  /**
   * Triage of many findings in one transaction, each as `changeFindingStatus` would do it (history event and
   * audit entry per finding); findings that are missing or cannot make the transition are reported.
   */
  changeFindingStatuses(
    organizationId: number,
    findingIds: readonly number[],
    change: StatusChange,
    now: string,
  ): Promise<BulkStatusResult>;
  /** A person assigns (or clears, with null) the owner of findings; returns the ids that exist. */
  assignFindingOwner(
    organizationId: number,
    findingIds: readonly number[],
    owner: string | null,
    actor: string,
    now: string,
  ): Promise<number[]>;
  /**
   * Derived owners (CODEOWNERS, tags): set only where no person assigned one, so that a person's choice is
   * never overwritten. Returns how many findings changed.
   */
  deriveFindingOwners(
    organizationId: number,
    owners: ReadonlyArray<{ findingId: number; owner: string | null }>,
    source: Exclude<OwnerSource, 'assigned'>,
    now: string,
  ): Promise<number>;
  /** Opened, fixed, reopened and open counts per day from the finding events, and time to remediate. */
  trends(organizationId: number, query: TrendQuery, now: string): Promise<Trends>;
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
