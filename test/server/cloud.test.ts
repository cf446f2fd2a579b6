import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCloudInventory } from '../../scanners/cloud/inventory.js';
import type { CloudImport, CloudResource } from '../../scanners/cloud/model.js';
import type { ScanResult } from '../../scanners/core/types.js';
import { ingestScan } from '../../server/ingest/ingest-scan.js';
import type { UploadResource } from '../../server/schemas/upload.js';
import { ID_CHUNK } from '../../server/storage/batches.js';
import {
  ADMIN_TOKEN,
  bearer,
  postScan,
  scanServerCorpus,
  startTestServer,
  type TestServer,
  uploadOf,
} from './helpers.js';
import { databaseText } from './postgres.js';

const ACCOUNT = '123456789012';
const PLANTED_TAG_SECRET = 'Zx9Qm2LzT7vR1sK8nW3bY6cH0dF5gA2pE9uKq';
const HOSTILE_NAME = 'acme-<script>alert(1)</script>-\u202Ename|x';

const bucket = (name: string, changes: Partial<CloudResource> = {}): CloudResource => ({
  uid: `arn:aws:s3:::${name}`,
  provider: 'aws',
  accountId: ACCOUNT,
  region: 'eu-west-1',
  type: 'AWS::S3::Bucket',
  kind: 'aws.s3.bucket',
  name,
  tags: {},
  related: [],
  ...changes,
});

/** Prowler's view of the account: two buckets with posture checks, one failing. */
function prowlerImport(changes: Partial<CloudImport> = {}): CloudImport {
  return {
    source: 'prowler-ocsf',
    provider: 'aws',
    accountId: ACCOUNT,
    observedAt: '2026-11-20T10:00:00Z',
    resources: [
      bucket('acme-reports', { tags: { palisade_trace: 'trace-reports', owner: 'team-data' } }),
      bucket('acme-archive', {
        tags: { 'aws:cloudformation:stack-name': 'buckets-prod' },
        origin: { cloudformation: { stack: 'buckets-prod', logicalId: 'ArchiveBucket' } },
      }),
      bucket('acme-named'),
    ],
    checks: [
      {
        resourceUid: 'arn:aws:s3:::acme-reports',
        checkId: 's3_bucket_public_access',
        title: 'S3 bucket is not public',
        severity: 'critical',
        status: 'fail',
        message: 'Bucket acme-reports allows public read',
        categories: ['internet-exposed'],
      },
      {
        resourceUid: 'arn:aws:s3:::acme-archive',
        checkId: 's3_bucket_default_encryption',
        title: 'S3 bucket has default encryption',
        severity: 'medium',
        status: 'pass',
        message: 'Bucket acme-archive is encrypted',
        categories: [],
      },
    ],
    ...changes,
  };
}

/** What a Terraform state import carries: addresses, ids, ARNs and tags, one tag planted as a secret. */
function stateImport(): CloudImport {
  return {
    source: 'terraform-state',
    provider: 'aws',
    accountId: ACCOUNT,
    observedAt: null,
    resources: [
      bucket('acme-logs', {
        type: 'aws_s3_bucket',
        origin: { terraformAddress: 'module.site["eu"].aws_s3_bucket.logs' },
        tags: { Name: 'logs', db_password: 'hunter2-in-a-tag', build: PLANTED_TAG_SECRET },
      }),
      bucket('acme-reports', {
        type: 'aws_s3_bucket',
        origin: { terraformAddress: 'aws_s3_bucket.reports' },
      }),
      bucket(HOSTILE_NAME, { type: 'aws_s3_bucket' }),
    ],
    checks: [],
  };
}

/** The IaC inventory uploaded with the scan: the corpus's two CloudFormation buckets and two Terraform ones. */
const RESOURCES: UploadResource[] = [
  {
    family: 'cloudformation',
    type: 'AWS::S3::Bucket',
    kind: 'aws.s3.bucket',
    address: 'Resources.ReportsBucket',
    name: 'acme-reports',
    file: 'cfn/buckets.yaml',
    line: 4,
    traceTag: 'trace-reports',
    tags: { palisade_trace: 'trace-reports', api_token: 'must-not-be-stored' },
    references: [],
  },
  {
    family: 'cloudformation',
    type: 'AWS::S3::Bucket',
    kind: 'aws.s3.bucket',
    address: 'Resources.ArchiveBucket',
    name: 'acme-archive',
    file: 'cfn/buckets.yaml',
    line: 8,
    tags: {},
    references: [],
  },
  {
    family: 'terraform',
    type: 'aws_s3_bucket',
    kind: 'aws.s3.bucket',
    address: 'module.site.aws_s3_bucket.logs',
    modulePath: 'module.site',
    file: 'modules/site/main.tf',
    line: 1,
    tags: {},
    references: [],
  },
  {
    family: 'terraform',
    type: 'aws_s3_bucket',
    kind: 'aws.s3.bucket',
    address: 'aws_s3_bucket.named',
    name: 'acme-named',
    file: 'main.tf',
    line: 3,
    tags: {},
    references: [],
  },
];

