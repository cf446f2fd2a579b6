/**
 * The code-to-cloud analysis job. Each scan ingest and cloud import marks its organisation's analysis out of
 * date (a counter in `analysis_state`, so the flag is shared by every replica); a worker in each process
 * claims an out-of-date organisation with a lease, links IaC resources to deployed ones, runs `analyse()`,
 * derives finding owners, and stores the result in one transaction. Requests that arrive during a run leave
 * the organisation out of date, so it runs again. A failed run is retried after a pause.
 */
import type { FastifyBaseLogger } from 'fastify';
import type {
  AnalysisSnapshot,
  SnapshotCloudResource,
  SnapshotFinding,
  SnapshotIacResource,
} from '../domain/analysis-model.js';
import { analyse } from '../domain/code-to-cloud.js';
import { type Codeowners, parseCodeowners } from '../domain/codeowners.js';
import { correlate } from '../domain/correlation.js';
import type { AnalysisInput, AnalysisOutput, OwnerCandidate } from '../storage/cloud-storage.js';
import type { Storage } from '../storage/storage.js';
import { PollingLoop } from './polling-loop.js';

export interface AnalysisRunnerOptions {
  /** How often an idle worker looks for out-of-date organisations (default 2 s). */
  pollMs?: number;
  /** How long a claim lasts unless renewed (default 5 min). */
  leaseMs?: number;
  /** Pause before an organisation whose analysis failed is tried again (default 60 s). */
  retryMs?: number;
  onAnalysed?: (report: AnalysisReport) => void;
}

export interface AnalysisReport {
  organizationId: number;
  outcome: 'done' | 'failed';
  seconds: number;
  links?: number;
  priorities?: number;
  attackPaths?: number;
}

export class AnalysisRunner {
  private readonly loop: PollingLoop;
  private readonly leaseMs: number;
  private readonly retryMs: number;

  constructor(
    private readonly storage: Storage,
    private readonly log: FastifyBaseLogger,
    private readonly options: AnalysisRunnerOptions = {},
  ) {
    this.leaseMs = options.leaseMs ?? 5 * 60_000;
    this.retryMs = options.retryMs ?? 60_000;
    this.loop = new PollingLoop(
      () => this.runOnce(),
      options.pollMs ?? 2000,
      (error) => log.error({ err: error }, 'analysis worker could not claim an organisation'),
    );
  }

  start(): void {
    this.loop.start();
  }

  wake(): void {
    this.loop.wake();
  }

