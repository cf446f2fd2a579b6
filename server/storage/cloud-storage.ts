/**
 * Code-to-cloud storage: branch IaC inventories and CODEOWNERS, cloud account inventories and their import
 * history, and what the analysis job derives (links, priorities, traits, attack paths, secure scores). Every
 * query takes an organisation id. One set of kysely queries for SQLite and PostgreSQL.
 */
import { createHash } from 'node:crypto';
import { type ExpressionBuilder, type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type {
  CloudCheckResult,
  CloudImport,
  CloudImportSource,
  CloudResource,
  CloudResourceOrigin,
} from '../../scanners/cloud/model.js';
import {
  compareText,
  type IacResourceRecord,
  SEVERITY_RANK,
  type Severity,
} from '../../scanners/core/types.js';
import type {
  AnalysisResult,
  AttackPath,
  LinkMethod,
  PriorityFactor,
  ResourceTrait,
  SecureScore,
} from '../domain/analysis-model.js';
import { push } from '../domain/maps.js';
import { safeTags } from '../ingest/secret-fields.js';
import type { UploadResource } from '../schemas/upload.js';
import { chunk, ID_CHUNK, MAX_PARAMETERS } from './batches.js';
import type { CloudResourceTable, Database, FindingStatus } from './database.js';
import { inTransaction } from './transactions.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** When one resource is reported by several sources, the first source here that says something wins. */
const SOURCE_PRECEDENCE: readonly CloudImportSource[] = [
  'terraform-state',
  'aws-config',
  'azure-resource-graph',
  'gcp-asset-inventory',
  'prowler-ocsf',
];

export interface BranchInventoryInput {
  organizationId: number;
  repositoryId: number;
  branch: string;
  scanId: number;
  commit: string;
  kind: 'full' | 'diff';
  /** Absent: the upload said nothing about resources, and the stored inventory stays as it was. */
  resources?: readonly UploadResource[];
  codeowners?: string;
}

export interface CloudAccountRef {
  id: number;
  provider: string;
  accountId: string;
}

export interface CloudSnapshotView {
  id: number;
  source: string;
  contentSha256: string;
  observedAt: string | null;
  importedAt: string;
  resources: number;
  checks: number;
  failingChecks: number;
}

export interface CloudImportOutcome {
  account: CloudAccountRef;
  snapshot: CloudSnapshotView;
  /** False when the account's current inventory from this source already had this content. */
  created: boolean;
  /** Check results about a resource the import does not list: not stored. */
  orphanChecks: number;
}

export interface CloudAccountView extends CloudAccountRef {
  resources: number;
  failingChecks: number;
  /** The current snapshot of each source. */
  sources: CloudSnapshotView[];
  updatedAt: string;
}

export interface CloudCheckView {
  source: string;
  checkId: string;
  title: string;
  severity: Severity;
  status: string;
  message: string;
  categories: string[];
}

export interface CloudResourceView {
  id: number;
  account: CloudAccountRef;
  uid: string;
  type: string;
  kind: string | null;
  region: string | null;
  name: string | null;
  tags: Record<string, string>;
  origin: CloudResourceOrigin | null;
  related: string[];
  sources: string[];
  checks: CloudCheckView[];
}

export interface CodeLinkView {
  method: LinkMethod;
  weak: boolean;
  repository: { id: number; provider: string; owner: string; name: string };
  branch: string;
  address: string;
  file: string;
  line: number;
}

export interface TraitView {
  trait: string;
  reason: string;
}

export interface DeployedResourceView {
  id: number;
  account: CloudAccountRef;
  region: string | null;
  uid: string;
  name: string | null;
  type: string;
  method: LinkMethod;
  weak: boolean;
  /** Failing runtime checks on the resource. */
  failingChecks: CloudCheckView[];
}

export interface PriorityView {
  score: number;
  reasons: string[];
  factors: PriorityFactor[];
}

export interface DailyCount {
  day: string;
  resources: number;
  failingChecks: number;
}

export interface ScoreView extends SecureScore {
  scope: 'organization' | 'repository' | 'account';
  subject: string;
  day: string;
  computedAt: string;
}

export interface ScoreHistoryPoint {
  day: string;
  points: number;
  maxPoints: number;
  percent: number | null;
}

export interface AttackPathView extends AttackPath {
  rank: number;
  computedAt: string;
}

/** Everything the analysis job needs of one organisation. */
export interface AnalysisInput {
  /** Latest full-scan inventory of every branch (links are made for all of them). */
  iacResources: StoredIacResource[];
  cloudResources: StoredCloudResource[];
  checks: (CloudCheckResult & { cloudResourceId: number })[];
  /** The branch the analysis treats as each repository's default (see defaultBranch). */
  analysedBranches: Map<number, string>;
  findings: StoredFinding[];
  /** CODEOWNERS text per repository id and branch. */
  codeowners: { repositoryId: number; branch: string; text: string }[];
}

export interface StoredIacResource extends IacResourceRecord {
  id: number;
  repositoryId: number;
  branch: string;
}

export interface StoredCloudResource extends CloudResource {
  id: number;
}

export interface StoredFinding {
  id: number;
  repositoryId: number;
  branch: string;
  ruleId: string;
  title: string;
  severity: Severity;
  category: string;
  status: FindingStatus;
  tags: string[];
  message: string;
  file: string;
  resource: string | null;
}

/** An open finding whose owner no person assigned: the analysis derives its owner. */
export type OwnerCandidate = Pick<StoredFinding, 'id' | 'repositoryId' | 'branch' | 'file' | 'resource'> & {
  owner: string | null;
};

/** What the analysis job writes back for one organisation. */
export interface AnalysisOutput {
  /** Links by stored ids. */
  links: { iacResourceId: number; cloudResourceId: number; method: LinkMethod }[];
  result: AnalysisResult;
  /**
   * Derived owner changes by finding id, null clearing a derived owner; written through
   * Storage.deriveFindingOwners, which never overwrites an owner a person assigned.
   */
  owners: Map<number, { owner: string | null; source: 'codeowners' | 'tag' | null }>;
}

/** A finding as governance lists show it. */
export interface GovernanceFinding {
  id: number;
  ruleId: string;
  title: string;
  severity: Severity;
  status: FindingStatus;
  repository: { id: number; owner: string; name: string };
  branch: string;
  file: string;
  line: number;
  owner: string | null;
  firstSeenAt: string;
}

function toGovernanceFinding(row: {
  id: number;
  rule_id: string;
  title: string;
  severity: string;
  status: FindingStatus;
  branch: string;
  file: string;
  start_line: number;
  owner: string | null;
  first_seen_at: string;
  repository_id: number;
  repository_owner: string;
  repository_name: string;
}): GovernanceFinding {
  return {
    id: row.id,
    ruleId: row.rule_id,
    title: row.title,
    severity: row.severity as Severity,
    status: row.status,
    repository: { id: row.repository_id, owner: row.repository_owner, name: row.repository_name },
    branch: row.branch,
    file: row.file,
    line: row.start_line,
    owner: row.owner,
    firstSeenAt: row.first_seen_at,
  };
}

export interface ClaimedAnalysis {
  organizationId: number;
  /** The request counter seen at claim time: completing marks up to it done. */
  generation: number;
}

/**
 * The branch whose inventory and findings stand for the repository in priorities, scores and attack paths:
 * `main`, else `master`, else the branch with the latest full inventory. Uploads do not name the default
 * branch, and these two names cover nearly every repository.
 */
function defaultBranch(branches: readonly { branch: string; updatedAt: string }[]): string | undefined {
  for (const name of ['main', 'master'])
    if (branches.some((candidate) => candidate.branch === name)) return name;
  return [...branches].sort(
    (a, b) => compareText(b.updatedAt, a.updatedAt) || compareText(a.branch, b.branch),
  )[0]?.branch;
}

/** Each repository's default branch (see defaultBranch) among its listed branches. */
function defaultBranches(
  branches: readonly { repositoryId: number; branch: string; updatedAt: string }[],
): Map<number, string> {
  const byRepository = new Map<number, { branch: string; updatedAt: string }[]>();
  for (const { repositoryId, ...branch } of branches) {
    const list = byRepository.get(repositoryId);
    if (list) list.push(branch);
    else byRepository.set(repositoryId, [branch]);
  }
  const defaults = new Map<number, string>();
  for (const [repositoryId, list] of byRepository) {
    const branch = defaultBranch(list);
    if (branch !== undefined) defaults.set(repositoryId, branch);
  }
  return defaults;
}

/**
 * A findings filter: the finding's IaC resource (same repository, branch and address) is linked to a
 * deployed resource, or (`deployed` false) it is not.
 */
export function deployedFilter(deployed: boolean) {
  return (eb: ExpressionBuilder<Database, 'findings'>) => {
    const linked = eb.exists(
      eb
        .selectFrom('branch_inventories')
        .innerJoin('iac_resources', 'iac_resources.inventory_id', 'branch_inventories.id')
        .innerJoin('resource_links', 'resource_links.iac_resource_id', 'iac_resources.id')
        .select(sql<number>`1`.as('one'))
        .whereRef('branch_inventories.repository_id', '=', 'findings.repository_id')
        .whereRef('branch_inventories.branch', '=', 'findings.branch')
        .whereRef('iac_resources.address', '=', 'findings.resource'),
    );
    return deployed ? linked : eb.not(linked);
  };
}

/** Sorts by priority with unscored findings below every score, the same on SQLite and PostgreSQL. */
export const PRIORITY_SORT_KEY = sql<number>`coalesce(findings.priority_score, -1)`;

export class CloudStorage {
  constructor(
    private readonly db: Kysely<Database>,
    readonly dialect: 'sqlite' | 'postgres',
  ) {}

  /**
   * Records a scan's IaC inventory (full scans) and CODEOWNERS (any scan) for its branch, unless a later
   * scan already did: idempotent, so a retried upload changes nothing. True when something changed.
   */
  async recordBranchInventory(input: BranchInventoryInput, now: string): Promise<boolean> {
    const replaceInventory = input.kind === 'full' && input.resources !== undefined;
    if (!replaceInventory && input.codeowners === undefined) return false;
    return inTransaction(this.db, async (trx) => {
      await this.lockAnalysisState(trx, input.organizationId);
      await trx
        .insertInto('branch_inventories')
        .values({
          organization_id: input.organizationId,
          repository_id: input.repositoryId,
          branch: input.branch,
          inventory_scan_id: null,
          commit_sha: null,
          codeowners: null,
          codeowners_scan_id: null,
          updated_at: now,
        })
        .onConflict((conflict) => conflict.columns(['repository_id', 'branch']).doNothing())
        .execute();
      let query = trx
        .selectFrom('branch_inventories')
        .select(['id', 'inventory_scan_id', 'codeowners_scan_id'])
        .where('organization_id', '=', input.organizationId)
        .where('repository_id', '=', input.repositoryId)
        .where('branch', '=', input.branch);
      // Two scans of one branch at once: the second waits for the first, then sees its scan id.
      if (this.dialect === 'postgres') query = query.forUpdate();
      const row = await query.executeTakeFirstOrThrow();
      let changed = false;
      if (
        input.codeowners !== undefined &&
        (row.codeowners_scan_id === null || row.codeowners_scan_id < input.scanId)
      ) {
        await trx
          .updateTable('branch_inventories')
          .set({ codeowners: input.codeowners, codeowners_scan_id: input.scanId, updated_at: now })
          .where('id', '=', row.id)
          .execute();
        changed = true;
      }
      if (replaceInventory && (row.inventory_scan_id === null || row.inventory_scan_id < input.scanId)) {
        const resources = input.resources ?? [];
        await trx
          .deleteFrom('resource_links')
          .where(
            'iac_resource_id',
            'in',
            trx.selectFrom('iac_resources').select('id').where('inventory_id', '=', row.id),
          )
          .execute();
        await trx.deleteFrom('iac_resources').where('inventory_id', '=', row.id).execute();
        const rows = resources.map((resource) => ({
          organization_id: input.organizationId,
          inventory_id: row.id,
          family: resource.family,
          type: resource.type,
          kind: resource.kind ?? null,
          address: resource.address,
          module_path: resource.modulePath ?? null,
          name: resource.name ?? null,
          file: resource.file,
          line: resource.line,
          trace_tag: resource.traceTag ?? null,
          tags: JSON.stringify(safeTags(resource.tags)),
          reference_addresses: JSON.stringify(resource.references),
        }));
        for (const batch of chunk(rows, Math.floor(MAX_PARAMETERS / 13))) {
          await trx.insertInto('iac_resources').values(batch).execute();
        }
        await trx
          .updateTable('branch_inventories')
          .set({
            inventory_scan_id: input.scanId,
            commit_sha: input.commit,
            resource_count: resources.length,
            updated_at: now,
          })
          .where('id', '=', row.id)
          .execute();
        changed = true;
      }
      if (changed) await requestAnalysis(trx, input.organizationId);
      return changed;
    });
  }

  /**
   * Replaces the account's inventory from the import's source with the import, keeping a snapshot row for
   * history. The same content as the current snapshot changes nothing and returns that snapshot.
   */
  async importCloud(organizationId: number, input: CloudImport, now: string): Promise<CloudImportOutcome> {
    // Each resource's observation (tags filtered) is built once, for the digest and for the merge.
    const resources = new Map<string, Observation>();
    for (const resource of input.resources) resources.set(resource.uid, observationOf(resource));
    const checks = input.checks.filter((check) => resources.has(check.resourceUid));
    const orphanChecks = input.checks.length - checks.length;
    const contentSha256 = importDigest(input.source, resources, checks);

    return inTransaction(this.db, async (trx) => {
      await this.lockAnalysisState(trx, organizationId);
      await trx
        .insertInto('cloud_accounts')
        .values({
          organization_id: organizationId,
          provider: input.provider,
          account_id: input.accountId,
          created_at: now,
          updated_at: now,
        })
        .onConflict((conflict) => conflict.columns(['organization_id', 'provider', 'account_id']).doNothing())
        .execute();
      const accountRow = await trx
        .selectFrom('cloud_accounts')
        .select(['id', 'provider', 'account_id'])
        .where('organization_id', '=', organizationId)
        .where('provider', '=', input.provider)
        .where('account_id', '=', input.accountId)
        .executeTakeFirstOrThrow();
      const account = { id: accountRow.id, provider: accountRow.provider, accountId: accountRow.account_id };
      const current = await trx
        .selectFrom('cloud_snapshots')
        .selectAll()
        .where('cloud_account_id', '=', account.id)
        .where('source', '=', input.source)
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (current?.content_sha256 === contentSha256) {
        return { account, snapshot: toSnapshotView(current), created: false, orphanChecks };
      }

      await trx
        .deleteFrom('cloud_checks')
        .where('cloud_account_id', '=', account.id)
        .where('source', '=', input.source)
        .execute();
      const checkRows = checks.map((check) => ({
        organization_id: organizationId,
        cloud_account_id: account.id,
        source: input.source,
        resource_uid: check.resourceUid,
        check_id: check.checkId,
        title: check.title,
        severity: check.severity,
        status: check.status,
        message: check.message,
        categories: JSON.stringify(check.categories),
      }));
      for (const batch of chunk(checkRows, Math.floor(MAX_PARAMETERS / 10))) {
        await trx.insertInto('cloud_checks').values(batch).execute();
      }
      await mergeObservations(trx, organizationId, account.id, input.source, resources, now);

      const snapshot = await trx
        .insertInto('cloud_snapshots')
        .values({
          organization_id: organizationId,
          cloud_account_id: account.id,
          source: input.source,
          content_sha256: contentSha256,
          observed_at: input.observedAt,
          imported_at: now,
          resources: resources.size,
          checks: checks.length,
          failing_checks: checks.filter((check) => check.status === 'fail').length,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await trx.updateTable('cloud_accounts').set({ updated_at: now }).where('id', '=', account.id).execute();
      await requestAnalysis(trx, organizationId);
      return { account, snapshot: toSnapshotView(snapshot), created: true, orphanChecks };
    });
  }

  async listAccounts(organizationId: number): Promise<CloudAccountView[]> {
    const accounts = await this.db
      .selectFrom('cloud_accounts')
      .select(['id', 'provider', 'account_id', 'updated_at'])
      .where('organization_id', '=', organizationId)
      .orderBy('provider')
      .orderBy('account_id')
      .execute();
    const resourceCounts = await this.db
      .selectFrom('cloud_resources')
      .select(['cloud_account_id', (eb) => eb.fn.countAll<number>().as('count')])
      .where('organization_id', '=', organizationId)
      .groupBy('cloud_account_id')
      .execute();
    const failing = await this.db
      .selectFrom('cloud_checks')
      .select(['cloud_account_id', (eb) => eb.fn.countAll<number>().as('count')])
      .where('organization_id', '=', organizationId)
      .where('status', '=', 'fail')
      .groupBy('cloud_account_id')
      .execute();
    const sources = await this.currentSnapshots(organizationId);
    const resourcesBy = new Map(resourceCounts.map((row) => [row.cloud_account_id, Number(row.count)]));
    const failingBy = new Map(failing.map((row) => [row.cloud_account_id, Number(row.count)]));
    return accounts.map((row) => ({
      id: row.id,
      provider: row.provider,
      accountId: row.account_id,
      resources: resourcesBy.get(row.id) ?? 0,
      failingChecks: failingBy.get(row.id) ?? 0,
      sources: sources.get(row.id) ?? [],
      updatedAt: row.updated_at,
    }));
  }

  async getAccount(organizationId: number, accountId: number): Promise<CloudAccountView | undefined> {
    return (await this.listAccounts(organizationId)).find((account) => account.id === accountId);
  }

  /** Per day, the last snapshot of each source added up: the account's inventory size and failing checks. */
  async accountHistory(organizationId: number, accountId: number): Promise<DailyCount[]> {
    const rows = await this.db
      .selectFrom('cloud_snapshots')
      .select(['source', 'imported_at', 'resources', 'failing_checks'])
      .where('organization_id', '=', organizationId)
      .where('cloud_account_id', '=', accountId)
      .orderBy('id')
      .execute();
    const bySource = new Map<string, { resources: number; failing: number }>();
    const days = new Map<string, DailyCount>();
    for (const row of rows) {
      bySource.set(row.source, { resources: row.resources, failing: row.failing_checks });
      let resources = 0;
      let failingChecks = 0;
      for (const counts of bySource.values()) {
        resources = Math.max(resources, counts.resources);
        failingChecks += counts.failing;
      }
      const day = row.imported_at.slice(0, 10);
      days.set(day, { day, resources, failingChecks });
    }
    return [...days.values()];
  }

  /** A page of the account's resources with their checks, ordered by uid. */
  async listAccountResources(
    organizationId: number,
    accountId: number,
    limit: number,
    offset: number,
  ): Promise<{ items: CloudResourceView[]; total: number }> {
    const base = this.db
      .selectFrom('cloud_resources')
      .where('organization_id', '=', organizationId)
      .where('cloud_account_id', '=', accountId);
    const counted = await base.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
    const rows = await base.selectAll().orderBy('uid').orderBy('id').limit(limit).offset(offset).execute();
    return { items: await this.toResourceViews(organizationId, rows), total: Number(counted.count) };
  }

  async getResource(organizationId: number, resourceId: number): Promise<CloudResourceView | undefined> {
    const row = await this.db
      .selectFrom('cloud_resources')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .where('id', '=', resourceId)
      .executeTakeFirst();
    return row ? (await this.toResourceViews(organizationId, [row]))[0] : undefined;
  }

  /** The IaC resources linked to a deployed resource. */
  async codeLinksOf(organizationId: number, cloudResourceId: number): Promise<CodeLinkView[]> {
    return (await this.codeLinksOfResources(organizationId, [cloudResourceId])).get(cloudResourceId) ?? [];
  }

  /**
   * The IaC resources linked to each of these deployed resources, in as few queries as the id list allows
   * (pages list many resources). Resources without a link are absent from the map.
   */
  async codeLinksOfResources(
    organizationId: number,
    cloudResourceIds: readonly number[],
  ): Promise<Map<number, CodeLinkView[]>> {
    const links = new Map<number, CodeLinkView[]>();
    for (const batch of chunk([...new Set(cloudResourceIds)], ID_CHUNK)) {
      const rows = await this.db
        .selectFrom('resource_links')
        .innerJoin('iac_resources', 'iac_resources.id', 'resource_links.iac_resource_id')
        .innerJoin('branch_inventories', 'branch_inventories.id', 'iac_resources.inventory_id')
        .innerJoin('repositories', 'repositories.id', 'branch_inventories.repository_id')
        .select([
          'resource_links.cloud_resource_id',
          'resource_links.method',
          'repositories.id as repository_id',
          'repositories.provider',
          'repositories.owner',
          'repositories.name as repository_name',
          'branch_inventories.branch',
          'iac_resources.address',
          'iac_resources.file',
          'iac_resources.line',
        ])
        .where('resource_links.organization_id', '=', organizationId)
        .where('resource_links.cloud_resource_id', 'in', batch)
        .orderBy('repositories.name')
        .orderBy('branch_inventories.branch')
        .orderBy('iac_resources.address')
        .orderBy('resource_links.id')
        .execute();
      for (const row of rows) {
        const link: CodeLinkView = {
          method: row.method as LinkMethod,
          weak: row.method === 'name-heuristic',
          repository: {
            id: row.repository_id,
            provider: row.provider,
            owner: row.owner,
            name: row.repository_name,
          },
          branch: row.branch,
          address: row.address,
          file: row.file,
          line: row.line,
        };
        push(links, row.cloud_resource_id, link);
      }
    }
    return links;
  }

  /** Traits of a resource by its analysis key (`iac:<id>`, `cloud:<id>`). */
  async traitsOf(organizationId: number, resourceKey: string): Promise<TraitView[]> {
    return (await this.traitsOfResources(organizationId, [resourceKey])).get(resourceKey) ?? [];
  }

  /** Traits of each of these resources by analysis key, batched; resources without a trait are absent. */
  async traitsOfResources(
    organizationId: number,
    resourceKeys: readonly string[],
  ): Promise<Map<string, TraitView[]>> {
    const traits = new Map<string, TraitView[]>();
    for (const batch of chunk([...new Set(resourceKeys)], ID_CHUNK)) {
      const rows = await this.db
        .selectFrom('resource_traits')
        .select(['resource_key', 'trait', 'reason'])
        .where('organization_id', '=', organizationId)
        .where('resource_key', 'in', batch)
        .orderBy('trait')
        .orderBy('id')
        .execute();
      for (const { resource_key, ...trait } of rows) push(traits, resource_key, trait);
    }
    return traits;
  }

  /** The deployed resources a finding's IaC resource is linked to, with their failing runtime checks. */
  async deployedForFinding(organizationId: number, findingId: number): Promise<DeployedResourceView[]> {
    const rows = await this.db
      .selectFrom('findings')
      .innerJoin('branch_inventories', (join) =>
        join
          .onRef('branch_inventories.repository_id', '=', 'findings.repository_id')
          .onRef('branch_inventories.branch', '=', 'findings.branch'),
      )
      .innerJoin('iac_resources', (join) =>
        join
          .onRef('iac_resources.inventory_id', '=', 'branch_inventories.id')
          .onRef('iac_resources.address', '=', 'findings.resource'),
      )
      .innerJoin('resource_links', 'resource_links.iac_resource_id', 'iac_resources.id')
      .innerJoin('cloud_resources', 'cloud_resources.id', 'resource_links.cloud_resource_id')
      .innerJoin('cloud_accounts', 'cloud_accounts.id', 'cloud_resources.cloud_account_id')
      .select([
        'cloud_resources.id',
        'cloud_resources.uid',
        'cloud_resources.name',
        'cloud_resources.type',
        'cloud_resources.region',
        'cloud_resources.cloud_account_id',
        'cloud_accounts.provider',
        'cloud_accounts.account_id',
        'resource_links.method',
      ])
      .where('findings.organization_id', '=', organizationId)
      .where('findings.id', '=', findingId)
      .orderBy('cloud_accounts.account_id')
      .orderBy('cloud_resources.uid')
      .execute();
    const seen = new Set<number>();
    const unique = rows.filter((row) => !seen.has(row.id) && seen.add(row.id));
    const checks = await this.checksOf(
      organizationId,
      unique.map((row) => ({ accountId: row.cloud_account_id, uid: row.uid })),
      'fail',
    );
    return unique.map((row) => ({
      id: row.id,
      account: { id: row.cloud_account_id, provider: row.provider, accountId: row.account_id },
      region: row.region,
      uid: row.uid,
      name: row.name,
      type: row.type,
      method: row.method as LinkMethod,
      weak: row.method === 'name-heuristic',
      failingChecks: checks.get(`${row.cloud_account_id}\u0000${row.uid}`) ?? [],
    }));
  }

  /** The finding's stored priority and the commit of its last scan, for the finding view. */
  async findingExtras(
    organizationId: number,
    findingId: number,
  ): Promise<{ priority: PriorityView | null; commit: string | null } | undefined> {
    const row = await this.db
      .selectFrom('findings')
      .leftJoin('scans', 'scans.id', 'findings.last_scan_id')
      .select(['findings.priority_score', 'findings.priority_details', 'scans.commit_sha'])
      .where('findings.organization_id', '=', organizationId)
      .where('findings.id', '=', findingId)
      .executeTakeFirst();
    if (!row) return undefined;
    let priority: PriorityView | null = null;
    if (row.priority_score !== null && row.priority_details !== null) {
      const details = JSON.parse(row.priority_details) as { factors: PriorityFactor[]; reasons: string[] };
      priority = { score: row.priority_score, reasons: details.reasons, factors: details.factors };
    }
    return { priority, commit: row.commit_sha };
  }

  /** Stored priority scores of these findings (those the analysis scored), for lists and exports. */
  async priorityScores(organizationId: number, findingIds: readonly number[]): Promise<Map<number, number>> {
    const scores = new Map<number, number>();
    for (const batch of chunk([...new Set(findingIds)], ID_CHUNK)) {
      const rows = await this.db
        .selectFrom('findings')
        .select(['id', 'priority_score'])
        .where('organization_id', '=', organizationId)
        .where('id', 'in', batch)
        .where('priority_score', 'is not', null)
        .execute();
      for (const row of rows) scores.set(row.id, Number(row.priority_score));
    }
    return scores;
  }

  // ---- analysis job ----

  /** Marks the organisation's analysis out of date (also done by imports and inventories themselves). */
  async requestAnalysis(organizationId: number): Promise<void> {
    await requestAnalysis(this.db, organizationId);
  }

  /**
   * Claims an organisation whose analysis is out of date and not leased by a live worker. The claim is a
   * conditional update, so two replicas never analyse one organisation at once.
   */
  async claimAnalysis(now: string, leaseMs: number): Promise<ClaimedAnalysis | undefined> {
    const candidates = await this.db
      .selectFrom('analysis_state')
      .select('organization_id')
      .whereRef('requested', '>', 'completed')
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
      .orderBy('organization_id')
      .limit(10)
      .execute();
    const leaseUntil = new Date(Date.parse(now) + leaseMs).toISOString();
    for (const candidate of candidates) {
      const claimed = await this.db
        .updateTable('analysis_state')
        .set({ lease_until: leaseUntil })
        .where('organization_id', '=', candidate.organization_id)
        .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
        .returning('requested')
        .executeTakeFirst();
      if (claimed) return { organizationId: candidate.organization_id, generation: claimed.requested };
    }
    return undefined;
  }

  async renewAnalysisLease(organizationId: number, leaseUntil: string): Promise<void> {
    await this.db
      .updateTable('analysis_state')
      .set({ lease_until: leaseUntil })
      .where('organization_id', '=', organizationId)
      .execute();
  }

  /**
   * Releases the claim; on success, the requests up to `generation` are done (later ones stay pending). A
   * failure keeps the organisation out of date and untouched until `retryAt`.
   */
  async finishAnalysis(
    claim: ClaimedAnalysis,
    now: string,
    error: string | null,
    retryAt: string | null = null,
  ): Promise<void> {
    await this.db
      .updateTable('analysis_state')
      .set({
        lease_until: error === null ? null : retryAt,
        last_run_at: now,
        last_error: error,
        ...(error === null
          ? {
              completed: sql<number>`case when completed > ${claim.generation} then completed else ${claim.generation} end`,
            }
          : {}),
      })
      .where('organization_id', '=', claim.organizationId)
      .execute();
  }

  /** True when some organisation's analysis is out of date (for tests and readiness). */
  async analysisPending(organizationId: number): Promise<boolean> {
    const row = await this.db
      .selectFrom('analysis_state')
      .select(['requested', 'completed'])
      .where('organization_id', '=', organizationId)
      .executeTakeFirst();
    return row !== undefined && row.requested > row.completed;
  }

  async lastAnalysis(
    organizationId: number,
  ): Promise<
    | { lastRunAt: string | null; lastError: string | null; pending: boolean; attackPathsTruncated: boolean }
    | undefined
  > {
    const row = await this.db
      .selectFrom('analysis_state')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .executeTakeFirst();
    return (
      row && {
        lastRunAt: row.last_run_at,
        lastError: row.last_error,
        pending: row.requested > row.completed,
        attackPathsTruncated: row.attack_paths_truncated === 1,
      }
    );
  }

  /** Open findings whose owner no person assigned: the analysis derives theirs. */
  async ownerCandidates(organizationId: number): Promise<OwnerCandidate[]> {
    const rows = await this.db
      .selectFrom('findings')
      .select(['id', 'repository_id', 'branch', 'file', 'resource', 'owner'])
      .where('organization_id', '=', organizationId)
      .where('status', '=', 'open')
      .where((eb) => eb.or([eb('owner_source', 'is', null), eb('owner_source', '!=', 'assigned')]))
      .orderBy('id')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      repositoryId: row.repository_id,
      branch: row.branch,
      file: row.file,
      resource: row.resource,
      owner: row.owner,
    }));
  }

  /** Loads what the analysis of one organisation reads. */
  async loadAnalysisInput(organizationId: number): Promise<AnalysisInput> {
    const inventories = await this.db
      .selectFrom('branch_inventories')
      .select(['id', 'repository_id', 'branch', 'inventory_scan_id', 'codeowners', 'updated_at'])
      .where('organization_id', '=', organizationId)
      .execute();
    const analysedBranches = defaultBranches(
      inventories
        .filter((inventory) => inventory.inventory_scan_id !== null)
        .map((inventory) => ({
          repositoryId: inventory.repository_id,
          branch: inventory.branch,
          updatedAt: inventory.updated_at,
        })),
    );
    // Repositories without any IaC inventory still get scores and priorities for their default branch.
    const scannedBranches = await this.db
      .selectFrom('scans')
      .select(['repository_id', 'branch', (eb) => eb.fn.max('created_at').as('last')])
      .where('organization_id', '=', organizationId)
      .where('kind', '=', 'full')
      .groupBy(['repository_id', 'branch'])
      .execute();
    const scannedDefaults = defaultBranches(
      scannedBranches.map((row) => ({
        repositoryId: row.repository_id,
        branch: row.branch,
        updatedAt: String(row.last),
      })),
    );
    for (const [repositoryId, branch] of scannedDefaults) {
      if (!analysedBranches.has(repositoryId)) analysedBranches.set(repositoryId, branch);
    }

    const branchOf = new Map(inventories.map((inventory) => [inventory.id, inventory]));
    const iacRows = await this.db
      .selectFrom('iac_resources')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .orderBy('id')
      .execute();
    const iacResources: StoredIacResource[] = iacRows.map((row) => {
      const inventory = branchOf.get(row.inventory_id)!;
      return {
        id: row.id,
        repositoryId: inventory.repository_id,
        branch: inventory.branch,
        family: row.family as StoredIacResource['family'],
        type: row.type,
        ...(row.kind === null ? {} : { kind: row.kind }),
        address: row.address,
        ...(row.module_path === null ? {} : { modulePath: row.module_path }),
        ...(row.name === null ? {} : { name: row.name }),
        file: row.file,
        line: row.line,
        ...(row.trace_tag === null ? {} : { traceTag: row.trace_tag }),
        tags: JSON.parse(row.tags) as Record<string, string>,
        references: JSON.parse(row.reference_addresses) as string[],
      };
    });

    const accounts = await this.db
      .selectFrom('cloud_accounts')
      .select(['id', 'provider', 'account_id'])
      .where('organization_id', '=', organizationId)
      .execute();
    const accountOf = new Map(accounts.map((account) => [account.id, account]));
    const cloudRows = await this.db
      .selectFrom('cloud_resources')
      // Not `observations`: the merged columns are what the analysis reads.
      .select([
        'id',
        'cloud_account_id',
        'uid',
        'type',
        'kind',
        'region',
        'name',
        'tags',
        'terraform_address',
        'cloudformation_stack',
        'cloudformation_logical_id',
        'related',
      ])
      .where('organization_id', '=', organizationId)
      .orderBy('id')
      .execute();
    const cloudResources: StoredCloudResource[] = cloudRows.map((row) => {
      const account = accountOf.get(row.cloud_account_id)!;
      const origin = originOf(row);
      return {
        id: row.id,
        uid: row.uid,
        provider: account.provider as CloudResource['provider'],
        accountId: account.account_id,
        region: row.region,
        type: row.type,
        ...(row.kind === null ? {} : { kind: row.kind }),
        name: row.name,
        tags: JSON.parse(row.tags) as Record<string, string>,
        ...(origin ? { origin } : {}),
        related: JSON.parse(row.related) as string[],
      };
    });
    const cloudIdOf = new Map(cloudRows.map((row) => [`${row.cloud_account_id}\u0000${row.uid}`, row.id]));
    const checkRows = await this.db
      .selectFrom('cloud_checks')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .orderBy('id')
      .execute();
    const checks = checkRows.flatMap((row) => {
      const cloudResourceId = cloudIdOf.get(`${row.cloud_account_id}\u0000${row.resource_uid}`);
      if (cloudResourceId === undefined) return [];
      return [
        {
          cloudResourceId,
          resourceUid: row.resource_uid,
          checkId: row.check_id,
          title: row.title,
          severity: row.severity as Severity,
          status: row.status as CloudCheckResult['status'],
          message: row.message,
          categories: JSON.parse(row.categories) as string[],
        },
      ];
    });

    const findings: StoredFinding[] = [];
    for (const [repositoryId, branch] of analysedBranches) {
      const rows = await this.db
        .selectFrom('findings')
        .select([
          'id',
          'repository_id',
          'branch',
          'rule_id',
          'title',
          'severity',
          'category',
          'status',
          'tags',
          'message',
          'file',
          'resource',
        ])
        .where('organization_id', '=', organizationId)
        .where('repository_id', '=', repositoryId)
        .where('branch', '=', branch)
        .orderBy('id')
        .execute();
      for (const row of rows) {
        findings.push({
          id: row.id,
          repositoryId: row.repository_id,
          branch: row.branch,
          ruleId: row.rule_id,
          title: row.title,
          severity: row.severity as Severity,
          category: row.category,
          status: row.status,
          tags: JSON.parse(row.tags) as string[],
          message: row.message,
          file: row.file,
          resource: row.resource,
        });
      }
    }
    const codeowners = inventories.flatMap((inventory) =>
      inventory.codeowners === null
        ? []
        : [{ repositoryId: inventory.repository_id, branch: inventory.branch, text: inventory.codeowners }],
    );
    return { iacResources, cloudResources, checks, analysedBranches, findings, codeowners };
  }

  /** Replaces the organisation's derived data with one analysis run's, in one transaction. */
  async storeAnalysis(organizationId: number, output: AnalysisOutput, now: string): Promise<void> {
    const day = now.slice(0, 10);
    await inTransaction(this.db, async (trx) => {
      await this.lockAnalysisState(trx, organizationId);
      // An import or scan during the run may have removed resources the run linked: those links are dropped
      // (the organisation is out of date again and the next run links what is there now).
      const existingIac = new Set(
        (
          await trx
            .selectFrom('iac_resources')
            .select('id')
            .where('organization_id', '=', organizationId)
            .execute()
        ).map((row) => row.id),
      );
      const existingCloud = new Set(
        (
          await trx
            .selectFrom('cloud_resources')
            .select('id')
            .where('organization_id', '=', organizationId)
            .execute()
        ).map((row) => row.id),
      );
      await trx.deleteFrom('resource_links').where('organization_id', '=', organizationId).execute();
      const linkRows = output.links
        .filter((link) => existingIac.has(link.iacResourceId) && existingCloud.has(link.cloudResourceId))
        .map((link) => ({
          organization_id: organizationId,
          iac_resource_id: link.iacResourceId,
          cloud_resource_id: link.cloudResourceId,
          method: link.method,
        }));
      for (const batch of chunk(linkRows, Math.floor(MAX_PARAMETERS / 4))) {
        await trx.insertInto('resource_links').values(batch).execute();
      }

      await trx.deleteFrom('resource_traits').where('organization_id', '=', organizationId).execute();
      const traitRows = [...output.result.traits].flatMap(([key, traits]) =>
        traits.map((trait: ResourceTrait) => ({
          organization_id: organizationId,
          resource_key: key,
          trait: trait.trait,
          reason: trait.reason,
          evidence: JSON.stringify(trait.evidence),
        })),
      );
      for (const batch of chunk(traitRows, Math.floor(MAX_PARAMETERS / 5))) {
        await trx.insertInto('resource_traits').values(batch).execute();
      }

      // Priorities: written where they changed, cleared where the analysis gave none.
      const stored = await trx
        .selectFrom('findings')
        .select(['id', 'priority_score', 'priority_details'])
        .where('organization_id', '=', organizationId)
        .where('priority_score', 'is not', null)
        .execute();
      const storedById = new Map(stored.map((row) => [row.id, row]));
      const cleared = stored.filter((row) => !output.result.priorities.has(row.id)).map((row) => row.id);
      for (const batch of chunk(cleared, ID_CHUNK)) {
        await trx
          .updateTable('findings')
          .set({ priority_score: null, priority_details: null })
          .where('organization_id', '=', organizationId)
          .where('id', 'in', batch)
          .execute();
      }
      // In id order, as other writers of findings go, so that deadlocks stay rare (inTransaction retries the rest).
      const priorities = [...output.result.priorities.values()].sort((a, b) => a.findingId - b.findingId);
      for (const priority of priorities) {
        const details = JSON.stringify({ factors: priority.factors, reasons: priority.reasons });
        const known = storedById.get(priority.findingId);
        if (known?.priority_score === priority.score && known.priority_details === details) continue;
        await trx
          .updateTable('findings')
          .set({
            priority_score: priority.score,
            priority_details: details,
          })
          .where('organization_id', '=', organizationId)
          .where('id', '=', priority.findingId)
          .execute();
      }

      await trx.deleteFrom('attack_paths').where('organization_id', '=', organizationId).execute();
      await trx
        .updateTable('analysis_state')
        .set({ attack_paths_truncated: output.result.attackPathsTruncated ? 1 : 0 })
        .where('organization_id', '=', organizationId)
        .execute();
      const pathRows = output.result.attackPaths.map((path, index) => ({
        organization_id: organizationId,
        rank: index + 1,
        path_key: path.id,
        severity: path.severity,
        hops: path.hops,
        admin_privilege: path.adminPrivilege ? 1 : 0,
        sentence: path.sentence,
        details: JSON.stringify({ nodes: path.nodes, edges: path.edges, findingIds: path.findingIds }),
        computed_at: now,
      }));
      for (const batch of chunk(pathRows, 1000)) {
        await trx.insertInto('attack_paths').values(batch).execute();
      }

      const scores: {
        scope: 'organization' | 'repository' | 'account';
        subject: string;
        score: SecureScore;
      }[] = [
        { scope: 'organization', subject: '', score: output.result.scores.organization },
        ...[...output.result.scores.repositories].map(([id, score]) => ({
          scope: 'repository' as const,
          subject: String(id),
          score,
        })),
        ...[...output.result.scores.accounts].map(([id, score]) => ({
          scope: 'account' as const,
          subject: id,
          score,
        })),
      ];
      // Today's rows are rewritten; scopes that no longer exist lose today's row only, keeping their history.
      await trx
        .deleteFrom('secure_scores')
        .where('organization_id', '=', organizationId)
        .where('day', '=', day)
        .execute();
      const scoreRows = scores.map(({ scope, subject, score }) => ({
        organization_id: organizationId,
        scope,
        subject,
        day,
        points: score.points,
        max_points: score.maxPoints,
        percent: score.percent,
        controls: JSON.stringify(score.controls),
        computed_at: now,
      }));
      for (const batch of chunk(scoreRows, 1000)) {
        await trx.insertInto('secure_scores').values(batch).execute();
      }
    });
  }

  /**
   * Serialises, per organisation, what writes resources and what writes links to them (imports, scan
   * inventories, analysis results): on PostgreSQL the analysis_state row is locked until the transaction
   * ends. SQLite runs one write transaction at a time anyway.
   */
  private async lockAnalysisState(trx: Transaction<Database>, organizationId: number): Promise<void> {
    if (this.dialect !== 'postgres') return;
    await trx
      .insertInto('analysis_state')
      .values({ organization_id: organizationId, requested: 0, completed: 0 })
      .onConflict((conflict) => conflict.column('organization_id').doNothing())
      .execute();
    await trx
      .selectFrom('analysis_state')
      .select('organization_id')
      .where('organization_id', '=', organizationId)
      .forUpdate()
      .execute();
  }

  // ---- reads of derived data ----

  /** The latest secure score of every scope, and its daily history (oldest first). */
  async scores(
    organizationId: number,
    historyDays: number,
  ): Promise<{ current: ScoreView[]; history: Map<string, ScoreHistoryPoint[]> }> {
    const rows = await this.db
      .selectFrom('secure_scores')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .orderBy('scope')
      .orderBy('subject')
      .orderBy('day')
      .execute();
    const latestDay =
      rows
        .map((row) => row.day)
        .sort(compareText)
        .at(-1) ?? '';
    const cutoff = new Date(Date.parse(`${latestDay || '1970-01-01'}T00:00:00Z`) - historyDays * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const current: ScoreView[] = [];
    const history = new Map<string, ScoreHistoryPoint[]>();
    for (const row of rows) {
      const key = `${row.scope}:${row.subject}`;
      if (row.day > cutoff) {
        const points = history.get(key) ?? [];
        points.push({
          day: row.day,
          points: Number(row.points),
          maxPoints: Number(row.max_points),
          percent: row.percent === null ? null : Number(row.percent),
        });
        history.set(key, points);
      }
      if (row.day === latestDay) {
        current.push({
          scope: row.scope,
          subject: row.subject,
          day: row.day,
          computedAt: row.computed_at,
          points: Number(row.points),
          maxPoints: Number(row.max_points),
          percent: row.percent === null ? null : Number(row.percent),
          controls: JSON.parse(row.controls) as SecureScore['controls'],
        });
      }
    }
    return { current, history };
  }

  async attackPaths(organizationId: number, limit: number): Promise<AttackPathView[]> {
    const rows = await this.db
      .selectFrom('attack_paths')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .orderBy('rank')
      .limit(limit)
      .execute();
    return rows.map((row) => {
      const details = JSON.parse(row.details) as Pick<AttackPath, 'nodes' | 'edges' | 'findingIds'>;
      return {
        id: row.path_key,
        rank: row.rank,
        severity: row.severity as Severity | null,
        hops: row.hops,
        adminPrivilege: row.admin_privilege === 1,
        sentence: row.sentence,
        nodes: details.nodes,
        edges: details.edges,
        findingIds: details.findingIds,
        computedAt: row.computed_at,
      };
    });
  }

  // ---- governance ----

  /**
   * Open findings first seen before their severity's cutoff (the SLA deadline has passed), oldest first,
   * and how many there are in all.
   */
  async overdueFindings(
    organizationId: number,
    cutoffs: Partial<Record<Severity, string>>,
    limit: number,
  ): Promise<{ items: GovernanceFinding[]; total: number }> {
    const severities = Object.entries(cutoffs) as [Severity, string][];
    if (severities.length === 0) return { items: [], total: 0 };
    const base = this.db
      .selectFrom('findings')
      .where('findings.organization_id', '=', organizationId)
      .where('findings.status', '=', 'open')
      .where((eb) =>
        eb.or(
          severities.map(([severity, cutoff]) =>
            eb.and([eb('findings.severity', '=', severity), eb('findings.first_seen_at', '<', cutoff)]),
          ),
        ),
      );
    const counted = await base.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
    // Most overdue first means furthest past its own severity's cutoff. The top `limit` overall are among each
    // severity's `limit` oldest, so each severity is read by its index and the lists are merged here.
    const overdueBy = (finding: GovernanceFinding): number =>
      Date.parse(cutoffs[finding.severity] ?? finding.firstSeenAt) - Date.parse(finding.firstSeenAt);
    const candidates: GovernanceFinding[] = [];
    for (const [severity, cutoff] of severities) {
      const rows = await this.governanceColumns(
        this.db
          .selectFrom('findings')
          .where('findings.organization_id', '=', organizationId)
          .where('findings.status', '=', 'open')
          .where('findings.severity', '=', severity)
          .where('findings.first_seen_at', '<', cutoff),
      )
        .orderBy('findings.first_seen_at')
        .orderBy('findings.id')
        .limit(limit)
        .execute();
      candidates.push(...rows.map(toGovernanceFinding));
    }
    candidates.sort(
      (a, b) =>
        overdueBy(b) - overdueBy(a) || SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || a.id - b.id,
    );
    return { items: candidates.slice(0, limit), total: Number(counted.count) };
  }

  /** Findings first seen since `since`, and findings closed since then (by their close event). */
  async weekActivity(
    organizationId: number,
    since: string,
  ): Promise<{ opened: GovernanceFinding[]; fixed: GovernanceFinding[] }> {
    const opened = await this.governanceColumns(
      this.db
        .selectFrom('findings')
        .where('findings.organization_id', '=', organizationId)
        .where('findings.first_seen_at', '>=', since),
    )
      .orderBy('findings.id')
      .execute();
    const fixed = await this.governanceColumns(
      this.db
        .selectFrom('findings')
        .where('findings.organization_id', '=', organizationId)
        .where('findings.status', '=', 'closed')
        .where('findings.mitigated_at', '>=', since),
    )
      .orderBy('findings.id')
      .execute();
    return { opened: opened.map(toGovernanceFinding), fixed: fixed.map(toGovernanceFinding) };
  }

  /** Open findings by priority, highest first. */
  async topPriorities(
    organizationId: number,
    limit: number,
  ): Promise<(GovernanceFinding & { score: number; reasons: string[] })[]> {
    const rows = await this.governanceColumns(
      this.db
        .selectFrom('findings')
        .where('findings.organization_id', '=', organizationId)
        .where('findings.status', '=', 'open')
        .where('findings.priority_score', 'is not', null),
    )
      .select(['findings.priority_score', 'findings.priority_details'])
      .orderBy('findings.priority_score', 'desc')
      .orderBy('findings.severity_rank', 'desc')
      .orderBy('findings.id')
      .limit(limit)
      .execute();
    return rows.map((row) => ({
      ...toGovernanceFinding(row),
      score: row.priority_score ?? 0,
      reasons:
        row.priority_details === null
          ? []
          : (JSON.parse(row.priority_details) as { reasons: string[] }).reasons,
    }));
  }

  /** Open findings per owner (null: nobody) and severity. */
  async openByOwner(
    organizationId: number,
  ): Promise<{ owner: string | null; source: string | null; severity: Severity; count: number }[]> {
    const rows = await this.db
      .selectFrom('findings')
      .select(['owner', 'owner_source', 'severity', (eb) => eb.fn.countAll<number>().as('count')])
      .where('organization_id', '=', organizationId)
      .where('status', '=', 'open')
      .groupBy(['owner', 'owner_source', 'severity'])
      .execute();
    return rows.map((row) => ({
      owner: row.owner,
      source: row.owner_source,
      severity: row.severity as Severity,
      count: Number(row.count),
    }));
  }

  /** Names for score subjects: repositories by id, cloud accounts by their account id. */
  async scoreSubjects(
    organizationId: number,
  ): Promise<{ repositories: Map<string, string>; accounts: Map<string, string> }> {
    const repositories = await this.db
      .selectFrom('repositories')
      .select(['id', 'owner', 'name'])
      .where('organization_id', '=', organizationId)
      .execute();
    const accounts = await this.db
      .selectFrom('cloud_accounts')
      .select(['provider', 'account_id'])
      .where('organization_id', '=', organizationId)
      .execute();
    return {
      repositories: new Map(repositories.map((row) => [String(row.id), `${row.owner}/${row.name}`])),
      accounts: new Map(accounts.map((row) => [row.account_id, `${row.provider} ${row.account_id}`])),
    };
  }

  private governanceColumns<T extends ReturnType<typeof this.findingsFrom>>(query: T) {
    return query
      .innerJoin('repositories', 'repositories.id', 'findings.repository_id')
      .select([
        'findings.id',
        'findings.rule_id',
        'findings.title',
        'findings.severity',
        'findings.status',
        'findings.branch',
        'findings.file',
        'findings.start_line',
        'findings.owner',
        'findings.first_seen_at',
        'repositories.id as repository_id',
        'repositories.owner as repository_owner',
        'repositories.name as repository_name',
      ]);
  }

  private findingsFrom() {
    return this.db.selectFrom('findings');
  }

  // ---- helpers ----

  private async currentSnapshots(organizationId: number): Promise<Map<number, CloudSnapshotView[]>> {
    const latest = this.db
      .selectFrom('cloud_snapshots')
      .select([(eb) => eb.fn.max('id').as('id')])
      .where('organization_id', '=', organizationId)
      .groupBy(['cloud_account_id', 'source']);
    const rows = await this.db
      .selectFrom('cloud_snapshots')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .where('id', 'in', latest)
      .orderBy('source')
      .execute();
    const byAccount = new Map<number, CloudSnapshotView[]>();
    for (const row of rows) {
      const list = byAccount.get(row.cloud_account_id) ?? [];
      list.push(toSnapshotView(row));
      byAccount.set(row.cloud_account_id, list);
    }
    return byAccount;
  }

  private async checksOf(
    organizationId: number,
    resources: readonly { accountId: number; uid: string }[],
    status?: string,
  ): Promise<Map<string, CloudCheckView[]>> {
    const byResource = new Map<string, CloudCheckView[]>();
    const accounts = [...new Set(resources.map((resource) => resource.accountId))];
    for (const accountId of accounts) {
      const uids = resources
        .filter((resource) => resource.accountId === accountId)
        .map((resource) => resource.uid);
      for (const batch of chunk(uids, ID_CHUNK)) {
        let query = this.db
          .selectFrom('cloud_checks')
          .selectAll()
          .where('organization_id', '=', organizationId)
          .where('cloud_account_id', '=', accountId)
          .where('resource_uid', 'in', batch);
        if (status !== undefined) query = query.where('status', '=', status);
        const rows = await query.orderBy('id').execute();
        for (const row of rows) {
          const key = `${accountId}\u0000${row.resource_uid}`;
          const list = byResource.get(key) ?? [];
          list.push({
            source: row.source,
            checkId: row.check_id,
            title: row.title,
            severity: row.severity as Severity,
            status: row.status,
            message: row.message,
            categories: JSON.parse(row.categories) as string[],
          });
          byResource.set(key, list);
        }
      }
    }
    for (const list of byResource.values()) {
      list.sort(
        (a, b) =>
          compareText(a.status, b.status) ||
          SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
          compareText(a.checkId, b.checkId),
      );
    }
    return byResource;
  }

  private async toResourceViews(
    organizationId: number,
    list: readonly CloudResourceRow[],
  ): Promise<CloudResourceView[]> {
    const accountIds = [...new Set(list.map((row) => row.cloud_account_id))];
    const accounts =
      accountIds.length === 0
        ? []
        : await this.db
            .selectFrom('cloud_accounts')
            .select(['id', 'provider', 'account_id'])
            .where('organization_id', '=', organizationId)
            .where('id', 'in', accountIds)
            .execute();
    const accountOf = new Map(accounts.map((account) => [account.id, account]));
    const checks = await this.checksOf(
      organizationId,
      list.map((row) => ({ accountId: row.cloud_account_id, uid: row.uid })),
    );
    return list.map((row) => {
      const account = accountOf.get(row.cloud_account_id)!;
      return {
        id: row.id,
        account: { id: account.id, provider: account.provider, accountId: account.account_id },
        uid: row.uid,
        type: row.type,
        kind: row.kind,
        region: row.region,
        name: row.name,
        tags: JSON.parse(row.tags) as Record<string, string>,
        origin: originOf(row) ?? null,
        related: JSON.parse(row.related) as string[],
        sources: Object.keys(JSON.parse(row.observations) as Record<string, unknown>).sort(),
        checks: checks.get(`${row.cloud_account_id}\u0000${row.uid}`) ?? [],
      };
    });
  }
}

type CloudResourceRow = Selectable<CloudResourceTable>;

/** One source's view of a resource, as `observations` keeps it. */
interface Observation {
  type: string;
  kind: string | null;
  region: string | null;
  name: string | null;
  tags: Record<string, string>;
  origin: CloudResourceOrigin | null;
  related: string[];
}

function observationOf(resource: CloudResource): Observation {
  const origin: CloudResourceOrigin = {};
  if (resource.origin?.terraformAddress) origin.terraformAddress = resource.origin.terraformAddress;
  if (resource.origin?.cloudformation) origin.cloudformation = { ...resource.origin.cloudformation };
  return {
    type: resource.type,
    kind: resource.kind ?? null,
    region: resource.region,
    name: resource.name,
    tags: safeTags(resource.tags),
    origin: Object.keys(origin).length > 0 ? origin : null,
    related: [...new Set(resource.related)].sort(compareText),
  };
}

/** The merged columns of a resource from its observations, the sources in SOURCE_PRECEDENCE order. */
function mergedColumns(observations: Record<string, Observation>) {
  const ordered = SOURCE_PRECEDENCE.filter((source) => Object.hasOwn(observations, source)).map(
    (source) => observations[source]!,
  );
  const first = <T>(pick: (observation: Observation) => T | null | undefined): T | null => {
    for (const observation of ordered) {
      const value = pick(observation);
      if (value !== null && value !== undefined) return value;
    }
    return null;
  };
  const tags: Record<string, string> = {};
  for (const observation of [...ordered].reverse()) Object.assign(tags, observation.tags);
  const related = [...new Set(ordered.flatMap((observation) => observation.related))].sort(compareText);
  const stack = first((observation) => observation.origin?.cloudformation);
  return {
    type: first((observation) => observation.type) ?? 'unknown',
    kind: first((observation) => observation.kind),
    region: first((observation) => observation.region),
    name: first((observation) => observation.name),
    tags: JSON.stringify(sortedObject(tags)),
    terraform_address: first((observation) => observation.origin?.terraformAddress),
    cloudformation_stack: stack?.stack ?? null,
    cloudformation_logical_id: stack?.logicalId ?? null,
    related: JSON.stringify(related),
  };
}

/**
 * Puts one source's import (its observation of each resource, by uid) into the account's merged resources:
 * ids stay stable across imports.
 */
async function mergeObservations(
  trx: Transaction<Database>,
  organizationId: number,
  accountId: number,
  source: CloudImportSource,
  resources: Map<string, Observation>,
  now: string,
): Promise<void> {
  const existing = await trx
    .selectFrom('cloud_resources')
    .selectAll()
    .where('cloud_account_id', '=', accountId)
    .execute();
  const seen = new Set<string>();
  const vanished: number[] = [];
  for (const row of existing) {
    seen.add(row.uid);
    const observations = JSON.parse(row.observations) as Record<string, Observation>;
    const incoming = resources.get(row.uid);
    const before = row.observations;
    if (incoming) observations[source] = incoming;
    else delete observations[source];
    if (Object.keys(observations).length === 0) {
      vanished.push(row.id);
      continue;
    }
    const serialized = JSON.stringify(sortedObject(observations));
    if (serialized === before) continue;
    await trx
      .updateTable('cloud_resources')
      .set({ ...mergedColumns(observations), observations: serialized, updated_at: now })
      .where('id', '=', row.id)
      .execute();
  }
  for (const batch of chunk(vanished, ID_CHUNK)) {
    await trx.deleteFrom('resource_links').where('cloud_resource_id', 'in', batch).execute();
    await trx.deleteFrom('cloud_resources').where('id', 'in', batch).execute();
  }
  const inserts = [...resources]
    .filter(([uid]) => !seen.has(uid))
    .map(([uid, observation]) => {
      const observations = { [source]: observation };
      return {
        organization_id: organizationId,
        cloud_account_id: accountId,
        uid,
        ...mergedColumns(observations),
        observations: JSON.stringify(sortedObject(observations)),
        updated_at: now,
      };
    });
  for (const batch of chunk(inserts, Math.floor(MAX_PARAMETERS / 15))) {
    await trx.insertInto('cloud_resources').values(batch).execute();
  }
}

async function requestAnalysis(db: Executor, organizationId: number): Promise<void> {
  await db
    .insertInto('analysis_state')
    .values({ organization_id: organizationId, requested: 1, completed: 0 })
    .onConflict((conflict) =>
      conflict
        .column('organization_id')
        .doUpdateSet({ requested: sql<number>`analysis_state.requested + 1` }),
    )
    .execute();
}

/** Content identity of an import: resources and checks in a canonical order, tags filtered as stored. */
function importDigest(
  source: string,
  resources: ReadonlyMap<string, Observation>,
  checks: readonly CloudCheckResult[],
): string {
  const canonical = {
    source,
    resources: [...resources]
      .map(([uid, observation]) => ({ uid, ...observation }))
      .sort((a, b) => compareText(a.uid, b.uid)),
    checks: checks
      .map((check) => ({ ...check, categories: [...check.categories].sort(compareText) }))
      .sort(
        (a, b) =>
          compareText(a.resourceUid, b.resourceUid) ||
          compareText(a.checkId, b.checkId) ||
          compareText(a.status, b.status) ||
          compareText(a.message, b.message),
      ),
  };
  return createHash('sha256').update(stableStringify(canonical)).digest('hex');
}

/** JSON with object keys sorted at every level, so equal content gives equal text. */
function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => compareText(a, b));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stableStringify(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function sortedObject<T>(object: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(object).sort(([a], [b]) => compareText(a, b)));
}

function originOf(row: {
  terraform_address: string | null;
  cloudformation_stack: string | null;
  cloudformation_logical_id: string | null;
}): CloudResourceOrigin | undefined {
  const origin: CloudResourceOrigin = {};
  if (row.terraform_address !== null) origin.terraformAddress = row.terraform_address;
  if (row.cloudformation_stack !== null && row.cloudformation_logical_id !== null)
    origin.cloudformation = { stack: row.cloudformation_stack, logicalId: row.cloudformation_logical_id };
  return Object.keys(origin).length > 0 ? origin : undefined;
}

function toSnapshotView(row: {
  id: number;
  source: string;
  content_sha256: string;
  observed_at: string | null;
  imported_at: string;
  resources: number;
  checks: number;
  failing_checks: number;
}): CloudSnapshotView {
  return {
    id: row.id,
    source: row.source,
    contentSha256: row.content_sha256,
    observedAt: row.observed_at,
    importedAt: row.imported_at,
    resources: row.resources,
    checks: row.checks,
    failingChecks: row.failing_checks,
  };
}
