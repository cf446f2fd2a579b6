import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding, ScanResult, Severity } from '../../scanners/core/types.js';
import { SEVERITIES } from '../../scanners/core/types.js';
import { ingestScan } from '../../server/ingest/ingest-scan.js';
import { MIGRATIONS } from '../../server/storage/migrations/index.js';
import {
  ADMIN_TOKEN,
  bearer,
  scanServerCorpus,
  startTestServer,
  type TestServer,
  uploadOf,
  variant,
} from './helpers.js';
import { createTestDatabase, TEST_BACKEND } from './postgres.js';

let server: TestServer;
let result: ScanResult;
let findingIds: Record<string, number>;
let infraId: number;

const DAY = 86_400_000;
/** Today (UTC) at midnight, and a time on a day `offset` days before it. */
const today = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());
const at = (daysBefore: number, hour: number) =>
  new Date(today - daysBefore * DAY + hour * 3_600_000).toISOString();
const date = (daysBefore: number) => new Date(today - daysBefore * DAY).toISOString().slice(0, 10);

/** Five findings of the corpus under fixed names, so that each keeps its real severity. */
let named: Record<'A' | 'B' | 'C' | 'D' | 'E', Finding>;

function counts(...names: Array<keyof typeof named>): Record<Severity, number> {
  const result = Object.fromEntries(SEVERITIES.map((severity) => [severity, 0])) as Record<Severity, number>;
  for (const name of names) result[named[name].severity] += 1;
  return result;
}

/**
 * A hand-built history, through the real ingestion and triage at chosen times:
 *   day -6 09:00  infra: A B C D opened
 *   day -5 12:00  web:   E opened
 *   day -4 09:00  infra: A B C (D fixed: 2.0 days after first seen)
 *   day -3 21:00  infra: A B   (C fixed)
 *   day -2 00:00  web:   nothing (E fixed: 2.5 days after first seen)
 *   day -2 09:00  infra: A B C (C reopened)
 *   day -1 15:00  B accepted as a risk
 */
beforeAll(async () => {
  server = await startTestServer();
  result = await scanServerCorpus();
  const [a, b, c, d, e] = result.findings;
  named = {
    A: variant(a!, 'A'),
    B: variant(b!, 'B'),
    C: variant(c!, 'C'),
    D: variant(d!, 'D'),
    E: variant(e!, 'E'),
  };
  const scanAt = async (repository: string, names: Array<keyof typeof named>, time: string) => {
    const upload = uploadOf(
      { findings: names.map((name) => named[name]), tool: result.tool },
      { repository, runId: `run-${time}` },
    );
    return ingestScan(server.app.storage, server.organizationId, upload, time);
  };
  const first = await scanAt('infra', ['A', 'B', 'C', 'D'], at(6, 9));
  infraId = first.scan.repository.id;
  await scanAt('web', ['E'], at(5, 12));
  await scanAt('infra', ['A', 'B', 'C'], at(4, 9));
  await scanAt('infra', ['A', 'B'], at(3, 21));
  await scanAt('web', [], at(2, 0));
  await scanAt('infra', ['A', 'B', 'C'], at(2, 9));
  const items = (
    await server.app.inject({ url: '/api/v1/findings?limit=500', headers: bearer(ADMIN_TOKEN) })
  ).json().items as Array<{ id: number; fingerprint: string }>;
  findingIds = Object.fromEntries(items.map((item) => [item.fingerprint, item.id]));
  const triaged = await server.app.storage.changeFindingStatus(
    server.organizationId,
    findingIds.B!,
    { status: 'risk_accepted', reason: 'accepted', expiresAt: null, actor: 'user:test' },
    at(1, 15),
  );
  expect(triaged.outcome).toBe('changed');
});
afterAll(async () => server.close());

const trends = async (query: string, token = ADMIN_TOKEN) => {
  const response = await server.app.inject({ url: `/api/v1/trends?${query}`, headers: bearer(token) });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};

