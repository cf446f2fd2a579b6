/** The Storage interface over kysely: one set of parameterised queries for SQLite and PostgreSQL. */
import { type Kysely, Migrator, sql, type Transaction } from 'kysely';
import { SEVERITIES, SEVERITY_RANK, type Severity } from '../../scanners/core/types.js';
import { type FindingContent, type KnownFinding, planLifecycle } from '../domain/lifecycle.js';
import { chunk, ID_CHUNK } from './batches.js';
import { type BulkInsert, multiRowInsert } from './bulk-insert.js';
import { CloudStorage, deployedFilter, PRIORITY_SORT_KEY } from './cloud-storage.js';
import type {
  Database,
  FindingEventKind,
  FindingRow,
  IngestJobRow,
  NewFindingEventRow,
  NewFindingRow,
  OwnerSource,
  ScanRow,
  UserRow,
} from './database.js';
import { MIGRATIONS } from './migrations/index.js';
import type {
  ApiToken,
  ApiTokenView,
  AuditEntry,
  AuditView,
  BulkStatusResult,
  ClaimedIngestJob,
  ExportClaim,
  ExportCursorView,
  ExportEvent,
  FindingCount,
  FindingCountColumn,
  FindingEventView,
  FindingFilter,
  FindingPage,
  FindingQuery,
  FindingStatus,
  FindingView,
  IngestJobView,
  NewScan,
  Organization,
  OrganizationSummary,
  RepositoryRef,
  RepositoryView,
  RunKey,
  ScanView,
  SessionWithUser,
  SeverityCounts,
  StatusChange,
  StatusChangeResult,
  Storage,
  TrendDay,
  TrendQuery,
  Trends,
  User,
  UserChangeResult,
  UserView,
} from './storage.js';
import { FINDING_COUNT_CAP } from './storage.js';
import { inTransaction } from './transactions.js';

/** The repository of a joined row, as toFindingView and toScanView read it. */
const REPOSITORY_COLUMNS = [
  'repositories.provider as repository_provider',
  'repositories.owner as repository_owner',
  'repositories.name as repository_name',
] as const;

const STATUSES: FindingStatus[] = ['open', 'closed', 'risk_accepted', 'false_positive'];

type Executor = Kysely<Database> | Transaction<Database>;
type FindingWithRepository = FindingRow & {
  repository_provider: string;
  repository_owner: string;
  repository_name: string;
};

/** Storage over a kysely instance; `dialect` says which database is behind it. */
export class KyselyStorage implements Storage {
  /** Code-to-cloud inventories, imports and analysis results (cloud-storage.ts). */
  readonly cloud: CloudStorage;

  constructor(
    private readonly db: Kysely<Database>,
    readonly dialect: 'sqlite' | 'postgres',
    private readonly bulkInsert: BulkInsert = multiRowInsert,
  ) {
    this.cloud = new CloudStorage(db, dialect);
  }

  async migrate(): Promise<void> {
    const migrator = new Migrator({ db: this.db, provider: { getMigrations: async () => MIGRATIONS } });
    const { error, results } = await migrator.migrateToLatest();
    if (error) {
      const failed = results?.find((result) => result.status === 'Error')?.migrationName ?? 'unknown';
      throw new Error(`database migration ${failed} failed: ${String(error)}`, { cause: error });
    }
  }

  async ping(): Promise<void> {
    await sql`select 1`.execute(this.db);
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }

  async optimize(): Promise<void> {
    // Whole-index statistics on both (SQLite's analysis_limit 0 means no sampling limit).
    if (this.dialect === 'sqlite') await sql`pragma analysis_limit = 0`.execute(this.db);
    await sql`analyze`.execute(this.db);
  }