const CODEOWNERS = '# owners\n*.yaml @acme/platform\n/app/ @acme/backend\n';

let server: TestServer;
let corpus: ScanResult;

async function importCloud(token: string, body: unknown) {
  return server.app.inject({
    method: 'POST',
    url: '/api/v1/cloud/imports',
    headers: bearer(token),
    payload: body as object,
  });
}

async function get(url: string, token = ADMIN_TOKEN) {
  return server.app.inject({ url, headers: bearer(token) });
}

/** Waits until the analysis worker has caught up with the organisation (bounded, not timed). */
async function analysed(organizationId = server.organizationId): Promise<void> {
  for (let attempt = 0; attempt < 1000; attempt++) {
    if (!(await server.app.storage.cloud.analysisPending(organizationId))) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the analysis never caught up');
}

/** Finding ids by rule and resource (`null` for findings without one), from the first upload. */
const ids = new Map<string, number>();
function findingId(ruleId: string, resource: string): number {
  const id = ids.get(`${ruleId} ${resource}`);
  if (id === undefined) throw new Error(`no finding ${ruleId} on ${resource}`);
  return id;
}

beforeAll(async () => {
  server = await startTestServer({ codeToCloud: { analysis: { pollMs: 20 } } });
  corpus = await scanServerCorpus();
  const upload = uploadOf(corpus, { resources: RESOURCES, codeowners: CODEOWNERS });
  const response = await postScan(server.app, ADMIN_TOKEN, upload);
  expect(response.statusCode).toBe(201);
  const page = await get('/api/v1/findings?limit=500');
  for (const finding of page.json().items) ids.set(`${finding.ruleId} ${finding.resource}`, finding.id);
});

afterAll(async () => {
  await server.close();
});

describe('cloud imports', () => {
  it('imports, is idempotent on content, replaces the source inventory and keeps history', async () => {
    const first = await importCloud(ADMIN_TOKEN, prowlerImport());
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      created: true,
      orphanChecks: 0,
      snapshot: { resources: 3, checks: 2, failingChecks: 1 },
    });

    // The same content, in another order and with another observation time, changes nothing.
    const reordered = prowlerImport({ observedAt: '2026-11-21T10:00:00Z' });
    reordered.resources.reverse();
    reordered.checks.reverse();
    const again = await importCloud(ADMIN_TOKEN, reordered);
    expect(again.statusCode).toBe(200);
    expect(again.json().created).toBe(false);
    expect(again.json().snapshot.id).toBe(first.json().snapshot.id);

    const state = await importCloud(ADMIN_TOKEN, stateImport());
    expect(state.statusCode).toBe(201);
    expect(state.json().account.id).toBe(first.json().account.id);

    const accounts = await get('/api/v1/cloud/accounts');
    expect(accounts.statusCode).toBe(200);
    const [account] = accounts.json().items;
    // acme-reports is reported by both sources and merged: 3 + 3 - 1.
    expect(account).toMatchObject({ provider: 'aws', accountId: ACCOUNT, resources: 5, failingChecks: 1 });
    expect(account.sources.map((source: { source: string }) => source.source)).toEqual([
      'prowler-ocsf',
      'terraform-state',
    ]);

    const detail = await get(`/api/v1/cloud/accounts/${account.id}?limit=10`);
    expect(detail.statusCode).toBe(200);
    const reports = detail
      .json()
      .resources.items.find((item: { uid: string }) => item.uid === 'arn:aws:s3:::acme-reports');
    expect(reports.sources).toEqual(['prowler-ocsf', 'terraform-state']);
    expect(reports.origin).toEqual({ terraformAddress: 'aws_s3_bucket.reports' });
    expect(reports.checks.map((check: { checkId: string }) => check.checkId)).toEqual([
      's3_bucket_public_access',
    ]);

    // A new Prowler run without acme-named replaces Prowler's view only: the state's resources stay.
    const next = prowlerImport();
    next.resources = next.resources.filter((resource) => resource.name !== 'acme-named');
    const replaced = await importCloud(ADMIN_TOKEN, next);
    expect(replaced.statusCode).toBe(201);
    const after = await get(`/api/v1/cloud/accounts/${account.id}`);
    const uids = after.json().resources.items.map((item: { uid: string }) => item.uid);
    expect(uids).not.toContain('arn:aws:s3:::acme-named');
    expect(uids).toContain('arn:aws:s3:::acme-logs');
    expect(after.json().resources.total).toBe(4);
    expect(after.json().history).toHaveLength(1);
    expect(after.json().history[0]).toMatchObject({ resources: 3, failingChecks: 1 });
    // The same resource keeps its id across imports.
    expect(after.json().resources.items.find((item: { uid: string }) => item.uid === reports.uid).id).toBe(
      reports.id,
    );

    // Put acme-named back for the correlation tests.
    expect((await importCloud(ADMIN_TOKEN, prowlerImport())).statusCode).toBe(201);
  });

  it('records one snapshot when the same import arrives twice at once', async () => {
    const own = await startTestServer();
    try {
      const send = () =>
        own.app.inject({
          method: 'POST',
          url: '/api/v1/cloud/imports',
          headers: bearer(ADMIN_TOKEN),
          payload: prowlerImport(),
        });
      const replies = await Promise.all([send(), send()]);
      expect(replies.map((reply) => reply.statusCode).sort()).toEqual([200, 201]);
      expect(replies[0]!.json().snapshot.id).toBe(replies[1]!.json().snapshot.id);
    } finally {
      await own.close();
    }
  });

  it('refuses malformed imports with a pointer, secret-looking fields, other accounts and oversized bodies', async () => {
    const badSeverity = prowlerImport();
    (badSeverity.checks[0] as { severity: string }).severity = 'urgent';
    const invalid = await importCloud(ADMIN_TOKEN, badSeverity);
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().pointer).toBe('/checks/0/severity');

    const withValue = prowlerImport();
    (withValue.resources[0] as unknown as Record<string, unknown>).value = 'a state attribute';
    const secret = await importCloud(ADMIN_TOKEN, withValue);
    expect(secret.statusCode).toBe(400);
    expect(secret.json()).toMatchObject({ error: 'secret-value', pointer: '/resources/0/value' });

    const stray = prowlerImport();
    stray.resources[1] = { ...stray.resources[1]!, accountId: '999999999999' };
    const other = await importCloud(ADMIN_TOKEN, stray);
    expect(other.statusCode).toBe(400);
    expect(other.json().pointer).toBe('/resources/1/accountId');

    const read = await importCloud(await server.token('read'), prowlerImport());
    expect(read.statusCode).toBe(403);

    const small = await startTestServer({ ingestBodyLimit: 2048 });
    try {
      const large = await small.app.inject({
        method: 'POST',
        url: '/api/v1/cloud/imports',
        headers: bearer(ADMIN_TOKEN),
        payload: prowlerImport({ resources: Array.from({ length: 40 }, (_, i) => bucket(`bucket-${i}`)) }),
      });
      expect(large.statusCode).toBe(413);
    } finally {
      await small.close();
    }
  });

  it('stores hostile names byte for byte and never stores secret-looking tags', async () => {
    const account = (await get('/api/v1/cloud/accounts')).json().items[0];
    const page = (await get(`/api/v1/cloud/accounts/${account.id}`)).json();
    const hostile = page.resources.items.find((item: { name: string }) => item.name === HOSTILE_NAME);
    expect(hostile.uid).toBe(`arn:aws:s3:::${HOSTILE_NAME}`);
    const logs = page.resources.items.find((item: { name: string }) => item.name === 'acme-logs');
    expect(logs.tags).toEqual({ Name: 'logs' });

    const text = server.databaseUrl
      ? await databaseText(server.databaseUrl)
      : sqliteText(path.join(server.dataDir, 'palisade.sqlite'));
    expect(text).toContain('acme-logs');
    expect(text).not.toContain('hunter2-in-a-tag');
    expect(text).not.toContain(PLANTED_TAG_SECRET);
    expect(text).not.toContain('must-not-be-stored');
  });
});

