/** Table types for the query builder: one interface per table, as the migrations create them. */
import type { Generated, Insertable, Selectable } from 'kysely';

/** ISO 8601 strings in UTC: they sort as text and read the same on SQLite and PostgreSQL. */
type Timestamp = string;

export interface OrganizationTable {
  id: Generated<number>;
  slug: string;
  name: string;
  created_at: Timestamp;
}

export interface RepositoryTable {
  id: Generated<number>;
  organization_id: number;
  provider: string;
  /** The owner or namespace at the provider (GitHub organisation, GitLab group). */
  owner: string;
  name: string;
  created_at: Timestamp;
}

export interface ScanTable {
  id: Generated<number>;
  organization_id: number;
  repository_id: number;
  branch: string;
  commit_sha: string;
  kind: 'full' | 'diff';
  run_id: string;
  run_url: string | null;
  pull_request: string | null;
  tool_name: string;
  tool_version: string;
  status: 'completed';
  findings_total: number;
  findings_new: number;
  findings_closed: number;
  findings_reopened: number;
  /** JSON object: severity to count, over the findings in this upload. */
  severity_counts: string;
  created_at: Timestamp;
}

export type FindingStatus = 'open' | 'closed' | 'risk_accepted' | 'false_positive';

export interface FindingTable {
  id: Generated<number>;
  organization_id: number;
  repository_id: number;
  branch: string;
  fingerprint: string;
  rule_id: string;
  title: string;
  severity: string;
  /** 4 critical … 0 info, so that sorting by severity is an index scan. */
  severity_rank: number;
  category: string;
  message: string;
  file: string;
  start_line: number;
  start_column: number;
  end_line: number;
  end_column: number;
  resource: string | null;
  help_uri: string;
  remediation: string;
  /** JSON array of CWE ids. */
  cwe: string;
  /** JSON array of tags. */
  tags: string;
  secret_sha256: string | null;
  secret_preview: string | null;
  suppression_kind: string | null;
  suppression_justification: string | null;
  status: FindingStatus;
  status_reason: string | null;
  status_owner: string | null;
  status_expires_at: Timestamp | null;
  first_seen_at: Timestamp;
  last_seen_at: Timestamp;
  mitigated_at: Timestamp | null;
  first_scan_id: number;
  last_scan_id: number;
  updated_at: Timestamp;
  /** Who is to fix it: a person's choice, or derived (CODEOWNERS, tags) until a person chooses. */
  owner: Generated<string | null>;
  owner_source: Generated<OwnerSource | null>;
  /** 0–100 from the code-to-cloud analysis (open findings of analysed branches), else null. */
  priority_score: Generated<number | null>;
  /** JSON: { factors, reasons } of the priority. */
  priority_details: Generated<string | null>;
}

/** 'assigned' is a person's choice: derivations never overwrite it. */
export type OwnerSource = 'assigned' | 'codeowners' | 'tag';

export type FindingEventKind = 'opened' | 'closed' | 'reopened' | 'triaged' | 'expired';

export interface FindingEventTable {
  id: Generated<number>;
  /** The finding's organisation, so that trends read one index range. */
  organization_id: number;
  finding_id: number;
  scan_id: number | null;
  kind: FindingEventKind;
  from_status: FindingStatus | null;
  to_status: FindingStatus;
  actor: string | null;
  reason: string | null;
  created_at: Timestamp;
}

export type TokenRole = 'ingest' | 'read' | 'admin';