  async countOrganizations(): Promise<number> {
    const row = await this.db
      .selectFrom('organizations')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  async createOrganization(slug: string, name: string): Promise<Organization> {
    return this.db
      .insertInto('organizations')
      .values({ slug, name, created_at: new Date().toISOString() })
      .returning(['id', 'slug', 'name'])
      .executeTakeFirstOrThrow();
  }

  async findOrganizationBySlug(slug: string): Promise<Organization | undefined> {
    return this.db
      .selectFrom('organizations')
      .select(['id', 'slug', 'name'])
      .where('slug', '=', slug)
      .executeTakeFirst();
  }

  async createApiToken(token: {
    organizationId: number;
    name: string;
    role: ApiToken['role'];
    tokenHash: string;
  }): Promise<ApiToken> {
    const row = await this.db
      .insertInto('api_tokens')
      .values({
        organization_id: token.organizationId,
        name: token.name,
        role: token.role,
        token_hash: token.tokenHash,
        created_at: new Date().toISOString(),
      })
      .returning(['id'])
      .executeTakeFirstOrThrow();
    return { id: row.id, organizationId: token.organizationId, name: token.name, role: token.role };
  }

  async useApiToken(tokenHash: string, now: string): Promise<ApiToken | undefined> {
    const row = await this.db
      .selectFrom('api_tokens')
      .select(['id', 'organization_id', 'name', 'role', 'last_used_at'])
      .where('token_hash', '=', tokenHash)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (!row) return undefined;
    // Once a minute is precise enough, and spares a write on every request.
    if (!row.last_used_at || row.last_used_at.slice(0, 16) !== now.slice(0, 16)) {
      await this.db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', row.id).execute();
    }
    return { id: row.id, organizationId: row.organization_id, name: row.name, role: row.role };
  }

  async listApiTokens(organizationId: number): Promise<ApiTokenView[]> {
    const rows = await this.db
      .selectFrom('api_tokens')
      .select(['id', 'organization_id', 'name', 'role', 'created_at', 'last_used_at', 'revoked_at'])
      .where('organization_id', '=', organizationId)
      .orderBy('id')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      organizationId: row.organization_id,
      name: row.name,
      role: row.role,
      createdAt: row.created_at,
      lastUsedAt: row.last_used_at,
      revokedAt: row.revoked_at,
    }));
  }

  async revokeApiToken(organizationId: number, tokenId: number, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('api_tokens')
      .set({ revoked_at: now })
      .where('organization_id', '=', organizationId)
      .where('id', '=', tokenId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async createUser(user: {
    organizationId: number;
    username: string;
    passwordHash: string;
    role: User['role'];
  }): Promise<User> {
    const row = await this.db
      .insertInto('users')
      .values({
        organization_id: user.organizationId,
        username: user.username,
        password_hash: user.passwordHash,
        role: user.role,
        created_at: new Date().toISOString(),
      })
      .returning(['id'])
      .executeTakeFirstOrThrow();
    return { id: row.id, ...user, source: 'local', oidcSubject: null, disabledAt: null };
  }

  async findUserByUsername(username: string): Promise<User | undefined> {
    const row = await this.db
      .selectFrom('users')
      .selectAll()
      .where('username', '=', username)
      .executeTakeFirst();
    return row && toUser(row);
  }

  async findUserByOidcSubject(subject: string): Promise<User | undefined> {
    const row = await this.db
      .selectFrom('users')
      .selectAll()
      .where('oidc_subject', '=', subject)
      .executeTakeFirst();
    return row && toUser(row);
  }

  async createOidcUser(user: {
    organizationId: number;
    username: string;
    oidcSubject: string;
    role: User['role'];
  }): Promise<User | undefined> {
    // A taken username (a local account, or another identity's) is never handed to this identity.
    const row = await this.db
      .insertInto('users')
      .values({
        organization_id: user.organizationId,
        username: user.username,
        password_hash: '',
        role: user.role,
        auth_source: 'oidc',
        oidc_subject: user.oidcSubject,
        created_at: new Date().toISOString(),
      })
      .onConflict((conflict) => conflict.doNothing())
      .returning(['id'])
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      id: row.id,
      organizationId: user.organizationId,
      username: user.username,
      role: user.role,
      passwordHash: '',
      source: 'oidc',
      oidcSubject: user.oidcSubject,
      disabledAt: null,
    };
  }

  async listUsers(organizationId: number): Promise<UserView[]> {
    const rows = await this.db
      .selectFrom('users')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .orderBy('username')
      .execute();
    return rows.map(toUserView);
  }

  async getUser(organizationId: number, userId: number): Promise<User | undefined> {
    const row = await this.db
      .selectFrom('users')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .where('id', '=', userId)
      .executeTakeFirst();
    return row && toUser(row);
  }

  async changeUserRole(
    organizationId: number,
    userId: number,
    role: User['role'],
  ): Promise<UserChangeResult> {
    return inTransaction(this.db, async (trx): Promise<UserChangeResult> => {
      const { user, otherAdmins } = await this.lockAdmins(trx, organizationId, userId);
      if (!user) return { outcome: 'not-found' };
      if (user.role === 'admin' && role !== 'admin' && user.disabled_at === null && otherAdmins === 0)
        return { outcome: 'last-admin' };
      await trx.updateTable('users').set({ role }).where('id', '=', userId).execute();
      return { outcome: 'changed', user: toUserView({ ...user, role }) };
    });
  }

  async setUserDisabled(
    organizationId: number,
    userId: number,
    disabled: boolean,
    now: string,
  ): Promise<UserChangeResult> {
    return inTransaction(this.db, async (trx): Promise<UserChangeResult> => {
      const { user, otherAdmins } = await this.lockAdmins(trx, organizationId, userId);
      if (!user) return { outcome: 'not-found' };
      if (!disabled) {
        await trx.updateTable('users').set({ disabled_at: null }).where('id', '=', userId).execute();
        return { outcome: 'changed', user: toUserView({ ...user, disabled_at: null }) };
      }
      if (user.role === 'admin' && user.disabled_at === null && otherAdmins === 0)
        return { outcome: 'last-admin' };
      const disabledAt = user.disabled_at ?? now;
      await trx.updateTable('users').set({ disabled_at: disabledAt }).where('id', '=', userId).execute();
      // Sessions end at once, not when they expire.
      await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
      return { outcome: 'changed', user: toUserView({ ...user, disabled_at: disabledAt }) };
    });
  }

  async setUserPassword(
    organizationId: number,
    userId: number,
    passwordHash: string,
    keepSessionHash: string | null,
  ): Promise<boolean> {
    return inTransaction(this.db, async (trx) => {
      const result = await trx
        .updateTable('users')
        .set({ password_hash: passwordHash })
        .where('organization_id', '=', organizationId)
        .where('id', '=', userId)
        .where('auth_source', '=', 'local')
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) return false;
      // Whoever knew the old password is signed out everywhere, but the caller keeps their own session.
      let sessions = trx.deleteFrom('sessions').where('user_id', '=', userId);
      if (keepSessionHash !== null) sessions = sessions.where('id_hash', '<>', keepSessionHash);
      await sessions.execute();
      return true;
    });
  }

  async recordSignIn(userId: number, now: string): Promise<void> {
    await this.db.updateTable('users').set({ last_sign_in_at: now }).where('id', '=', userId).execute();
  }

  async createSession(session: {
    idHash: string;
    userId: number;
    csrfToken: string;
    expiresAt: string;
  }): Promise<void> {
    await this.db
      .insertInto('sessions')
      .values({
        id_hash: session.idHash,
        user_id: session.userId,
        csrf_token: session.csrfToken,
        created_at: new Date().toISOString(),
        expires_at: session.expiresAt,
      })
      .execute();
  }

  async findSession(idHash: string, now: string): Promise<SessionWithUser | undefined> {
    const row = await this.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .selectAll('users')
      .select(['sessions.csrf_token', 'sessions.expires_at'])
      .where('sessions.id_hash', '=', idHash)
      .where('sessions.expires_at', '>', now)
      .where('users.disabled_at', 'is', null)
      .executeTakeFirst();
    return row && { csrfToken: row.csrf_token, expiresAt: row.expires_at, user: toUser(row) };
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
  }

  async appendAudit(entry: AuditEntry): Promise<void> {
    await insertAudit(this.db, entry, new Date().toISOString());
  }

  async listAudit(organizationId: number, limit: number): Promise<AuditView[]> {
    const rows = await this.db
      .selectFrom('audit_log')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((row) => ({
      id: row.id,
      organizationId: row.organization_id,
      actor: row.actor,
      action: row.action,
      target: row.target,
      details: JSON.parse(row.details) as Record<string, unknown>,
      createdAt: row.created_at,
    }));
  }

  async recordScan(input: NewScan, now: string): Promise<{ scan: ScanView; created: boolean }> {
    const scanId = await inTransaction(this.db, async (trx) => {
      const repositoryId = await ensureRepository(trx, input, now);
      const existing = await trx
        .selectFrom('scans')
        .select('id')
        .where('repository_id', '=', repositoryId)
        .where('commit_sha', '=', input.commit)
        .where('kind', '=', input.kind)
        .where('run_id', '=', input.runId)
        .executeTakeFirst();
      if (existing) return { id: existing.id, created: false };
      const id = await applyScan(trx, this.bulkInsert, repositoryId, input, now);
      return { id, created: true };
    });
    const scan = await this.getScan(input.organizationId, scanId.id);
    if (!scan) throw new Error(`scan ${scanId.id} vanished after it was recorded`);
    return { scan, created: scanId.created };
  }

  async countScans(): Promise<number> {
    const row = await this.db
      .selectFrom('scans')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  async getScan(organizationId: number, scanId: number): Promise<ScanView | undefined> {
    const row = await this.scanQuery(organizationId).where('scans.id', '=', scanId).executeTakeFirst();
    return row && toScanView(row);
  }

  async listScans(organizationId: number, limit: number): Promise<ScanView[]> {
    const rows = await this.scanQuery(organizationId)
      .orderBy('scans.created_at', 'desc')
      .orderBy('scans.id', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toScanView);
  }

  async listRepositories(organizationId: number): Promise<RepositoryView[]> {
    const repositories = await this.db
      .selectFrom('repositories')
      .select(['id', 'provider', 'owner', 'name'])
      .where('organization_id', '=', organizationId)
      .orderBy('owner')
      .orderBy('name')
      .orderBy('provider')
      .execute();
    const openCounts = await this.db
      .selectFrom('repository_open_counts')
      .select(['repository_id', ...SEVERITIES])
      .where('organization_id', '=', organizationId)
      .execute();
    const branches = await this.db
      .selectFrom('scans')
      .select(['repository_id', 'branch', (eb) => eb.fn.max('created_at').as('last_scan_at')])
      .where('organization_id', '=', organizationId)
      .groupBy(['repository_id', 'branch'])
      .execute();
    // Indexed once, so that a thousand repositories do not each scan every list.
    const openByRepository = new Map<number, SeverityCounts>();
    for (const { repository_id, ...counts } of openCounts) openByRepository.set(repository_id, counts);
    const branchesByRepository = new Map<number, typeof branches>();
    for (const branch of branches) {
      const list = branchesByRepository.get(branch.repository_id);
      if (list) list.push(branch);
      else branchesByRepository.set(branch.repository_id, [branch]);
    }
    return repositories.map((repository) =>
      toRepositoryView(
        repository,
        openByRepository.get(repository.id) ?? emptySeverityCounts(),
        branchesByRepository.get(repository.id) ?? [],
      ),
    );
  }

  async getRepository(organizationId: number, repositoryId: number): Promise<RepositoryView | undefined> {
    const row = await this.db
      .selectFrom('repositories')
      .leftJoin('repository_open_counts', 'repository_open_counts.repository_id', 'repositories.id')
      .select(['repositories.id', 'repositories.provider', 'repositories.owner', 'repositories.name'])
      .select(SEVERITIES.map((severity) => `repository_open_counts.${severity}` as const))
      .where('repositories.organization_id', '=', organizationId)
      .where('repositories.id', '=', repositoryId)
      .executeTakeFirst();
    if (!row) return undefined;
    const branches = await this.db
      .selectFrom('scans')
      .select(['branch', (eb) => eb.fn.max('created_at').as('last_scan_at')])
      .where('organization_id', '=', organizationId)
      .where('repository_id', '=', repositoryId)
      .groupBy('branch')
      .execute();
    const openBySeverity = emptySeverityCounts();
    for (const severity of SEVERITIES) openBySeverity[severity] = Number(row[severity] ?? 0);
    const { id, provider, owner, name } = row;
    return toRepositoryView({ id, provider, owner, name }, openBySeverity, branches);
  }

  async listFindings(organizationId: number, query: FindingQuery): Promise<FindingPage> {
    // Count at most one past the cap: an exact count of a million rows costs more than the page itself.
    const counted = await this.db
      .selectFrom(
        findingsMatching(this.db, organizationId, query)
          .select(sql<number>`1`.as('one'))
          .limit(FINDING_COUNT_CAP + 1)
          .as('capped'),
      )
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    const total = Number(counted.count);
    const items = await this.listFindingItems(organizationId, query);
    return {
      items,
      total: Math.min(total, FINDING_COUNT_CAP),
      totalCapped: total > FINDING_COUNT_CAP,
    };
  }

  async listFindingItems(organizationId: number, query: FindingQuery): Promise<FindingView[]> {
    const column = {
      severity: 'findings.severity_rank',
      lastSeen: 'findings.last_seen_at',
      firstSeen: 'findings.first_seen_at',
      file: 'findings.file',
      rule: 'findings.rule_id',
      priority: PRIORITY_SORT_KEY,
    } as const;
    const rows = await findingsMatching(this.db, organizationId, query)
      .innerJoin('repositories', 'repositories.id', 'findings.repository_id')
      .selectAll('findings')
      .select(REPOSITORY_COLUMNS)
      .orderBy(column[query.sort], query.order)
      // The id breaks ties, so that pages neither repeat nor skip rows.
      .orderBy('findings.id', query.order)
      .limit(query.limit)
      .offset(query.offset)
      .execute();
    return rows.map(toFindingView);
  }

  async countFindings<K extends FindingCountColumn>(
    organizationId: number,
    filter: FindingFilter,
    by: readonly K[],
  ): Promise<FindingCount<K>[]> {
    if (isCountedFilter(filter)) {
      // Answered by the per-repository counts, however many findings match.
      let counted = this.db
        .selectFrom('finding_counts')
        .select(by.map((column) => `finding_counts.${column}` as const))
        .select((eb) => eb.fn.sum<number>('count').as('count'))
        .where('organization_id', '=', organizationId);
      if (filter.repositoryId !== undefined)
        counted = counted.where('repository_id', '=', filter.repositoryId);
      if (filter.status?.length) counted = counted.where('status', 'in', filter.status);
      if (filter.category !== undefined) counted = counted.where('category', '=', filter.category);
      if (filter.severity?.length) counted = counted.where('severity', 'in', filter.severity);
      // Groups that count nothing (rows zeroed by a recount) are left out, as a count of findings would.
      if (by.length > 0) {
        counted = counted
          .groupBy(by.map((column) => `finding_counts.${column}` as const))
          .having((eb) => eb.fn.sum<number>('count'), '>', 0);
      }
      const groups = await counted.execute();
      return groups.map((row) => ({ ...row, count: Number(row.count) }) as unknown as FindingCount<K>);
    }
    const columns = by.map((column) => `findings.${column}` as const);
    const rows = await findingsMatching(this.db, organizationId, filter)
      .select(columns)
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .$if(columns.length > 0, (query) => query.groupBy(columns))
      .execute();
    return rows.map((row) => ({ ...row, count: Number(row.count) }) as unknown as FindingCount<K>);
  }

  async getFinding(organizationId: number, findingId: number): Promise<FindingView | undefined> {
    return getFindingView(this.db, organizationId, findingId);
  }

  async listFindingEvents(organizationId: number, findingId: number): Promise<FindingEventView[]> {
    const rows = await this.db
      .selectFrom('finding_events')
      .innerJoin('findings', 'findings.id', 'finding_events.finding_id')
      .selectAll('finding_events')
      .where('findings.organization_id', '=', organizationId)
      .where('finding_events.finding_id', '=', findingId)
      .orderBy('finding_events.id')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      scanId: row.scan_id,
      fromStatus: row.from_status,
      toStatus: row.to_status,
      actor: row.actor,
      reason: row.reason,
      createdAt: row.created_at,
    }));
  }

  async changeFindingStatus(
    organizationId: number,
    findingId: number,
    change: StatusChange,
    now: string,
  ): Promise<StatusChangeResult> {
    return inTransaction(this.db, async (trx): Promise<StatusChangeResult> => {
      const applied = await applyStatusChange(trx, organizationId, findingId, change, now);
      if (applied.outcome !== 'changed') return applied;
      await refreshCounts(trx, organizationId, applied.repositoryId);
      const finding = await getFindingView(trx, organizationId, findingId);
      if (!finding) throw new Error(`finding ${findingId} vanished during triage`);
      return { outcome: 'changed', finding };
    });
  }

  async changeFindingStatuses(
    organizationId: number,
    findingIds: readonly number[],
    change: StatusChange,
    now: string,
  ): Promise<BulkStatusResult> {
    return inTransaction(this.db, async (trx) => {
      const result: BulkStatusResult = { changed: [], notFound: [], invalidTransition: [] };
      // Recounted once per repository at the end, not once per finding.
      const recount = new Set<number>();
      for (const findingId of new Set(findingIds)) {
        const applied = await applyStatusChange(trx, organizationId, findingId, change, now);
        if (applied.outcome === 'changed') {
          result.changed.push(findingId);
          recount.add(applied.repositoryId);
        } else if (applied.outcome === 'not-found') result.notFound.push(findingId);
        else result.invalidTransition.push({ id: findingId, from: applied.from });
      }
      for (const repositoryId of recount) await refreshCounts(trx, organizationId, repositoryId);
      return result;
    });
  }

  async assignFindingOwner(
    organizationId: number,
    findingIds: readonly number[],
    owner: string | null,
    actor: string,
    now: string,
  ): Promise<number[]> {
    return inTransaction(this.db, async (trx) => {
      const assigned: number[] = [];
      for (const ids of chunk([...new Set(findingIds)], ID_CHUNK)) {
        // Cleared by a person, the owner may be derived again; set by a person, derivations leave it be.
        const rows = await trx
          .updateTable('findings')
          .set({ owner, owner_source: owner === null ? null : 'assigned', updated_at: now })
          .where('organization_id', '=', organizationId)
          .where('id', 'in', ids)
          .returning('id')
          .execute();
        assigned.push(...rows.map((row) => row.id));
      }
      assigned.sort((a, b) => a - b);
      if (assigned.length > 0) {
        await insertAudit(
          trx,
          {
            organizationId,
            actor,
            action: 'finding.owner',
            target: null,
            details: { owner, findings: assigned },
          },
          now,
        );
      }
      return assigned;
    });
  }

  async deriveFindingOwners(
    organizationId: number,
    owners: ReadonlyArray<{ findingId: number; owner: string | null }>,
    source: Exclude<OwnerSource, 'assigned'>,
    now: string,
  ): Promise<number> {
    const idsByOwner = new Map<string | null, number[]>();
    for (const { findingId, owner } of owners) {
      const ids = idsByOwner.get(owner);
      if (ids) ids.push(findingId);
      else idsByOwner.set(owner, [findingId]);
    }
    return inTransaction(this.db, async (trx) => {
      let changed = 0;
      for (const [owner, allIds] of idsByOwner) {
        for (const ids of chunk(allIds, ID_CHUNK)) {
          const result = await trx
            .updateTable('findings')
            .set({ owner, owner_source: owner === null ? null : source, updated_at: now })
            .where('organization_id', '=', organizationId)
            .where('id', 'in', ids)
            .where((eb) => eb.or([eb('owner_source', 'is', null), eb('owner_source', '<>', 'assigned')]))
            // Each analysis derives every owner again: only changed rows are written (on PostgreSQL an update
            // writes a new row version and its index entries even when nothing changed).
            .where((eb) =>
              eb.or([
                eb('owner', 'is distinct from', owner),
                eb('owner_source', 'is distinct from', owner === null ? null : source),
              ]),
            )
            .executeTakeFirst();
          changed += Number(result.numUpdatedRows);
        }
      }
      return changed;
    });
  }

  async trends(organizationId: number, query: TrendQuery, now: string): Promise<Trends> {
    const today = now.slice(0, 10);
    const firstDay = addDays(today, -(query.days - 1));
    const from = `${firstDay}T00:00:00.000Z`;
    let events = this.db
      .selectFrom('finding_event_days')
      .select([
        'day',
        'kind',
        'from_status',
        'to_status',
        'severity',
        (eb) => eb.fn.sum<number>('count').as('count'),
      ])
      .where('organization_id', '=', organizationId)
      .where('day', '>=', firstDay)
      .groupBy(['day', 'kind', 'from_status', 'to_status', 'severity']);
    let open = this.db
      .selectFrom('repository_open_counts')
      .select((eb) => SEVERITIES.map((severity) => eb.fn.sum<number>(severity).as(severity)))
      .where('organization_id', '=', organizationId);
    // Timestamps are ISO text on both databases: each has its own date arithmetic.
    const meanDays =
      this.dialect === 'postgres'
        ? sql<
            number | null
          >`avg(extract(epoch from (mitigated_at::timestamptz - first_seen_at::timestamptz))) / 86400.0`
        : sql<number | null>`avg(julianday(mitigated_at) - julianday(first_seen_at))`;
    // Grouped by an expression on SQLite: grouping by the bare column let its planner read the whole
    // organisation through the severity index (no sort) instead of the window through findings_by_mitigated.
    let remediated = this.db
      .selectFrom('findings')
      .select(['severity', (eb) => eb.fn.countAll<number>().as('count'), meanDays.as('days')])
      .where('organization_id', '=', organizationId)
      .where('status', '=', 'closed')
      .where('mitigated_at', '>=', from)
      .groupBy(this.dialect === 'postgres' ? sql`severity` : sql`+severity`);
    if (query.repositoryId !== undefined) {
      events = events.where('repository_id', '=', query.repositoryId);
      open = open.where('repository_id', '=', query.repositoryId);
      remediated = remediated.where('repository_id', '=', query.repositoryId);
    }
    const [eventRows, openRows, remediatedRows] = await Promise.all([
      events.execute(),
      open.execute(),
      remediated.execute(),
    ]);

    const dayList: TrendDay[] = [];
    const byDate = new Map<string, TrendDay>();
    for (let index = 0; index < query.days; index++) {
      const day: TrendDay = {
        date: addDays(firstDay, index),
        opened: emptySeverityCounts(),
        fixed: emptySeverityCounts(),
        reopened: emptySeverityCounts(),
        open: emptySeverityCounts(),
      };
      dayList.push(day);
      byDate.set(day.date, day);
    }
    // How each day's events changed the open count, to walk back from today's count.
    const openChange = new Map<string, SeverityCounts>();
    for (const row of eventRows) {
      const severity = row.severity as Severity;
      const count = Number(row.count);
      const day = byDate.get(row.day);
      if (day) {
        if (row.kind === 'opened') day.opened[severity] += count;
        else if (row.kind === 'closed') day.fixed[severity] += count;
        else if (row.kind === 'reopened' || row.kind === 'expired') day.reopened[severity] += count;
      }
      const delta = (row.to_status === 'open' ? 1 : 0) - (row.from_status === 'open' ? 1 : 0);
      if (delta === 0) continue;
      const change = openChange.get(row.day) ?? emptySeverityCounts();
      change[severity] += delta * count;
      openChange.set(row.day, change);
    }
    const running = emptySeverityCounts();
    for (const severity of SEVERITIES) running[severity] = Number(openRows[0]?.[severity] ?? 0);
    // Events stamped after today (a clock ahead of ours) are already in the current count.
    for (const [date, change] of openChange) {
      if (date > today) for (const severity of SEVERITIES) running[severity] -= change[severity];
    }
    for (let index = dayList.length - 1; index >= 0; index--) {
      const day = dayList[index]!;
      day.open = { ...running };
      const change = openChange.get(day.date);
      if (change) for (const severity of SEVERITIES) running[severity] -= change[severity];
    }

    const bySeverity = Object.fromEntries(
      SEVERITIES.map((severity) => [severity, { findings: 0, days: null as number | null }]),
    ) as Trends['meanTimeToRemediate']['bySeverity'];
    let findings = 0;
    let totalDays = 0;
    for (const row of remediatedRows) {
      const count = Number(row.count);
      const mean = row.days === null ? null : Number(row.days);
      bySeverity[row.severity as Severity] = { findings: count, days: mean === null ? null : round(mean) };
      findings += count;
      totalDays += (mean ?? 0) * count;
    }
    return {
      from,
      to: now,
      days: dayList,
      meanTimeToRemediate: {
        findings,
        days: findings > 0 ? round(totalDays / findings) : null,
        bySeverity,
      },
    };
  }

  async summarize(organizationId: number): Promise<OrganizationSummary> {
    const counts = await this.countFindings(organizationId, {}, ['status', 'severity']);
    const openBySeverity = emptySeverityCounts();
    const byStatus = Object.fromEntries(STATUSES.map((status) => [status, 0])) as Record<
      FindingStatus,
      number
    >;
    for (const count of counts) {
      byStatus[count.status] += Number(count.count);
      if (count.status === 'open') openBySeverity[count.severity as Severity] += Number(count.count);
    }
    return {
      openBySeverity,
      byStatus,
      repositories: await this.listRepositories(organizationId),
      recentScans: await this.listScans(organizationId, 10),
    };
  }

  async findScanByRun(run: RunKey): Promise<ScanView | undefined> {
    const row = await this.scanQuery(run.organizationId)
      .where('repositories.provider', '=', run.provider)
      .where('repositories.owner', '=', run.owner)
      .where('repositories.name', '=', run.repository)
      .where('scans.commit_sha', '=', run.commit)
      .where('scans.kind', '=', run.kind)
      .where('scans.run_id', '=', run.runId)
      .executeTakeFirst();
    return row ? toScanView(row) : undefined;
  }

  async enqueueIngestJob(
    run: RunKey,
    payload: string,
    findings: number,
    now: string,
  ): Promise<{ job: IngestJobView; created: boolean }> {
    const key = {
      organization_id: run.organizationId,
      provider: run.provider,
      owner: run.owner,
      repository: run.repository,
      commit_sha: run.commit,
      kind: run.kind,
      run_id: run.runId,
    };
    const inserted = await this.db
      .insertInto('ingest_jobs')
      .values({ ...key, status: 'queued', payload, findings_count: findings, created_at: now })
      .onConflict((conflict) =>
        conflict
          .columns(['organization_id', 'provider', 'owner', 'repository', 'commit_sha', 'kind', 'run_id'])
          .doNothing(),
      )
      .returning('id')
      .executeTakeFirst();
    let query = this.db.selectFrom('ingest_jobs').selectAll();
    for (const [column, value] of Object.entries(key))
      query = query.where(column as keyof typeof key, '=', value);
    const row = await query.executeTakeFirstOrThrow();
    return { job: toIngestJobView(row), created: inserted !== undefined };
  }

  async getIngestJob(organizationId: number, jobId: number): Promise<IngestJobView | undefined> {
    const row = await this.db
      .selectFrom('ingest_jobs')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .where('id', '=', jobId)
      .executeTakeFirst();
    return row ? toIngestJobView(row) : undefined;
  }

  async claimIngestJob(now: string, leaseMs: number): Promise<ClaimedIngestJob | undefined> {
    const leaseUntil = new Date(Date.parse(now) + leaseMs).toISOString();
    // One statement: the pick and the claim cannot be split by another worker.
    const lock = this.dialect === 'postgres' ? sql`for update skip locked` : sql``;
    const result = await sql<{ id: number; organization_id: number; payload: string; attempts: number }>`
      update ingest_jobs
      set status = 'running', started_at = ${now}, lease_until = ${leaseUntil}, attempts = attempts + 1
      where id = (
        select id from ingest_jobs
        where status = 'queued' or (status = 'running' and lease_until < ${now})
        order by id
        limit 1
        ${lock}
      )
      returning id, organization_id, payload, attempts`.execute(this.db);
    const row = result.rows[0];
    return row
      ? { id: row.id, organizationId: row.organization_id, payload: row.payload, attempts: row.attempts }
      : undefined;
  }

  async renewIngestLease(jobId: number, leaseUntil: string): Promise<void> {
    await this.db
      .updateTable('ingest_jobs')
      .set({ lease_until: leaseUntil })
      .where('id', '=', jobId)
      .where('status', '=', 'running')
      .execute();
  }

  async completeIngestJob(jobId: number, scanId: number, now: string): Promise<void> {
    await this.db
      .updateTable('ingest_jobs')
      .set({ status: 'done', scan_id: scanId, payload: '', finished_at: now, lease_until: null, error: null })
      .where('id', '=', jobId)
      .execute();
  }

  async failIngestJob(jobId: number, error: string, final: boolean, now: string): Promise<void> {
    await this.db
      .updateTable('ingest_jobs')
      .set(
        final
          ? { status: 'failed', error, payload: '', finished_at: now, lease_until: null }
          : { status: 'queued', error, lease_until: null },
      )
      .where('id', '=', jobId)
      .execute();
  }

  async listEventsForExport(afterId: number, limit: number): Promise<ExportEvent[]> {
    const rows = await this.db
      .selectFrom('finding_events')
      .innerJoin('findings', 'findings.id', 'finding_events.finding_id')
      .innerJoin('repositories', 'repositories.id', 'findings.repository_id')
      .innerJoin('organizations', 'organizations.id', 'findings.organization_id')
      .selectAll('findings')
      .select([
        'finding_events.id as event_id',
        'finding_events.kind as event_kind',
        'finding_events.from_status as event_from_status',
        'finding_events.to_status as event_to_status',
        'finding_events.actor as event_actor',
        'finding_events.reason as event_reason',
        'finding_events.created_at as event_created_at',
        'organizations.slug as organization_slug',
        ...REPOSITORY_COLUMNS,
      ])
      .where('finding_events.id', '>', afterId)
      .orderBy('finding_events.id')
      .limit(limit)
      .execute();
    return rows.map((row) => ({
      eventId: row.event_id,
      kind: row.event_kind,
      fromStatus: row.event_from_status,
      toStatus: row.event_to_status,
      actor: row.event_actor,
      reason: row.event_reason,
      createdAt: row.event_created_at,
      organization: row.organization_slug,
      finding: toFindingView(row),
    }));
  }

  async latestEventId(): Promise<number> {
    const row = await this.db
      .selectFrom('finding_events')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirst();
    return Number(row?.id ?? 0);
  }

  async claimExportSink(sink: string, now: string, leaseMs: number): Promise<ExportClaim | undefined> {
    await this.db
      .insertInto('export_cursors')
      .values({ sink, updated_at: now })
      .onConflict((conflict) => conflict.column('sink').doNothing())
      .execute();
    const leaseUntil = new Date(Date.parse(now) + leaseMs).toISOString();
    const claimed = await this.db
      .updateTable('export_cursors')
      .set({ lease_until: leaseUntil, updated_at: now })
      .where('sink', '=', sink)
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
      .where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', now)]))
      .returning(['last_event_id', 'failures'])
      .executeTakeFirst();
    return claimed ? { lastEventId: claimed.last_event_id, failures: claimed.failures } : undefined;
  }

  async advanceExportSink(sink: string, lastEventId: number, now: string): Promise<void> {
    await this.db
      .updateTable('export_cursors')
      .set({
        last_event_id: lastEventId,
        failures: 0,
        last_error: null,
        next_attempt_at: null,
        lease_until: null,
        updated_at: now,
      })
      .where('sink', '=', sink)
      .execute();
  }

  async failExportSink(sink: string, error: string, nextAttemptAt: string, now: string): Promise<void> {
    await this.db
      .updateTable('export_cursors')
      .set((eb) => ({
        failures: eb('failures', '+', 1),
        last_error: error,
        next_attempt_at: nextAttemptAt,
        lease_until: null,
        updated_at: now,
      }))
      .where('sink', '=', sink)
      .execute();
  }

  async listExportCursors(): Promise<ExportCursorView[]> {
    const rows = await this.db.selectFrom('export_cursors').selectAll().orderBy('sink').execute();
    return rows.map((row) => ({
      sink: row.sink,
      lastEventId: row.last_event_id,
      failures: row.failures,
      lastError: row.last_error,
      nextAttemptAt: row.next_attempt_at,
    }));
  }

  /**
   * The user and how many other enabled admins the organisation has, with those rows locked on PostgreSQL
   * (in id order), so that two admins demoting each other at once cannot leave the organisation without one.
   */
  private async lockAdmins(trx: Transaction<Database>, organizationId: number, userId: number) {
    const rows = await trx
      .selectFrom('users')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .where((eb) =>
        eb.or([eb('id', '=', userId), eb.and([eb('role', '=', 'admin'), eb('disabled_at', 'is', null)])]),
      )
      .orderBy('id')
      .$if(this.dialect === 'postgres', (query) => query.forUpdate())
      .execute();
    const user = rows.find((row) => row.id === userId);
    const otherAdmins = rows.filter(
      (row) => row.id !== userId && row.role === 'admin' && row.disabled_at === null,
    ).length;
    return { user, otherAdmins };
  }

  private scanQuery(organizationId: number) {
    return this.db
      .selectFrom('scans')
      .innerJoin('repositories', 'repositories.id', 'scans.repository_id')
      .selectAll('scans')
      .select(REPOSITORY_COLUMNS)
      .where('scans.organization_id', '=', organizationId);
  }
}