describe('a Terraform state read by the importer', () => {
  it('reaches storage with addresses, ids and tags only: no attribute, output or sensitive tag', async () => {
    const planted = {
      password: 'PlantedDbPassw0rd-7f3a',
      output: 'PlantedOutputValue-91bc',
      privateKey: 'MIIEplantedPrivateKeyBody4242',
      tag: 'planted-tag-token-55e1',
    };
    const state = {
      version: 4,
      terraform_version: '1.9.0',
      serial: 3,
      lineage: '5d2c8e1a-0000-4000-8000-000000000001',
      outputs: { db_password: { value: planted.output, type: 'string', sensitive: true } },
      resources: [
        {
          mode: 'managed',
          type: 'aws_db_instance',
          name: 'main',
          provider: 'provider["registry.terraform.io/hashicorp/aws"]',
          instances: [
            {
              schema_version: 2,
              attributes: {
                arn: `arn:aws:rds:eu-west-1:${ACCOUNT}:db:state-main`,
                id: 'db-ABCDEFGHIJKL',
                identifier: 'state-main',
                password: planted.password,
                tags: { Name: 'state-main', api_token: planted.tag },
                tags_all: { Name: 'state-main', api_token: planted.tag },
              },
              sensitive_attributes: [[{ type: 'get_attr', value: 'password' }]],
            },
          ],
        },
        {
          mode: 'managed',
          type: 'tls_private_key',
          name: 'deploy',
          provider: 'provider["registry.terraform.io/hashicorp/tls"]',
          instances: [
            {
              schema_version: 1,
              attributes: {
                id: 'f00dfeed',
                private_key_pem: `-----BEGIN RSA PRIVATE KEY-----\n${planted.privateKey}\n-----END RSA PRIVATE KEY-----\n`,
              },
              sensitive_attributes: [],
            },
          ],
        },
      ],
    };
    const imports = readCloudInventory(JSON.stringify(state), 'terraform.tfstate', { accountId: ACCOUNT });
    expect(imports.length).toBeGreaterThan(0);
    const own = await startTestServer();
    try {
      for (const body of imports) {
        const response = await own.app.inject({
          method: 'POST',
          url: '/api/v1/cloud/imports',
          headers: bearer(ADMIN_TOKEN),
          payload: body,
        });
        expect(response.statusCode).toBe(201);
      }
      const text = own.databaseUrl
        ? await databaseText(own.databaseUrl)
        : sqliteText(path.join(own.dataDir, 'palisade.sqlite'));
      expect(text).toContain('aws_db_instance.main');
      for (const value of Object.values(planted)) expect(text).not.toContain(value);
    } finally {
      await own.close();
    }
  });
});