  /** Marks the organisation's analysis out of date (a triage decision changes scores and priorities). */
  async request(organizationId: number): Promise<void> {
    await this.storage.cloud.requestAnalysis(organizationId);
    this.wake();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** Claims and analyses one out-of-date organisation; false when none is waiting. */
  async runOnce(): Promise<boolean> {
    const claim = await this.storage.cloud.claimAnalysis(new Date().toISOString(), this.leaseMs);
    if (!claim) return false;
    const started = performance.now();
    const heartbeat = setInterval(
      () => {
        const until = new Date(Date.now() + this.leaseMs).toISOString();
        this.storage.cloud.renewAnalysisLease(claim.organizationId, until).catch((error: unknown) => {
          this.log.warn(
            { err: error, organizationId: claim.organizationId },
            'could not renew the analysis lease',
          );
        });
      },
      Math.max(10, Math.floor(this.leaseMs / 3)),
    );
    try {
      const summary = await analyseOrganization(this.storage, claim.organizationId, new Date());
      await this.storage.cloud.finishAnalysis(claim, new Date().toISOString(), null);
      this.log.info({ organizationId: claim.organizationId, ...summary }, 'code-to-cloud analysis done');
      this.options.onAnalysed?.({
        organizationId: claim.organizationId,
        outcome: 'done',
        seconds: (performance.now() - started) / 1000,
        ...summary,
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await this.storage.cloud.finishAnalysis(
        claim,
        new Date().toISOString(),
        message.slice(0, 2000),
        new Date(Date.now() + this.retryMs).toISOString(),
      );
      this.log.error({ err: error, organizationId: claim.organizationId }, 'code-to-cloud analysis failed');
      this.options.onAnalysed?.({
        organizationId: claim.organizationId,
        outcome: 'failed',
        seconds: (performance.now() - started) / 1000,
      });
    } finally {
      clearInterval(heartbeat);
    }
    return true;
  }
}

/** Links, analyses and stores one organisation now; returns what it stored. */
export async function analyseOrganization(
  storage: Storage,
  organizationId: number,
  now: Date,
): Promise<{ links: number; priorities: number; attackPaths: number }> {
  const input = await storage.cloud.loadAnalysisInput(organizationId);
  const ownerCandidates = await storage.cloud.ownerCandidates(organizationId);
  const output = buildAnalysis(input, ownerCandidates);
  await storage.cloud.storeAnalysis(organizationId, output, now.toISOString());
  for (const source of ['codeowners', 'tag'] as const) {
    const owners = [...output.owners]
      .filter(([, derived]) => (derived.source ?? 'codeowners') === source)
      .map(([findingId, derived]) => ({ findingId, owner: derived.owner }));
    if (owners.length > 0)
      await storage.deriveFindingOwners(organizationId, owners, source, now.toISOString());
  }
  return {
    links: output.links.length,
    priorities: output.result.priorities.size,
    attackPaths: output.result.attackPaths.length,
  };
}

const iacKey = (id: number) => `iac:${id}`;
const cloudKey = (id: number) => `cloud:${id}`;
const keyId = (key: string) => Number(key.slice(key.indexOf(':') + 1));

/**
 * Pure: links every branch's inventory to the cloud, analyses each repository's default branch, and derives
 * owners. `ownerCandidates` are the open findings whose owner no person has assigned.
 */
export function buildAnalysis(
  input: AnalysisInput,
  ownerCandidates: readonly OwnerCandidate[],
): AnalysisOutput {
  const iacResources: SnapshotIacResource[] = input.iacResources.map(
    ({ id, branch: _branch, ...resource }) => ({
      ...resource,
      key: iacKey(id),
    }),
  );
  const cloudResources: SnapshotCloudResource[] = input.cloudResources.map(({ id, ...resource }) => ({
    ...resource,
    key: cloudKey(id),
  }));
  const links = correlate(iacResources, cloudResources);

  const analysed = new Set(
    input.iacResources
      .filter((resource) => input.analysedBranches.get(resource.repositoryId) === resource.branch)
      .map((resource) => iacKey(resource.id)),
  );
  const iacKeyOfAddress = new Map<string, string>();
  for (const resource of input.iacResources) {
    iacKeyOfAddress.set(
      addressKey(resource.repositoryId, resource.branch, resource.address),
      iacKey(resource.id),
    );
  }
  const findings: SnapshotFinding[] = input.findings.map((finding) => {
    const resourceKey =
      finding.resource === null
        ? undefined
        : iacKeyOfAddress.get(addressKey(finding.repositoryId, finding.branch, finding.resource));
    return {
      id: finding.id,
      repositoryId: finding.repositoryId,
      ruleId: finding.ruleId,
      title: finding.title,
      severity: finding.severity,
      category: finding.category,
      status: finding.status,
      tags: finding.tags,
      message: finding.message,
      file: finding.file,
      ...(resourceKey !== undefined && analysed.has(resourceKey) ? { resourceKey } : {}),
    };
  });
  const snapshot: AnalysisSnapshot = {
    iacResources: iacResources.filter((resource) => analysed.has(resource.key)),
    cloudResources,
    links: links.filter((link) => analysed.has(link.iacKey)),
    findings,
    checks: input.checks.map(({ cloudResourceId, ...check }) => ({
      ...check,
      cloudKey: cloudKey(cloudResourceId),
    })),
  };
  const result = analyse(snapshot);

  return {
    links: links.map((link) => ({
      iacResourceId: keyId(link.iacKey),
      cloudResourceId: keyId(link.cloudKey),
      method: link.method,
    })),
    result,
    owners: deriveOwners(input, links, iacKeyOfAddress, ownerCandidates),
  };
}

/**
 * A finding's owner: the CODEOWNERS owners of its file on its branch, else the `owner` tag of its IaC
 * resource, else the `owner` tag of a deployed resource linked to it. Only changes are returned
 * (null: clear a derived owner).
 */
function deriveOwners(
  input: AnalysisInput,
  links: readonly { iacKey: string; cloudKey: string; method: string }[],
  iacKeyOfAddress: Map<string, string>,
  candidates: readonly OwnerCandidate[],
): AnalysisOutput['owners'] {
  const codeowners = new Map<string, Codeowners>();
  for (const entry of input.codeowners)
    codeowners.set(`${entry.repositoryId}\u0000${entry.branch}`, parseCodeowners(entry.text));
  const iacOwner = new Map(
    input.iacResources.map((resource) => [iacKey(resource.id), ownerTag(resource.tags)]),
  );
  const cloudOwner = new Map(
    input.cloudResources.map((resource) => [cloudKey(resource.id), ownerTag(resource.tags)]),
  );
  const linkedOwner = new Map<string, string>();
  for (const link of links) {
    const owner = cloudOwner.get(link.cloudKey);
    if (owner && !linkedOwner.has(link.iacKey)) linkedOwner.set(link.iacKey, owner);
  }
  const owners: AnalysisOutput['owners'] = new Map();
  for (const finding of candidates) {
    let derived: { owner: string; source: 'codeowners' | 'tag' } | undefined;
    const fromFile = codeowners
      .get(`${finding.repositoryId}\u0000${finding.branch}`)
      ?.ownersFor(finding.file);
    if (fromFile && fromFile.length > 0) derived = { owner: fromFile.join(' '), source: 'codeowners' };
    else if (finding.resource !== null) {
      const key = iacKeyOfAddress.get(addressKey(finding.repositoryId, finding.branch, finding.resource));
      const tag = key === undefined ? undefined : (iacOwner.get(key) ?? linkedOwner.get(key));
      if (tag) derived = { owner: tag, source: 'tag' };
    }
    if (derived && derived.owner !== finding.owner) owners.set(finding.id, derived);
    // The CODEOWNERS line or tag it came from is gone: a derived owner goes with it.
    if (!derived && finding.owner !== null) owners.set(finding.id, { owner: null, source: null });
  }
  return owners;
}

/** The value of an `owner` tag (any case), trimmed and bounded; undefined when absent or empty. */
function ownerTag(tags: Readonly<Record<string, string>>): string | undefined {
  for (const [key, value] of Object.entries(tags)) {
    if (key.toLowerCase() === 'owner' && value.trim() !== '') return value.trim().slice(0, 200);
  }
  return undefined;
}

function addressKey(repositoryId: number, branch: string, address: string): string {
  return `${repositoryId}\u0000${branch}\u0000${address}`;
}