function toIngestJobView(row: IngestJobRow): IngestJobView {
  return {
    id: row.id,
    status: row.status,
    findings: row.findings_count,
    attempts: row.attempts,
    scanId: row.scan_id,
    error: row.error,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}

function toUser(row: UserRow): User {
  return {
    id: row.id,
    organizationId: row.organization_id,
    username: row.username,
    role: row.role,
    passwordHash: row.password_hash,
    source: row.auth_source,
    oidcSubject: row.oidc_subject,
    disabledAt: row.disabled_at,
  };
}

function toUserView(row: UserRow): UserView {
  return {
    id: row.id,
    username: row.username,
    role: row.role,
    source: row.auth_source,
    disabled: row.disabled_at !== null,
    createdAt: row.created_at,
    lastSignInAt: row.last_sign_in_at,
  };
}

/**
 * Triage of one finding inside a transaction: the status, a history event and an audit entry. When the
 * finding went in or out of `open`, the caller refreshes its repository's open counts.
 */
async function applyStatusChange(
  trx: Transaction<Database>,
  organizationId: number,
  findingId: number,
  change: StatusChange,
  now: string,
): Promise<
  { outcome: 'changed'; repositoryId: number } | Exclude<StatusChangeResult, { outcome: 'changed' }>
> {
  const current = await trx
    .selectFrom('findings')
    .select(['status', 'repository_id', 'severity'])
    .where('organization_id', '=', organizationId)
    .where('id', '=', findingId)
    .executeTakeFirst();
  if (!current) return { outcome: 'not-found' };
  const reopening = change.status === 'open';
  // Reopening undoes a decision; a closed finding is gone from the code, and stays closed until it returns.
  if (reopening && current.status !== 'risk_accepted' && current.status !== 'false_positive') {
    return { outcome: 'invalid-transition', from: current.status };
  }
  await trx
    .updateTable('findings')
    .set({
      status: change.status,
      status_reason: reopening ? null : change.reason,
      status_owner: reopening ? null : change.actor,
      status_expires_at: reopening ? null : change.expiresAt,
      updated_at: now,
    })
    .where('id', '=', findingId)
    .execute();
  await trx
    .insertInto('finding_events')
    .values({
      organization_id: organizationId,
      finding_id: findingId,
      scan_id: null,
      kind: 'triaged',
      from_status: current.status,
      to_status: change.status,
      actor: change.actor,
      reason: change.reason,
      created_at: now,
    })
    .execute();
  const days = new EventDayTally();
  days.add('triaged', current.status, change.status, current.severity);
  await days.record(trx, organizationId, current.repository_id, now);
  await insertAudit(
    trx,
    {
      organizationId,
      actor: change.actor,
      action: 'finding.status',
      target: `finding:${findingId}`,
      details: {
        from: current.status,
        to: change.status,
        reason: change.reason,
        expiresAt: change.expiresAt,
      },
    },
    now,
  );
  return {
    outcome: 'changed',
    repositoryId: current.repository_id,
  };
}

/** The day `offset` days after `date` (YYYY-MM-DD, UTC). */
function addDays(date: string, offset: number): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + offset * 86_400_000).toISOString().slice(0, 10);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