describe('trends', () => {
  it('counts opened, fixed, reopened and open at the end of each day, by severity', async () => {
    const body = await trends('days=7');
    expect(body.from).toBe(`${date(6)}T00:00:00.000Z`);
    expect(body.days.map((day: { date: string }) => day.date)).toEqual([6, 5, 4, 3, 2, 1, 0].map(date));
    const none = counts();
    expect(body.days).toEqual([
      {
        date: date(6),
        opened: counts('A', 'B', 'C', 'D'),
        fixed: none,
        reopened: none,
        open: counts('A', 'B', 'C', 'D'),
      },
      {
        date: date(5),
        opened: counts('E'),
        fixed: none,
        reopened: none,
        open: counts('A', 'B', 'C', 'D', 'E'),
      },
      { date: date(4), opened: none, fixed: counts('D'), reopened: none, open: counts('A', 'B', 'C', 'E') },
      { date: date(3), opened: none, fixed: counts('C'), reopened: none, open: counts('A', 'B', 'E') },
      { date: date(2), opened: none, fixed: counts('E'), reopened: counts('C'), open: counts('A', 'B', 'C') },
      { date: date(1), opened: none, fixed: none, reopened: none, open: counts('A', 'C') },
      { date: date(0), opened: none, fixed: none, reopened: none, open: counts('A', 'C') },
    ]);
  });

  it('walks back from the current open count when the window starts after the history', async () => {
    const body = await trends('days=3');
    expect(body.days.map((day: { open: unknown }) => day.open)).toEqual([
      counts('A', 'B', 'C'),
      counts('A', 'C'),
      counts('A', 'C'),
    ]);
    expect(body.days[0].reopened).toEqual(counts('C'));
  });

  it('gives the mean time to remediate of findings closed in the window', async () => {
    const body = await trends('days=30');
    // D: day -6 09:00 to day -4 09:00; E: day -5 12:00 to day -2 00:00.
    expect(body.meanTimeToRemediate.findings).toBe(2);
    expect(body.meanTimeToRemediate.days).toBe(2.25);
    const bySeverity = body.meanTimeToRemediate.bySeverity;
    const d = named.D.severity;
    const e = named.E.severity;
    if (d === e) expect(bySeverity[d]).toEqual({ findings: 2, days: 2.25 });
    else {
      expect(bySeverity[d]).toEqual({ findings: 1, days: 2 });
      expect(bySeverity[e]).toEqual({ findings: 1, days: 2.5 });
    }
    // A 4-day window starts at day -3: E was closed in it, D before it.
    expect((await trends('days=4')).meanTimeToRemediate.findings).toBe(1);
  });

  it('filters by repository', async () => {
    const body = await trends(`days=7&repository=${infraId}`);
    expect(body.days[1].opened).toEqual(counts());
    expect(body.days[1].open).toEqual(counts('A', 'B', 'C', 'D'));
    expect(body.days[4].fixed).toEqual(counts());
    expect(body.meanTimeToRemediate).toMatchObject({ findings: 1, days: 2 });
  });

  it('shows another organisation nothing of this one', async () => {
    const organizationId = await server.organization('other');
    const token = await server.token('read', organizationId);
    const body = await trends('days=7', token);
    for (const day of body.days) {
      expect(day).toMatchObject({ opened: counts(), fixed: counts(), reopened: counts(), open: counts() });
    }
    expect(body.meanTimeToRemediate).toMatchObject({ findings: 0, days: null });
    const byRepository = await trends(`days=7&repository=${infraId}`, token);
    expect(byRepository.days[0].opened).toEqual(counts());
  });

  it('validates the window and needs the read permission', async () => {
    for (const query of ['days=0', 'days=367', 'days=x', 'repository=0', 'since=1']) {
      const response = await server.app.inject({
        url: `/api/v1/trends?${query}`,
        headers: bearer(ADMIN_TOKEN),
      });
      expect(response.statusCode, query).toBe(400);
    }
    const ingest = await server.token('ingest');
    expect((await server.app.inject({ url: '/api/v1/trends', headers: bearer(ingest) })).statusCode).toBe(
      403,
    );
    expect((await server.app.inject({ url: '/api/v1/trends' })).statusCode).toBe(401);
    expect((await trends('')).days).toHaveLength(30);
  });

  it('is described in the OpenAPI document', async () => {
    const openapi = (await server.app.inject({ url: '/api/openapi.json' })).json();
    const operation = openapi.paths['/api/v1/trends'].get;
    expect(operation.parameters.map((parameter: { name: string }) => parameter.name).sort()).toEqual([
      'days',
      'repository',
    ]);
    const schema = operation.responses['200'].content['application/json'].schema;
    expect(Object.keys(schema.properties).sort()).toEqual(['days', 'from', 'meanTimeToRemediate', 'to']);
  });
});