describe('code to cloud', () => {
  it('links code to deployed resources by each method and shows it on the finding', async () => {
    await analysed();
    const archive = (
      await get(`/api/v1/findings/${findingId('PAL-AWS-S3-003', 'Resources.ArchiveBucket')}`)
    ).json();
    expect(archive.deployed).toHaveLength(1);
    expect(archive.deployed[0]).toMatchObject({
      uid: 'arn:aws:s3:::acme-archive',
      method: 'cloudformation-stack',
      weak: false,
      region: 'eu-west-1',
      account: { provider: 'aws', accountId: ACCOUNT },
      failingChecks: [],
    });
    expect(archive.codeUrl).toBe(`https://github.com/acme/infra/blob/${'a'.repeat(40)}/cfn/buckets.yaml#L8`);

    const reports = (
      await get(`/api/v1/findings/${findingId('PAL-AWS-S3-001', 'Resources.ReportsBucket')}`)
    ).json();
    expect(reports.deployed).toHaveLength(1);
    expect(reports.deployed[0]).toMatchObject({ uid: 'arn:aws:s3:::acme-reports', method: 'trace-tag' });
    expect(reports.deployed[0].failingChecks.map((check: { checkId: string }) => check.checkId)).toEqual([
      's3_bucket_public_access',
    ]);
    expect(reports.priority.score).toBeGreaterThan(archive.priority.score);
    expect(reports.priority.reasons.length).toBeGreaterThan(1);

    // A finding with no IaC resource: not deployed, yet scored and linked to its code.
    const secret = (await get(`/api/v1/findings/${findingId('PAL-SECRET-001', 'null')}`)).json();
    expect(secret.deployed).toEqual([]);
    expect(secret.codeUrl).toMatch(/\/blob\/a{40}\/app\/settings\.py#L3$/);

    // The state address (module instance key in state only) and the weak name heuristic, from the cloud side.
    const account = (await get('/api/v1/cloud/accounts')).json().items[0];
    const resources = (await get(`/api/v1/cloud/accounts/${account.id}`)).json().resources.items;
    const codeOf = async (name: string) => {
      const id = resources.find((item: { name: string }) => item.name === name).id;
      return (await get(`/api/v1/cloud/resources/${id}`)).json();
    };
    const logs = await codeOf('acme-logs');
    expect(logs.code).toEqual([
      expect.objectContaining({
        method: 'state-address',
        weak: false,
        address: 'module.site.aws_s3_bucket.logs',
        branch: 'main',
      }),
    ]);
    const named = await codeOf('acme-named');
    expect(named.code).toEqual([
      expect.objectContaining({ method: 'name-heuristic', weak: true, address: 'aws_s3_bucket.named' }),
    ]);
    const reportsResource = await codeOf('acme-reports');
    expect(reportsResource.traits.map((trait: { trait: string }) => trait.trait)).toContain(
      'internet-exposed',
    );
  });

  it('reads the code links and traits of many resources in batches, as one resource at a time would', async () => {
    await analysed();
    const cloud = server.app.storage.cloud;
    const organizationId = server.organizationId;
    const account = (await cloud.listAccounts(organizationId))[0]!;
    const { items } = await cloud.listAccountResources(organizationId, account.id, 100, 0);
    const idOf = (name: string) => items.find((resource) => resource.name === name)!.id;
    const ids = items.map((resource) => resource.id);
    // A chunk of unknown ids first, so that the real ones (repeated) come in the second chunk.
    const unknown = Array.from({ length: ID_CHUNK }, (_, index) => 1_000_000 + index);
    const requested = [...unknown, ...ids, ...ids];
    const links = await cloud.codeLinksOfResources(organizationId, requested);
    const traits = await cloud.traitsOfResources(
      organizationId,
      requested.map((id) => `cloud:${id}`),
    );

    expect(links.get(idOf('acme-logs'))).toEqual([
      expect.objectContaining({
        method: 'state-address',
        weak: false,
        address: 'module.site.aws_s3_bucket.logs',
        file: 'modules/site/main.tf',
        branch: 'main',
        repository: expect.objectContaining({ owner: 'acme', name: 'infra' }),
      }),
    ]);
    expect(links.get(idOf('acme-named'))).toEqual([
      expect.objectContaining({ method: 'name-heuristic', weak: true, address: 'aws_s3_bucket.named' }),
    ]);
    expect(links.has(idOf(HOSTILE_NAME))).toBe(false);
    expect(traits.get(`cloud:${idOf('acme-reports')}`)?.map((trait) => trait.trait)).toContain(
      'internet-exposed',
    );
    expect([...links.keys()].every((id) => ids.includes(id))).toBe(true);
    expect([...traits.keys()].every((key) => ids.some((id) => key === `cloud:${id}`))).toBe(true);
    for (const id of ids) {
      expect(links.get(id) ?? []).toEqual(await cloud.codeLinksOf(organizationId, id));
      expect(traits.get(`cloud:${id}`) ?? []).toEqual(await cloud.traitsOf(organizationId, `cloud:${id}`));
    }

    expect((await cloud.codeLinksOfResources(organizationId, [])).size).toBe(0);
    expect((await cloud.traitsOfResources(organizationId, [])).size).toBe(0);
    const otherOrganization = await server.organization('batch-other');
    expect((await cloud.codeLinksOfResources(otherOrganization, ids)).size).toBe(0);
    expect((await cloud.traitsOfResources(otherOrganization, [...traits.keys()])).size).toBe(0);
  });

  it('filters findings by deployment and sorts them by priority', async () => {
    await analysed();
    const deployed = (await get('/api/v1/findings?deployed=true&limit=500')).json();
    expect(deployed.total).toBe(10);
    expect(new Set(deployed.items.map((item: { resource: string }) => item.resource))).toEqual(
      new Set(['Resources.ReportsBucket', 'Resources.ArchiveBucket']),
    );
    const notDeployed = (await get('/api/v1/findings?deployed=false&limit=500')).json();
    expect(notDeployed.total + deployed.total).toBe((await get('/api/v1/findings?limit=500')).json().total);

    const byPriority = (await get('/api/v1/findings?sort=priority&limit=500')).json().items;
    const scores = await Promise.all(
      byPriority.map(
        async (item: { id: number }) =>
          (await get(`/api/v1/findings/${item.id}`)).json().priority?.score ?? -1,
      ),
    );
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(scores[0]).toBeGreaterThan(0);
  });

  it('derives owners from CODEOWNERS and never overwrites an assigned owner', async () => {
    await analysed();
    const reports = (
      await get(`/api/v1/findings/${findingId('PAL-AWS-S3-001', 'Resources.ReportsBucket')}`)
    ).json();
    expect(reports.finding).toMatchObject({ owner: '@acme/platform', ownerSource: 'codeowners' });
    const secret = (await get(`/api/v1/findings/${findingId('PAL-SECRET-001', 'null')}`)).json();
    expect(secret.finding).toMatchObject({ owner: '@acme/backend', ownerSource: 'codeowners' });

    const assigned = await server.app.inject({
      method: 'POST',
      url: '/api/v1/findings/owner',
      headers: bearer(ADMIN_TOKEN),
      payload: { ids: [reports.finding.id], owner: 'alice' },
    });
    expect(assigned.statusCode).toBe(200);
    // Another import makes the analysis run again; the person's choice stays.
    expect((await importCloud(ADMIN_TOKEN, prowlerImport({ checks: [] }))).statusCode).toBe(201);
    await analysed();
    const after = (await get(`/api/v1/findings/${reports.finding.id}`)).json();
    expect(after.finding).toMatchObject({ owner: 'alice', ownerSource: 'assigned' });

    const owners = (await get('/api/v1/governance/owners')).json().items;
    expect(owners.find((entry: { owner: string }) => entry.owner === 'alice')).toMatchObject({
      open: 1,
      sources: ['assigned'],
    });
    expect(owners.find((entry: { owner: string }) => entry.owner === '@acme/platform').sources).toEqual([
      'codeowners',
    ]);
  });

  it('serves secure scores with history, attack paths, overdue findings and the digest', async () => {
    // The account is scored on its runtime checks: bring them back.
    expect((await importCloud(ADMIN_TOKEN, prowlerImport())).statusCode).toBe(201);
    await analysed();
    const scores = (await get('/api/v1/scores')).json();
    expect(scores.organization).toMatchObject({ scope: 'organization', name: 'Organisation' });
    expect(scores.organization.maxPoints).toBeGreaterThan(0);
    expect(scores.organization.history).toHaveLength(1);
    expect(scores.repositories.map((score: { name: string }) => score.name)).toEqual(['acme/infra']);
    expect(scores.accounts.map((score: { subject: string }) => score.subject)).toEqual([ACCOUNT]);

    const paths = await get('/api/v1/attack-paths');
    expect(paths.statusCode).toBe(200);
    expect(Array.isArray(paths.json().items)).toBe(true);
    expect(paths.json().truncated).toBe(false);

    // Nothing is older than its SLA yet. Findings first seen three days ago are late on a one-day deadline.
    expect((await get('/api/v1/governance/overdue')).json().total).toBe(0);
    const strict = await startTestServer({
      codeToCloud: {
        slaDays: { critical: 1, high: 1, medium: 1, low: 5, info: null },
        analysis: { pollMs: 20 },
      },
    });
    try {
      const threeDaysAgo = new Date(Date.now() - 3 * 86_400_000).toISOString();
      await ingestScan(strict.app.storage, strict.organizationId, uploadOf(corpus), threeDaysAgo);
      // Low findings first seen six days ago are one day late on their five-day deadline: older, yet less overdue.
      const lows = corpus.findings.filter((finding) => finding.severity === 'low');
      expect(lows.length).toBeGreaterThan(0);
      const sixDaysAgo = new Date(Date.now() - 6 * 86_400_000).toISOString();
      await ingestScan(
        strict.app.storage,
        strict.organizationId,
        uploadOf({ ...corpus, findings: lows }, { repository: 'legacy' }),
        sixDaysAgo,
      );
      const overdue = (
        await strict.app.inject({
          url: '/api/v1/governance/overdue?limit=1000',
          headers: bearer(ADMIN_TOKEN),
        })
      ).json();
      const late = corpus.findings.filter((finding) =>
        ['critical', 'high', 'medium'].includes(finding.severity),
      );
      expect(overdue.total).toBe(late.length + lows.length);
      expect(overdue.items.map((item: { daysOverdue: number }) => item.daysOverdue)).toEqual([
        ...late.map(() => 2),
        ...lows.map(() => 1),
      ]);
      expect(overdue.slaDays).toEqual({ critical: 1, high: 1, medium: 1, low: 5, info: null });
      expect(overdue.items[0]).toMatchObject({ daysOverdue: 2, status: 'open' });
      expect(overdue.items[0].dueAt).toBe(new Date(Date.parse(threeDaysAgo) + 86_400_000).toISOString());
    } finally {
      await strict.close();
    }

    const digest = await get('/api/v1/governance/digest');
    expect(digest.statusCode).toBe(200);
    expect(digest.json().opened.total).toBe((await get('/api/v1/findings?limit=1')).json().total);
    expect(digest.json().topPriorities.length).toBeGreaterThan(0);
    const markdown = await get('/api/v1/governance/digest?format=markdown');
    expect(markdown.headers['content-type']).toMatch(/^text\/markdown/);
    expect(markdown.body).toMatch(/^# Palisade weekly digest/);
  });

  it('renders hostile repository and file names inert in the Markdown digest', async () => {
    const own = await startTestServer({ codeToCloud: { analysis: { pollMs: 20 } } });
    try {
      const hostileFile = 'dir/<img src=x onerror=alert(1)>|\u202Eevil.tf';
      const findings = corpus.findings.map((finding) => ({
        ...finding,
        location: { ...finding.location, file: hostileFile },
      }));
      const upload = uploadOf({ ...corpus, findings }, { repository: HOSTILE_NAME });
      expect((await postScan(own.app, ADMIN_TOKEN, upload)).statusCode).toBe(201);
      for (let attempt = 0; attempt < 1000; attempt++) {
        if (!(await own.app.storage.cloud.analysisPending(own.organizationId))) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const json = (
        await own.app.inject({ url: '/api/v1/governance/digest', headers: bearer(ADMIN_TOKEN) })
      ).json();
      // Stored and served byte for byte…
      expect(json.topPriorities[0].repository).toBe(`acme/${HOSTILE_NAME}`);
      expect(json.topPriorities[0].file).toBe(hostileFile);
      // …and inert when rendered.
      const markdown = (
        await own.app.inject({
          url: '/api/v1/governance/digest?format=markdown',
          headers: bearer(ADMIN_TOKEN),
        })
      ).body;
      expect(markdown).toContain('&lt;script&gt;');
      expect(markdown).not.toMatch(/<script|<img/);
      expect(markdown).not.toContain('\u202E');
      expect(markdown).toContain('\\|');
    } finally {
      await own.close();
    }
  });

  it('keeps every new endpoint inside the organisation', async () => {
    const otherOrganization = await server.organization('other');
    const other = await server.token('admin', otherOrganization);
    const account = (await get('/api/v1/cloud/accounts')).json().items[0];
    const resourceId = (await get(`/api/v1/cloud/accounts/${account.id}`)).json().resources.items[0].id;
    const finding = findingId('PAL-AWS-S3-001', 'Resources.ReportsBucket');

    expect((await get('/api/v1/cloud/accounts', other)).json().items).toEqual([]);
    expect((await get(`/api/v1/cloud/accounts/${account.id}`, other)).statusCode).toBe(404);
    expect((await get(`/api/v1/cloud/resources/${resourceId}`, other)).statusCode).toBe(404);
    expect((await get(`/api/v1/findings/${finding}`, other)).statusCode).toBe(404);
    expect((await get('/api/v1/findings?deployed=true', other)).json().total).toBe(0);
    expect((await get('/api/v1/scores', other)).json()).toEqual({
      organization: null,
      repositories: [],
      accounts: [],
    });
    expect((await get('/api/v1/attack-paths', other)).json()).toEqual({ items: [], truncated: false });
    expect((await get('/api/v1/governance/overdue', other)).json().total).toBe(0);
    expect((await get('/api/v1/governance/owners', other)).json().items).toEqual([]);
    expect((await get('/api/v1/governance/digest', other)).json().opened.total).toBe(0);

    // The same account id imported by another organisation is a separate account.
    const imported = await importCloud(other, prowlerImport());
    expect(imported.statusCode).toBe(201);
    expect(imported.json().account.id).not.toBe(account.id);
    expect((await get('/api/v1/cloud/accounts')).json().items).toHaveLength(1);
  });
});

describe('the analysis dirty flag', () => {
  it('is claimed by one worker at a time, stays set for requests made during a run, and backs off after a failure', async () => {
    const own = await startTestServer({ jobs: { worker: false } });
    try {
      const cloud = own.app.storage.cloud;
      const organizationId = own.organizationId;
      const at = (seconds: number) => new Date(Date.UTC(2026, 10, 28, 12, 0, seconds)).toISOString();
      expect(await cloud.claimAnalysis(at(0), 60_000)).toBeUndefined();

      await cloud.requestAnalysis(organizationId);
      const first = await cloud.claimAnalysis(at(0), 60_000);
      expect(first).toEqual({ organizationId, generation: 1 });
      // Another replica finds it leased.
      expect(await cloud.claimAnalysis(at(1), 60_000)).toBeUndefined();
      // An upload during the run: the organisation stays out of date after the run.
      await cloud.requestAnalysis(organizationId);
      await cloud.finishAnalysis(first!, at(2), null);
      expect(await cloud.analysisPending(organizationId)).toBe(true);

      const second = await cloud.claimAnalysis(at(3), 60_000);
      expect(second).toEqual({ organizationId, generation: 2 });
      await cloud.finishAnalysis(second!, at(4), 'database went away', at(64));
      expect(await cloud.claimAnalysis(at(30), 60_000)).toBeUndefined();
      const retry = await cloud.claimAnalysis(at(65), 60_000);
      expect(retry).toEqual({ organizationId, generation: 2 });
      // A worker that died: its lease runs out and another takes the organisation over.
      expect(await cloud.claimAnalysis(at(126), 60_000)).toEqual({ organizationId, generation: 2 });
      await cloud.finishAnalysis(retry!, at(127), null);
      expect(await cloud.lastAnalysis(organizationId)).toMatchObject({ pending: false, lastError: null });
    } finally {
      await own.close();
    }
  });
});

describe('the API description', () => {
  it('lists the cloud, governance and posture routes with their schemas', async () => {
    const document = (await server.app.inject({ url: '/api/openapi.json' })).json();
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/cloud/imports',
        '/api/v1/cloud/accounts',
        '/api/v1/cloud/accounts/{id}',
        '/api/v1/cloud/resources/{id}',
        '/api/v1/governance/overdue',
        '/api/v1/governance/owners',
        '/api/v1/governance/digest',
        '/api/v1/scores',
        '/api/v1/attack-paths',
      ]),
    );
    expect(document.paths['/api/v1/cloud/imports'].post.requestBody).toBeDefined();
  });
});