async function insertAudit(db: Executor, entry: AuditEntry, now: string): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      organization_id: entry.organizationId,
      actor: entry.actor,
      action: entry.action,
      target: entry.target,
      details: JSON.stringify(entry.details),
      created_at: now,
    })
    .execute();
}

async function ensureRepository(trx: Executor, input: NewScan, now: string): Promise<number> {
  const identity = {
    organization_id: input.organizationId,
    provider: input.provider,
    owner: input.owner,
    name: input.repository,
  };
  await trx
    .insertInto('repositories')
    .values({ ...identity, created_at: now })
    .onConflict((conflict) => conflict.columns(['organization_id', 'provider', 'owner', 'name']).doNothing())
    .execute();
  const row = await trx
    .selectFrom('repositories')
    .select('id')
    .where('organization_id', '=', identity.organization_id)
    .where('provider', '=', identity.provider)
    .where('owner', '=', identity.owner)
    .where('name', '=', identity.name)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Inserts the scan, applies the lifecycle plan in batches and stores the counts; returns the scan id. */
async function applyScan(
  trx: Transaction<Database>,
  bulkInsert: BulkInsert,
  repositoryId: number,
  input: NewScan,
  now: string,
): Promise<number> {
  const bySeverity = emptySeverityCounts();
  for (const finding of input.findings) bySeverity[finding.severity as Severity] += 1;
  const scan = await trx
    .insertInto('scans')
    .values({
      organization_id: input.organizationId,
      repository_id: repositoryId,
      branch: input.branch,
      commit_sha: input.commit,
      kind: input.kind,
      run_id: input.runId,
      run_url: input.runUrl,
      pull_request: input.pullRequest,
      tool_name: input.toolName,
      tool_version: input.toolVersion,
      status: 'completed',
      findings_total: input.findings.length,
      findings_new: 0,
      findings_closed: 0,
      findings_reopened: 0,
      severity_counts: JSON.stringify(bySeverity),
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  const knownRows = await trx
    .selectFrom('findings')
    .selectAll()
    .where('repository_id', '=', repositoryId)
    .where('branch', '=', input.branch)
    .execute();
  const plan = planLifecycle(
    knownRows.map(toKnownFinding),
    input.findings,
    input.kind,
    now,
    new Set(input.categories),
  );
  const events: NewFindingEventRow[] = [];
  const event = (
    findingId: number,
    kind: NewFindingEventRow['kind'],
    from: FindingStatus | null,
    to: FindingStatus,
  ) =>
    events.push({
      organization_id: input.organizationId,
      finding_id: findingId,
      scan_id: scan.id,
      kind,
      from_status: from,
      to_status: to,
      created_at: now,
    });

  // Object.assign, not a spread: V8 copies a 20-property literal spread into a new one ~70x slower.
  const newRows: NewFindingRow[] = plan.create.map((content) =>
    Object.assign(toFindingColumns(content), {
      organization_id: input.organizationId,
      repository_id: repositoryId,
      branch: input.branch,
      fingerprint: content.fingerprint,
      status: 'open' as const,
      first_seen_at: now,
      last_seen_at: now,
      first_scan_id: scan.id,
      last_scan_id: scan.id,
      updated_at: now,
    }),
  );
  const createdIds = await bulkInsert(trx, 'findings', newRows);
  await recordOpenings(trx, scan.id, createdIds);

  for (const ids of chunk(plan.seen, ID_CHUNK)) {
    await trx
      .updateTable('findings')
      .set({ last_seen_at: now, last_scan_id: scan.id })
      .where('id', 'in', ids)
      .execute();
  }
  for (const { id, content } of plan.rewrite) {
    await trx
      .updateTable('findings')
      .set(Object.assign(toFindingColumns(content), { updated_at: now }))
      .where('id', '=', id)
      .execute();
  }
  for (const ids of chunk(plan.reopen, ID_CHUNK)) {
    await trx
      .updateTable('findings')
      .set({
        status: 'open',
        mitigated_at: null,
        status_reason: null,
        status_owner: null,
        status_expires_at: null,
        updated_at: now,
      })
      .where(
        'id',
        'in',
        ids.map((reopen) => reopen.id),
      )
      .execute();
    for (const reopen of ids) event(reopen.id, reopen.expired ? 'expired' : 'reopened', reopen.from, 'open');
  }
  for (const ids of chunk(plan.close, ID_CHUNK)) {
    await trx
      .updateTable('findings')
      .set({ status: 'closed', mitigated_at: now, updated_at: now })
      .where('id', 'in', ids)
      .execute();
    for (const id of ids) event(id, 'closed', 'open', 'closed');
  }
  for (const ids of chunk(plan.markGone, ID_CHUNK)) {
    await trx
      .updateTable('findings')
      .set({ mitigated_at: now, updated_at: now })
      .where('id', 'in', ids)
      .execute();
  }
  for (const ids of chunk(plan.markBack, ID_CHUNK)) {
    await trx
      .updateTable('findings')
      .set({ mitigated_at: null, updated_at: now })
      .where('id', 'in', ids)
      .execute();
  }
  await bulkInsert(trx, 'finding_events', events);
  const severityOf = new Map(knownRows.map((row) => [row.id, row.severity]));
  const days = new EventDayTally();
  for (const content of plan.create) days.add('opened', null, 'open', content.severity);
  for (const reopen of plan.reopen) {
    days.add(reopen.expired ? 'expired' : 'reopened', reopen.from, 'open', severityOf.get(reopen.id)!);
  }
  for (const id of plan.close) days.add('closed', 'open', 'closed', severityOf.get(id)!);
  await days.record(trx, input.organizationId, repositoryId, now);
  await trx
    .updateTable('scans')
    .set({
      findings_new: plan.create.length,
      findings_closed: plan.close.length,
      findings_reopened: plan.reopen.length,
    })
    .where('id', '=', scan.id)
    .execute();
  await refreshCounts(trx, input.organizationId, repositoryId);
  return scan.id;
}

/**
 * The `opened` events of a scan's new findings, written by one statement from the rows just inserted instead of
 * a row per finding from here. Only this transaction inserts findings with this first scan, so the id range
 * and the scan id select exactly them, in id order.
 */
async function recordOpenings(trx: Transaction<Database>, scanId: number, createdIds: readonly number[]) {
  if (createdIds.length === 0) return;
  let first = createdIds[0]!;
  let last = first;
  for (const id of createdIds) {
    if (id < first) first = id;
    if (id > last) last = id;
  }
  await trx
    .insertInto('finding_events')
    .columns(['organization_id', 'finding_id', 'scan_id', 'kind', 'from_status', 'to_status', 'created_at'])
    .expression((eb) =>
      eb
        .selectFrom('findings')
        .select([
          'organization_id',
          'id',
          'first_scan_id',
          sql.lit('opened').as('kind'),
          sql<null>`null`.as('from_status'),
          sql.lit('open').as('to_status'),
          'first_seen_at',
        ])
        .where('id', '>=', first)
        .where('id', '<=', last)
        .where('first_scan_id', '=', scanId)
        .orderBy('id'),
    )
    .execute();
}

/** Finding events counted by transition and severity, added to the daily rollup that trends read. */
class EventDayTally {
  private readonly counts = new Map<
    string,
    { kind: FindingEventKind; from: FindingStatus | ''; to: FindingStatus; severity: string; count: number }
  >();

  add(kind: FindingEventKind, from: FindingStatus | null, to: FindingStatus, severity: string): void {
    const key = `${kind} ${from ?? ''} ${to} ${severity}`;
    const entry = this.counts.get(key);
    if (entry) entry.count += 1;
    else this.counts.set(key, { kind, from: from ?? '', to, severity, count: 1 });
  }

  async record(trx: Executor, organizationId: number, repositoryId: number, now: string): Promise<void> {
    if (this.counts.size === 0) return;
    const day = now.slice(0, 10);
    await trx
      .insertInto('finding_event_days')
      .values(
        [...this.counts.values()].map((entry) => ({
          organization_id: organizationId,
          repository_id: repositoryId,
          day,
          kind: entry.kind,
          from_status: entry.from,
          to_status: entry.to,
          severity: entry.severity,
          count: entry.count,
        })),
      )
      .onConflict((conflict) =>
        conflict
          .columns([
            'organization_id',
            'repository_id',
            'day',
            'kind',
            'from_status',
            'to_status',
            'severity',
          ])
          .doUpdateSet((eb) => ({ count: eb('finding_event_days.count', '+', eb.ref('excluded.count')) })),
      )
      .execute();
  }
}

/**
 * Recounts one repository's findings by status, category and severity into finding_counts (read by the overview
 * and the summary) and its open findings by severity into repository_open_counts (read by the list). The
 * findings_counted index covers the recount.
 */
async function refreshCounts(trx: Executor, organizationId: number, repositoryId: number): Promise<void> {
  const rows = await trx
    .selectFrom('findings')
    .select(['status', 'category', 'severity', (eb) => eb.fn.countAll<number>().as('count')])
    .where('repository_id', '=', repositoryId)
    .groupBy(['status', 'category', 'severity'])
    .execute();
  // Zeroed and upserted rather than deleted and inserted: two transactions recounting one repository at once
  // (PostgreSQL) then update the same rows instead of inserting the same keys twice.
  await trx
    .updateTable('finding_counts')
    .set({ count: 0 })
    .where('repository_id', '=', repositoryId)
    .execute();
  if (rows.length > 0) {
    await trx
      .insertInto('finding_counts')
      .values(
        rows.map((row) => ({
          repository_id: repositoryId,
          organization_id: organizationId,
          status: row.status,
          category: row.category,
          severity: row.severity,
          count: Number(row.count),
        })),
      )
      .onConflict((conflict) =>
        conflict
          .columns(['repository_id', 'status', 'category', 'severity'])
          .doUpdateSet((eb) => ({ count: eb.ref('excluded.count') })),
      )
      .execute();
  }
  const open = emptySeverityCounts();
  for (const row of rows) if (row.status === 'open') open[row.severity as Severity] += Number(row.count);
  await trx
    .insertInto('repository_open_counts')
    .values({ repository_id: repositoryId, organization_id: organizationId, ...open })
    .onConflict((conflict) => conflict.column('repository_id').doUpdateSet(open))
    .execute();
}

function toFindingColumns(content: FindingContent) {
  return {
    rule_id: content.ruleId,
    title: content.title,
    severity: content.severity,
    severity_rank: SEVERITY_RANK[content.severity as Severity],
    category: content.category,
    message: content.message,
    file: content.file,
    start_line: content.startLine,
    start_column: content.startColumn,
    end_line: content.endLine,
    end_column: content.endColumn,
    resource: content.resource,
    help_uri: content.helpUri,
    remediation: content.remediation,
    cwe: content.cwe,
    tags: content.tags,
    secret_sha256: content.secretSha256,
    secret_preview: content.secretPreview,
    suppression_kind: content.suppressionKind,
    suppression_justification: content.suppressionJustification,
  };
}

function toKnownFinding(row: FindingRow): KnownFinding {
  return {
    id: row.id,
    status: row.status,
    statusExpiresAt: row.status_expires_at,
    mitigatedAt: row.mitigated_at,
    fingerprint: row.fingerprint,
    ruleId: row.rule_id,
    title: row.title,
    severity: row.severity,
    category: row.category,
    message: row.message,
    file: row.file,
    startLine: row.start_line,
    startColumn: row.start_column,
    endLine: row.end_line,
    endColumn: row.end_column,
    resource: row.resource,
    helpUri: row.help_uri,
    remediation: row.remediation,
    cwe: row.cwe,
    tags: row.tags,
    secretSha256: row.secret_sha256,
    secretPreview: row.secret_preview,
    suppressionKind: row.suppression_kind,
    suppressionJustification: row.suppression_justification,
  };
}

/** Filters the finding_counts table can answer: repository, status, category and severity only. */
const COUNTED_FILTERS: ReadonlySet<string> = new Set(['repositoryId', 'status', 'category', 'severity']);

function isCountedFilter(filter: FindingFilter): boolean {
  return Object.entries(filter).every(([key, value]) => value === undefined || COUNTED_FILTERS.has(key));
}

/** The organisation's findings that pass a query's filters: what lists, pages and counts start from. */
function findingsMatching(db: Executor, organizationId: number, filter: FindingFilter) {
  let filtered = db.selectFrom('findings').where('findings.organization_id', '=', organizationId);
  if (filter.repositoryId !== undefined)
    filtered = filtered.where('findings.repository_id', '=', filter.repositoryId);
  if (filter.severity?.length) {
    // The rank too: it follows from the severity, and the owner, status and category indexes seek on it.
    const ranks = filter.severity.map((severity) => SEVERITY_RANK[severity]);
    filtered = filtered
      .where('findings.severity', 'in', filter.severity)
      .where('findings.severity_rank', 'in', ranks);
  }
  if (filter.status?.length) filtered = filtered.where('findings.status', 'in', filter.status);
  if (filter.category !== undefined) filtered = filtered.where('findings.category', '=', filter.category);
  if (filter.ruleId !== undefined) filtered = filtered.where('findings.rule_id', '=', filter.ruleId);
  if (filter.branch !== undefined) filtered = filtered.where('findings.branch', '=', filter.branch);
  if (filter.owner !== undefined) filtered = filtered.where('findings.owner', '=', filter.owner);
  if (filter.firstSeenBefore !== undefined)
    filtered = filtered.where('findings.first_seen_at', '<', filter.firstSeenBefore);
  if (filter.firstSeenAfter !== undefined)
    filtered = filtered.where('findings.first_seen_at', '>=', filter.firstSeenAfter);
  if (filter.deployed !== undefined) filtered = filtered.where(deployedFilter(filter.deployed));
  return filtered;
}

async function getFindingView(
  db: Executor,
  organizationId: number,
  findingId: number,
): Promise<FindingView | undefined> {
  const row = await db
    .selectFrom('findings')
    .innerJoin('repositories', 'repositories.id', 'findings.repository_id')
    .selectAll('findings')
    .select(REPOSITORY_COLUMNS)
    .where('findings.organization_id', '=', organizationId)
    .where('findings.id', '=', findingId)
    .executeTakeFirst();
  return row && toFindingView(row);
}

function toRepositoryView(
  repository: RepositoryRef,
  openBySeverity: SeverityCounts,
  branches: readonly { branch: string; last_scan_at: string }[],
): RepositoryView {
  const lastScanAt = branches.reduce<string | null>(
    (latest, branch) => (latest === null || branch.last_scan_at > latest ? branch.last_scan_at : latest),
    null,
  );
  return {
    ...repository,
    branches: branches.map((branch) => branch.branch).sort(),
    openFindings: Object.values(openBySeverity).reduce((sum, count) => sum + count, 0),
    openBySeverity,
    lastScanAt,
  };
}

function repositoryRef(row: {
  repository_id: number;
  repository_provider: string;
  repository_owner: string;
  repository_name: string;
}): RepositoryRef {
  return {
    id: row.repository_id,
    provider: row.repository_provider,
    owner: row.repository_owner,
    name: row.repository_name,
  };
}

function toFindingView(row: FindingWithRepository): FindingView {
  return {
    id: row.id,
    repository: repositoryRef(row),
    branch: row.branch,
    fingerprint: row.fingerprint,
    ruleId: row.rule_id,
    title: row.title,
    severity: row.severity as Severity,
    category: row.category,
    message: row.message,
    location: {
      file: row.file,
      startLine: row.start_line,
      startColumn: row.start_column,
      endLine: row.end_line,
      endColumn: row.end_column,
    },
    resource: row.resource,
    helpUri: row.help_uri,
    remediation: row.remediation,
    cwe: JSON.parse(row.cwe) as string[],
    tags: JSON.parse(row.tags) as string[],
    secret:
      row.secret_sha256 !== null ? { sha256: row.secret_sha256, preview: row.secret_preview ?? '' } : null,
    suppression:
      row.suppression_kind !== null
        ? { kind: row.suppression_kind, justification: row.suppression_justification ?? '' }
        : null,
    status: row.status,
    statusReason: row.status_reason,
    statusOwner: row.status_owner,
    statusExpiresAt: row.status_expires_at,
    owner: row.owner,
    ownerSource: row.owner_source,
    firstSeenAt: row.first_seen_at,
    lastSeenAt: row.last_seen_at,
    mitigatedAt: row.mitigated_at,
    firstScanId: row.first_scan_id,
    lastScanId: row.last_scan_id,
  };
}

function toScanView(
  row: ScanRow & { repository_provider: string; repository_owner: string; repository_name: string },
): ScanView {
  return {
    id: row.id,
    repository: repositoryRef(row),
    branch: row.branch,
    commit: row.commit_sha,
    kind: row.kind,
    runId: row.run_id,
    runUrl: row.run_url,
    pullRequest: row.pull_request,
    tool: { name: row.tool_name, version: row.tool_version },
    status: row.status,
    counts: {
      total: row.findings_total,
      new: row.findings_new,
      closed: row.findings_closed,
      reopened: row.findings_reopened,
      bySeverity: {
        ...emptySeverityCounts(),
        ...(JSON.parse(row.severity_counts) as Partial<SeverityCounts>),
      },
    },
    createdAt: row.created_at,
  };
}

function emptySeverityCounts(): SeverityCounts {
  return Object.fromEntries(SEVERITIES.map((severity) => [severity, 0])) as SeverityCounts;
}