export interface ApiTokenTable {
  id: Generated<number>;
  organization_id: number;
  name: string;
  role: TokenRole;
  /** Hex SHA-256 of the token: the token itself is shown once and never stored. */
  token_hash: string;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export type UserRole = 'admin' | 'analyst' | 'viewer';

export interface UserTable {
  id: Generated<number>;
  organization_id: number;
  username: string;
  /** Empty for users who sign in through OIDC only. */
  password_hash: string;
  role: UserRole;
  created_at: Timestamp;
  auth_source: Generated<UserAuthSource>;
  /** "<issuer> <sub>" of an OIDC user. */
  oidc_subject: Generated<string | null>;
  /** Set while the user may not sign in; their sessions ended when it was set. */
  disabled_at: Generated<Timestamp | null>;
  last_sign_in_at: Generated<Timestamp | null>;
}

export type UserAuthSource = 'local' | 'oidc';

export interface SessionTable {
  /** Hex SHA-256 of the session cookie value. */
  id_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface AuditLogTable {
  id: Generated<number>;
  organization_id: number | null;
  actor: string;
  action: string;
  target: string | null;
  /** JSON object with the details of the action. */
  details: string;
  created_at: Timestamp;
}

export type IngestJobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface IngestJobTable {
  id: Generated<number>;
  organization_id: number;
  provider: string;
  owner: string;
  repository: string;
  commit_sha: string;
  kind: 'full' | 'diff';
  run_id: string;
  status: IngestJobStatus;
  payload: string;
  findings_count: number;
  attempts: Generated<number>;
  scan_id: number | null;
  error: string | null;
  created_at: Timestamp;
  started_at: Timestamp | null;
  /** A running job whose lease has passed belongs to a worker that died: another may claim it. */
  lease_until: Timestamp | null;
  finished_at: Timestamp | null;
}

export interface ExportCursorTable {
  /** The sink's configured name. */
  sink: string;
  /** The last finding_events.id delivered: the sink resumes after it. */
  last_event_id: Generated<number>;
  failures: Generated<number>;
  last_error: string | null;
  /** After a failure, not before this (exponential backoff). */
  next_attempt_at: Timestamp | null;
  lease_until: Timestamp | null;
  updated_at: Timestamp;
}

export interface BranchInventoryTable {
  id: Generated<number>;
  organization_id: number;
  repository_id: number;
  branch: string;
  /** The full scan the IaC inventory is from; null when only CODEOWNERS has been recorded. */
  inventory_scan_id: number | null;
  commit_sha: string | null;
  resource_count: Generated<number>;
  codeowners: string | null;
  codeowners_scan_id: number | null;
  updated_at: Timestamp;
}

export interface IacResourceTable {
  id: Generated<number>;
  organization_id: number;
  inventory_id: number;
  family: string;
  type: string;
  kind: string | null;
  address: string;
  module_path: string | null;
  name: string | null;
  file: string;
  line: number;
  trace_tag: string | null;
  /** JSON object of string tags. */
  tags: string;
  /** JSON array of addresses. */
  reference_addresses: string;
}

export interface CloudAccountTable {
  id: Generated<number>;
  organization_id: number;
  provider: string;
  account_id: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CloudSnapshotTable {
  id: Generated<number>;
  organization_id: number;
  cloud_account_id: number;
  source: string;
  content_sha256: string;
  observed_at: Timestamp | null;
  imported_at: Timestamp;
  resources: number;
  checks: number;
  failing_checks: number;
}

export interface CloudResourceTable {
  id: Generated<number>;
  organization_id: number;
  cloud_account_id: number;
  uid: string;
  type: string;
  kind: string | null;
  region: string | null;
  name: string | null;
  /** JSON object of string tags. */
  tags: string;
  terraform_address: string | null;
  cloudformation_stack: string | null;
  cloudformation_logical_id: string | null;
  /** JSON array of uids. */
  related: string;
  /** JSON object: source to that source's view of the resource. */
  observations: string;
  updated_at: Timestamp;
}

export interface CloudCheckTable {
  id: Generated<number>;
  organization_id: number;
  cloud_account_id: number;
  source: string;
  resource_uid: string;
  check_id: string;
  title: string;
  severity: string;
  status: string;
  message: string;
  /** JSON array. */
  categories: string;
}

export interface ResourceLinkTable {
  id: Generated<number>;
  organization_id: number;
  iac_resource_id: number;
  cloud_resource_id: number;
  method: string;
}

export interface ResourceTraitTable {
  id: Generated<number>;
  organization_id: number;
  resource_key: string;
  trait: string;
  reason: string;
  /** JSON TraitEvidence. */
  evidence: string;
}

export interface AttackPathTable {
  id: Generated<number>;
  organization_id: number;
  rank: number;
  path_key: string;
  severity: string | null;
  hops: number;
  admin_privilege: number;
  sentence: string;
  /** JSON: { nodes, edges, findingIds }. */
  details: string;
  computed_at: Timestamp;
}

export interface SecureScoreTable {
  id: Generated<number>;
  organization_id: number;
  scope: 'organization' | 'repository' | 'account';
  subject: string;
  /** YYYY-MM-DD (UTC). */
  day: string;
  points: number;
  max_points: number;
  percent: number | null;
  /** JSON ControlScore[]. */
  controls: string;
  computed_at: Timestamp;
}

export interface AnalysisStateTable {
  organization_id: number;
  requested: number;
  completed: number;
  lease_until: Timestamp | null;
  last_run_at: Timestamp | null;
  last_error: string | null;
  attack_paths_truncated: Generated<number>;
}

/** Open findings per repository and severity, recounted whenever a scan or a triage decision changes them. */
export interface RepositoryOpenCountTable {
  repository_id: number;
  organization_id: number;
  critical: number;
  high: number;
  medium: number;
  low: number;
  info: number;
}

/** Findings counted per repository, status, category and severity (recounted with each scan and decision). */
export interface FindingCountTable {
  repository_id: number;
  organization_id: number;
  status: FindingStatus;
  category: string;
  severity: string;
  count: number;
}

/** Finding events counted per day, repository, transition and severity: what trends read. */
export interface FindingEventDayTable {
  organization_id: number;
  repository_id: number;
  /** YYYY-MM-DD, UTC. */
  day: string;
  kind: FindingEventKind;
  /** '' for an event with no previous status (an opening). */
  from_status: FindingStatus | '';
  to_status: FindingStatus;
  severity: string;
  count: number;
}

export interface Database {
  organizations: OrganizationTable;
  repositories: RepositoryTable;
  scans: ScanTable;
  findings: FindingTable;
  finding_events: FindingEventTable;
  api_tokens: ApiTokenTable;
  users: UserTable;
  sessions: SessionTable;
  audit_log: AuditLogTable;
  ingest_jobs: IngestJobTable;
  export_cursors: ExportCursorTable;
  repository_open_counts: RepositoryOpenCountTable;
  finding_counts: FindingCountTable;
  finding_event_days: FindingEventDayTable;
  branch_inventories: BranchInventoryTable;
  iac_resources: IacResourceTable;
  cloud_accounts: CloudAccountTable;
  cloud_snapshots: CloudSnapshotTable;
  cloud_resources: CloudResourceTable;
  cloud_checks: CloudCheckTable;
  resource_links: ResourceLinkTable;
  resource_traits: ResourceTraitTable;
  attack_paths: AttackPathTable;
  secure_scores: SecureScoreTable;
  analysis_state: AnalysisStateTable;
}

export type FindingRow = Selectable<FindingTable>;
export type NewFindingRow = Insertable<FindingTable>;
export type ScanRow = Selectable<ScanTable>;
export type RepositoryRow = Selectable<RepositoryTable>;
export type UserRow = Selectable<UserTable>;
export type ApiTokenRow = Selectable<ApiTokenTable>;
export type NewFindingEventRow = Insertable<FindingEventTable>;
export type FindingEventRow = Selectable<FindingEventTable>;
export type IngestJobRow = Selectable<IngestJobTable>;