describe('the IaC inventory of a branch', () => {
  it('is replaced by full scans, untouched by diff scans and by retries of older runs', async () => {
    const own = await startTestServer({ codeToCloud: { analysis: { pollMs: 20 } } });
    try {
      const inventory = async () =>
        (await own.app.storage.cloud.loadAnalysisInput(own.organizationId)).iacResources
          .map((r) => r.address)
          .sort();
      const first = uploadOf(corpus, { runId: 'r1', resources: RESOURCES.slice(0, 2) });
      expect((await postScan(own.app, ADMIN_TOKEN, first)).statusCode).toBe(201);
      expect(await inventory()).toEqual(['Resources.ArchiveBucket', 'Resources.ReportsBucket']);

      const second = uploadOf(corpus, { runId: 'r2', commit: 'b'.repeat(40), resources: RESOURCES.slice(2) });
      expect((await postScan(own.app, ADMIN_TOKEN, second)).statusCode).toBe(201);
      expect(await inventory()).toEqual(['aws_s3_bucket.named', 'module.site.aws_s3_bucket.logs']);

      const diff = uploadOf(corpus, { runId: 'r3', kind: 'diff', resources: RESOURCES.slice(0, 1) });
      expect((await postScan(own.app, ADMIN_TOKEN, diff)).statusCode).toBe(201);
      // A retry of the first run is already recorded: it must not bring back the older inventory.
      expect((await postScan(own.app, ADMIN_TOKEN, first)).statusCode).toBe(200);
      expect(await inventory()).toEqual(['aws_s3_bucket.named', 'module.site.aws_s3_bucket.logs']);

      // Another branch has its own inventory.
      const feature = uploadOf(corpus, { runId: 'r4', branch: 'feature/x', resources: [] });
      expect((await postScan(own.app, ADMIN_TOKEN, feature)).statusCode).toBe(201);
      expect(await inventory()).toEqual(['aws_s3_bucket.named', 'module.site.aws_s3_bucket.logs']);

      // The analysis job runs after ingest (nothing else writes scores) and scores the default branch.
      for (let attempt = 0; attempt < 1000; attempt++) {
        if (!(await own.app.storage.cloud.analysisPending(own.organizationId))) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(await own.app.storage.cloud.lastAnalysis(own.organizationId)).toMatchObject({
        pending: false,
        lastError: null,
      });
      const scores = await own.app.inject({ url: '/api/v1/scores', headers: bearer(ADMIN_TOKEN) });
      expect(scores.json().organization).not.toBeNull();
      expect(scores.json().repositories).toHaveLength(1);
    } finally {
      await own.close();
    }
  });

  it('accepts resource tags with any key, and refuses malformed resources with a pointer', async () => {
    const tagged = uploadOf(corpus, {
      runId: 'tags',
      commit: 'c'.repeat(40),
      resources: [{ ...RESOURCES[0]!, tags: { 'key\nwith break': 'v', password: 'x' } }],
    });
    expect((await postScan(server.app, ADMIN_TOKEN, tagged)).statusCode).toBe(201);
    const bad = uploadOf(corpus, { runId: 'bad', resources: [{ ...RESOURCES[0]!, line: 0 }] });
    const response = await postScan(server.app, ADMIN_TOKEN, bad);
    expect(response.statusCode).toBe(400);
    expect(response.json().pointer).toBe('/resources/0/line');
    const tooLong = uploadOf(corpus, { runId: 'long', codeowners: 'x'.repeat(65_537) });
    expect((await postScan(server.app, ADMIN_TOKEN, tooLong)).json().pointer).toBe('/codeowners');
  });
});

function sqliteText(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
      name: string;
    }[];
    return tables
      .flatMap(({ name }) =>
        (db.prepare(`SELECT * FROM "${name}"`).all() as object[]).map((row) => JSON.stringify(row)),
      )
      .join('\n');
  } finally {
    db.close();
  }
}
