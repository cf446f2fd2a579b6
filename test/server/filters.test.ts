import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanResult } from '../../scanners/core/types.js';
import { ingestScan } from '../../server/ingest/ingest-scan.js';
import {
  ADMIN_TOKEN,
  bearer,
  postScan,
  type Session,
  scanServerCorpus,
  signIn,
  startTestServer,
  type TestServer,
  uploadOf,
  variant,
} from './helpers.js';

let server: TestServer;
let result: ScanResult;
let theirs: { token: string; findingId: number };
let readToken: string;
let analyst: Session;

const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();

interface Item {
  id: number;
  fingerprint: string;
  owner: string | null;
  ownerSource: string | null;
  status: string;
  firstSeenAt: string;
  repository: { name: string };
}

const findings = async (query: string, token = ADMIN_TOKEN) => {
  const response = await server.app.inject({ url: `/api/v1/findings?${query}`, headers: bearer(token) });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { items: Item[]; total: number; totalCapped: boolean };
};

beforeAll(async () => {
  server = await startTestServer();
  result = await scanServerCorpus();
  readToken = await server.token('read');
  analyst = await signIn(server.app, await server.user('analyst'));
  // "aged": the same three findings, first seen 40, 10 and 0 days ago, in a repository of their own.
  const [first, second, third] = result.findings;
  const aged = (findingsOf: ScanResult['findings'], runId: string) =>
    uploadOf({ findings: findingsOf, tool: result.tool }, { repository: 'aged', runId, kind: 'diff' });
  await ingestScan(
    server.app.storage,
    server.organizationId,
    aged([variant(first!, 'old')], 'r1'),
    daysAgo(40),
  );
  await ingestScan(
    server.app.storage,
    server.organizationId,
    aged([variant(second!, 'mid')], 'r2'),
    daysAgo(10),
  );
  await ingestScan(
    server.app.storage,
    server.organizationId,
    aged([variant(third!, 'new')], 'r3'),
    daysAgo(0),
  );
  expect((await postScan(server.app, ADMIN_TOKEN, uploadOf(result))).statusCode).toBe(201);

  const organizationId = await server.organization('other');
  const token = await server.token('admin', organizationId);
  expect((await postScan(server.app, token, uploadOf(result))).statusCode).toBe(201);
  theirs = { token, findingId: (await findings('limit=1', token)).items[0]!.id };
});
afterAll(async () => server.close());

describe('finding filters by age', () => {
  it('minAgeDays, openedBefore and openedAfter select by first seen', async () => {
    const names = async (query: string) =>
      (await findings(`repository=${await agedRepository()}&${query}`)).items
        .map((item) => item.fingerprint)
        .sort();
    expect(await names('')).toEqual(['mid', 'new', 'old']);
    expect(await names('minAgeDays=30')).toEqual(['old']);
    expect(await names('minAgeDays=5')).toEqual(['mid', 'old']);
    expect(await names('minAgeDays=0')).toEqual(['mid', 'new', 'old']);
    const fifteenDaysAgo = daysAgo(15).slice(0, 10);
    expect(await names(`openedAfter=${fifteenDaysAgo}`)).toEqual(['mid', 'new']);
    expect(await names(`openedBefore=${fifteenDaysAgo}`)).toEqual(['old']);
    expect(await names(`openedAfter=${fifteenDaysAgo}&minAgeDays=5`)).toEqual(['mid']);
    expect(await names(`openedBefore=${daysAgo(-1).slice(0, 10)}&minAgeDays=30`)).toEqual(['old']);
  });

  it('refuses malformed dates and ages with a pointer', async () => {
    for (const query of ['openedAfter=yesterday', 'openedBefore=2026-13-45', 'minAgeDays=-1']) {
      const response = await server.app.inject({
        url: `/api/v1/findings?${query}`,
        headers: bearer(ADMIN_TOKEN),
      });
      expect(response.statusCode, query).toBe(400);
      expect(response.json().pointer, query).toBe(`/${query.split('=')[0]}`);
    }
  });
});

async function agedRepository(): Promise<number> {
  const repositories = (
    await server.app.inject({ url: '/api/v1/repositories', headers: bearer(ADMIN_TOKEN) })
  ).json().items as Array<{ id: number; name: string }>;
  return repositories.find((repository) => repository.name === 'aged')!.id;
}