describe('the upgrade to migration 0005', () => {
  it('gives events recorded before it their organisation, so that trends count them', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'palisade-upgrade-test-'));
    const database = TEST_BACKEND === 'postgres' ? await createTestDatabase() : undefined;
    // biome-ignore lint/suspicious/noExplicitAny: the schema before the upgrade, not today's table types.
    const db = new Kysely<any>({
      dialect: database
        ? new PostgresDialect({ pool: new pg.Pool({ connectionString: database.url, max: 2 }) })
        : new SqliteDialect({ database: new SqliteDatabase(path.join(dataDir, 'upgrade.sqlite')) }),
    });
    try {
      const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
      expect((await migrator.migrateTo('0004_finding_indexes')).error).toBeUndefined();
      const now = '2026-01-01T00:00:00.000Z';
      for (const [id, slug] of [
        [1, 'first'],
        [2, 'second'],
      ] as const) {
        await sql`insert into organizations (id, slug, name, created_at) values (${id}, ${slug}, ${slug}, ${now})`.execute(
          db,
        );
        await sql`insert into repositories (id, organization_id, provider, owner, name, created_at)
          values (${id}, ${id}, 'github', 'acme', 'infra', ${now})`.execute(db);
        await sql`insert into scans (id, organization_id, repository_id, branch, commit_sha, kind, run_id, tool_name,
            tool_version, status, findings_total, findings_new, findings_closed, findings_reopened, severity_counts, created_at)
          values (${id}, ${id}, ${id}, 'main', 'abc', 'full', 'r', 'palisade', '1', 'completed', 1, 1, 0, 0, '{}', ${now})`.execute(
          db,
        );
        await sql`insert into findings (id, organization_id, repository_id, branch, fingerprint, rule_id, title, severity,
            severity_rank, category, message, file, start_line, start_column, end_line, end_column, help_uri, remediation,
            cwe, tags, status, first_seen_at, last_seen_at, first_scan_id, last_scan_id, updated_at)
          values (${id}, ${id}, ${id}, 'main', 'f', 'PAL-1', 't', 'high', 3, 'iac', 'm', 'main.tf', 1, 1, 1, 1, '', '',
            '[]', '[]', 'open', ${now}, ${now}, ${id}, ${id}, ${now})`.execute(db);
        await sql`insert into finding_events (finding_id, scan_id, kind, from_status, to_status, created_at)
          values (${id}, ${id}, 'opened', null, 'open', ${now})`.execute(db);
      }
      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      const rows = await sql<{ finding_id: number; organization_id: number }>`
        select finding_id, organization_id from finding_events order by finding_id`.execute(db);
      expect(rows.rows.map((row) => [Number(row.finding_id), Number(row.organization_id)])).toEqual([
        [1, 1],
        [2, 2],
      ]);
      // Migration 0010 counts the findings already there.
      const counted = await sql<{ repository_id: number; organization_id: number; count: number }>`
        select repository_id, organization_id, status, category, severity, count from finding_counts
        order by repository_id`.execute(db);
      expect(
        counted.rows.map((row) => ({
          ...row,
          repository_id: Number(row.repository_id),
          organization_id: Number(row.organization_id),
          count: Number(row.count),
        })),
      ).toEqual([
        { repository_id: 1, organization_id: 1, status: 'open', category: 'iac', severity: 'high', count: 1 },
        { repository_id: 2, organization_id: 2, status: 'open', category: 'iac', severity: 'high', count: 1 },
      ]);
    } finally {
      await db.destroy();
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