describe('owners', () => {
  it('an analyst assigns owners in bulk; the filter finds them; other organisations and unknown ids are reported', async () => {
    const infra = (await findings('limit=500')).items.filter((item) => item.repository.name === 'infra');
    const chosen = infra.slice(0, 2).map((item) => item.id);
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/v1/findings/owner',
      headers: { cookie: analyst.cookie, 'x-csrf-token': analyst.csrfToken },
      payload: { ids: [...chosen, theirs.findingId, 999_999], owner: 'team-payments' },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      owner: 'team-payments',
      assigned: [...chosen].sort((a, b) => a - b),
      notFound: [theirs.findingId, 999_999],
    });

    const owned = await findings('owner=team-payments');
    expect(owned.items.map((item) => item.id).sort()).toEqual([...chosen].sort());
    expect(owned.items.every((item) => item.ownerSource === 'assigned')).toBe(true);
    expect((await findings('owner=team-payments', theirs.token)).total).toBe(0);
    const theirFinding = await server.app.inject({
      url: `/api/v1/findings/${theirs.findingId}`,
      headers: bearer(theirs.token),
    });
    expect(theirFinding.json().finding.owner).toBeNull();

    const audit = await server.app.storage.listAudit(server.organizationId, 5);
    expect(audit[0]).toMatchObject({
      action: 'finding.owner',
      details: { owner: 'team-payments', findings: [...chosen].sort((a, b) => a - b) },
    });
    expect(audit[0]!.actor).toMatch(/^user:analyst-/);
  });

  it('derived owners never overwrite a person’s choice; clearing it lets a derivation fill it again', async () => {
    const all = (await findings('limit=500')).items.filter((item) => item.repository.name === 'infra');
    const assigned = all.filter((item) => item.owner === 'team-payments');
    expect(assigned.length).toBe(2);
    const changed = await server.app.storage.deriveFindingOwners(
      server.organizationId,
      all.map((item) => ({ findingId: item.id, owner: '@acme/platform' })),
      'codeowners',
      new Date().toISOString(),
    );
    expect(changed).toBe(all.length - 2);
    expect((await findings('owner=team-payments')).total).toBe(2);
    const derived = await findings('owner=%40acme%2Fplatform&limit=500');
    expect(derived.total).toBe(all.length - 2);
    expect(derived.items.every((item) => item.ownerSource === 'codeowners')).toBe(true);
    // The next analysis derives the same owners: nothing is written, so nothing counts as changed.
    const again = await server.app.storage.deriveFindingOwners(
      server.organizationId,
      all.map((item) => ({ findingId: item.id, owner: '@acme/platform' })),
      'codeowners',
      new Date().toISOString(),
    );
    expect(again).toBe(0);
    // The same owner from another source is a change of source.
    const fromTag = await server.app.storage.deriveFindingOwners(
      server.organizationId,
      [{ findingId: derived.items[0]!.id, owner: '@acme/platform' }],
      'tag',
      new Date().toISOString(),
    );
    expect(fromTag).toBe(1);

    const cleared = await server.app.inject({
      method: 'POST',
      url: '/api/v1/findings/owner',
      headers: bearer(ADMIN_TOKEN),
      payload: { ids: [assigned[0]!.id], owner: null },
    });
    expect(cleared.json().assigned).toEqual([assigned[0]!.id]);
    await server.app.storage.deriveFindingOwners(
      server.organizationId,
      [{ findingId: assigned[0]!.id, owner: '@acme/platform' }],
      'codeowners',
      new Date().toISOString(),
    );
    expect((await findings('owner=%40acme%2Fplatform&limit=500')).total).toBe(all.length - 1);
  });

  it('needs the triage permission and a valid body', async () => {
    const byReader = await server.app.inject({
      method: 'POST',
      url: '/api/v1/findings/owner',
      headers: bearer(readToken),
      payload: { ids: [1], owner: 'x' },
    });
    expect(byReader.statusCode).toBe(403);
    for (const payload of [
      { ids: [], owner: 'x' },
      { ids: [1], owner: 'x'.repeat(201) },
      { ids: [1] },
      { ids: Array.from({ length: 1001 }, (_, i) => i + 1), owner: 'x' },
    ]) {
      const response = await server.app.inject({
        method: 'POST',
        url: '/api/v1/findings/owner',
        headers: bearer(ADMIN_TOKEN),
        payload,
      });
      expect(response.statusCode, JSON.stringify(payload).slice(0, 60)).toBe(400);
    }
  });
});

describe('bulk status change', () => {
  const bulk = (payload: Record<string, unknown>, headers: Record<string, string> = bearer(ADMIN_TOKEN)) =>
    server.app.inject({ method: 'POST', url: '/api/v1/findings/status', headers, payload });

  it('applies one decision to many findings, each with its history event and audit entry', async () => {
    const open = (await findings('status=open&limit=500')).items.filter(
      (item) => item.repository.name === 'infra',
    );
    const ids = open.slice(0, 3).map((item) => item.id);
    const response = await bulk(
      { ids: [...ids, theirs.findingId, 999_999], status: 'risk_accepted', reason: 'compensating control' },
      { cookie: analyst.cookie, 'x-csrf-token': analyst.csrfToken },
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      changed: ids,
      notFound: [theirs.findingId, 999_999],
      invalidTransition: [],
    });
    for (const id of ids) {
      const detail = (
        await server.app.inject({ url: `/api/v1/findings/${id}`, headers: bearer(ADMIN_TOKEN) })
      ).json();
      expect(detail.finding).toMatchObject({ status: 'risk_accepted', statusReason: 'compensating control' });
      expect(detail.history.at(-1)).toMatchObject({
        kind: 'triaged',
        fromStatus: 'open',
        toStatus: 'risk_accepted',
      });
    }
    const audit = await server.app.storage.listAudit(server.organizationId, 10);
    expect(
      audit
        .filter((entry) => entry.action === 'finding.status')
        .map((entry) => entry.target)
        .sort(),
    ).toEqual(expect.arrayContaining(ids.map((id) => `finding:${id}`)));
    const theirFinding = await server.app.inject({
      url: `/api/v1/findings/${theirs.findingId}`,
      headers: bearer(theirs.token),
    });
    expect(theirFinding.json().finding.status).toBe('open');

    // Reopening: the accepted ones reopen, an open one cannot, and says so; the rest goes on.
    const stillOpen = open[5]!.id;
    const reopened = await bulk({
      ids: [ids[0], stillOpen, ids[1]],
      status: 'open',
      reason: 'control removed',
    });
    expect(reopened.json()).toEqual({
      changed: [ids[0], ids[1]],
      notFound: [],
      invalidTransition: [{ id: stillOpen, from: 'open' }],
    });
  });

  it('refuses a past expiry, a reader, a missing CSRF header and an empty list', async () => {
    const [first] = (await findings('status=open&limit=1')).items;
    const past = await bulk({
      ids: [first!.id],
      status: 'false_positive',
      reason: 'x',
      expiresOn: '2020-01-01',
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().pointer).toBe('/expiresOn');
    expect(
      (await bulk({ ids: [first!.id], status: 'false_positive', reason: 'x' }, bearer(readToken))).statusCode,
    ).toBe(403);
    expect(
      (await bulk({ ids: [first!.id], status: 'false_positive', reason: 'x' }, { cookie: analyst.cookie }))
        .statusCode,
    ).toBe(403);
    expect((await bulk({ ids: [], status: 'false_positive', reason: 'x' })).statusCode).toBe(400);
    expect((await findings(`status=open&limit=1`)).items[0]!.id).toBe(first!.id);
  });
});

describe('dashboard', () => {
  it('the findings page filters by owner and age and keeps them in paging links', async () => {
    // Assigned by a person: the analysis that triage decisions start re-derives only derived owners.
    const some = (await findings('limit=3')).items.map((item) => item.id);
    const assigned = await server.app.inject({
      method: 'POST',
      url: '/api/v1/findings/owner',
      headers: { cookie: analyst.cookie, 'x-csrf-token': analyst.csrfToken },
      payload: { ids: some, owner: '@acme/platform' },
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    const page = await server.app.inject({
      url: '/findings?owner=%40acme%2Fplatform&minAgeDays=0&openedAfter=2020-01-01&limit=1',
      headers: { cookie: analyst.cookie },
    });
    expect(page.statusCode).toBe(200);
    const total = (await findings('owner=%40acme%2Fplatform')).total;
    expect(total).toBeGreaterThan(1);
    expect(page.body).toContain('name="owner" value="@acme/platform"');
    expect(page.body).toContain(`1–1 of ${total}`);
    expect(page.body).toContain('owner=%40acme%2Fplatform&amp;minAgeDays=0&amp;openedAfter=2020-01-01');
    expect(page.body).toContain('name="minAgeDays" type="number" min="0" max="36500" value="0"');
  });
});
