import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packagePath } from '../../scanners/core/package.js';
import { buildApp } from '../../server/app.js';
import { bootstrap } from '../../server/bootstrap.js';
import { readServerConfig } from '../../server/config.js';
import { seedDemoData } from '../../server/demo/seed.js';
import { bearer, signIn } from './helpers.js';

const dataDirs: string[] = [];
function tempDataDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'palisade-startup-test-'));
  dataDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

describe('bootstrap', () => {
  it('creates the organisation, a working admin token and admin user once, and prints generated secrets once', async () => {
    const app = buildApp({ dataDir: tempDataDir() });
    await app.ready();
    try {
      const first = await bootstrap(app.storage);
      expect(first.created).toBe(true);
      expect(first.generatedToken).toMatch(/^pal_[\w-]{43}$/);
      expect(first.generatedPassword).toMatch(/^[\w-]{20}$/);
      const api = await app.inject({ url: '/api/v1/repositories', headers: bearer(first.generatedToken!) });
      expect(api.statusCode).toBe(200);
      await signIn(app, 'admin', first.generatedPassword);

      const again = await bootstrap(app.storage);
      expect(again).toEqual({ organization: first.organization, created: false });
      const audit = await app.storage.listAudit(first.organization.id, 10);
      expect(audit.filter((entry) => entry.action === 'bootstrap')).toHaveLength(1);
    } finally {
      await app.close();
    }
  });

  it('uses PALISADE_ADMIN_TOKEN and PALISADE_ADMIN_PASSWORD when given, and generates nothing', async () => {
    const app = buildApp({ dataDir: tempDataDir() });
    await app.ready();
    try {
      const token = 'pal_automation-token-from-the-environment';
      const setup = await bootstrap(app.storage, {
        adminToken: token,
        adminPassword: 'a long enough password',
      });
      expect(setup.generatedToken).toBeUndefined();
      expect(setup.generatedPassword).toBeUndefined();
      expect((await app.inject({ url: '/api/v1/scans', headers: bearer(token) })).statusCode).toBe(200);
      await signIn(app, 'admin', 'a long enough password');
    } finally {
      await app.close();
    }
  });
});

describe('demo data', () => {
  it('seeds real scans into an empty database, with closed findings and history, and only once', async () => {
    const app = buildApp({ dataDir: tempDataDir() });
    await app.ready();
    try {
      const setup = await bootstrap(app.storage, { adminToken: 'pal_demo-test-token-0123456789' });
      const seeded = await seedDemoData(app.storage, setup.organization.id);
      expect(seeded.seeded).toBe(true);
      // The example cloud data: a Prowler OCSF file and a Terraform state of the same account.
      expect(seeded.cloudImports).toBe(2);
      const summary = await app.storage.summarize(setup.organization.id);
      expect(summary.repositories.map((repository) => repository.name)).toEqual([
        'container-images',
        'k8s-manifests',
        'platform-infra',
      ]);
      expect(summary.byStatus.open).toBeGreaterThan(5);
      // The second scan of main fixed the leaked keys of config/deploy.env: they, and only they, closed.
      expect(summary.byStatus.closed).toBeGreaterThanOrEqual(1);
      expect(summary.recentScans).toHaveLength(seeded.scans);
      const closed = await app.storage.listFindings(setup.organization.id, {
        status: ['closed'],
        sort: 'severity',
        order: 'desc',
        limit: 10,
        offset: 0,
      });
      expect(
        closed.items.every((finding) => finding.category === 'secret' && finding.mitigatedAt !== null),
      ).toBe(true);
      expect(closed.items.map((finding) => finding.location.file)).toContain('config/deploy.env');
      const history = await app.storage.listFindingEvents(setup.organization.id, closed.items[0]!.id);
      expect(history.map((event) => event.kind)).toEqual(['opened', 'closed']);

      expect(await seedDemoData(app.storage, setup.organization.id)).toEqual({ seeded: false, scans: 0 });
    } finally {
      await app.close();
    }
  });
});

describe('health', () => {
  it('/healthz and /readyz answer, and /readyz reports the database', async () => {
    const app = buildApp({ dataDir: tempDataDir() });
    await app.ready();
    try {
      expect((await app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
      expect((await app.inject({ url: '/readyz' })).json()).toEqual({ status: 'ready', database: 'sqlite' });
      expect((await app.inject({ url: '/nowhere' })).statusCode).toBe(404);
    } finally {
      await app.close();
    }
  });
});

describe('server configuration', () => {
  it('defaults to 127.0.0.1:8080, ./data and demo data', () => {
    expect(readServerConfig({}, '/srv/palisade')).toEqual({
      host: '127.0.0.1',
      port: 8080,
      dataDir: '/srv/palisade/data',
      adminToken: undefined,
      adminPassword: undefined,
      databaseUrl: undefined,
      demo: true,
      trustProxy: false,
      asyncIngestThreshold: 5_000,
      jobLeaseMs: 60_000,
      exports: [],
      codeHosts: {},
      slaDays: { critical: 7, high: 30, medium: 90, low: 180, info: null },
    });
  });

  it('reads the environment and rejects bad values with a message that says what to do', () => {
    const config = readServerConfig(
      {
        HOST: '0.0.0.0',
        PORT: '9000',
        PALISADE_DATA_DIR: '/var/lib/palisade',
        PALISADE_DEMO: '0',
        PALISADE_TRUST_PROXY: '1',
        DATABASE_URL: 'postgres://palisade:secret@db.internal:5432/palisade',
        PALISADE_ASYNC_INGEST_THRESHOLD: '20000',
        PALISADE_JOB_LEASE_SECONDS: '5',
        PALISADE_CODE_HOSTS: 'gitlab=https://git.example.com/',
        PALISADE_SLA_DAYS: 'critical=3, low=none',
      },
      '/srv',
    );
    expect(config).toMatchObject({
      host: '0.0.0.0',
      port: 9000,
      dataDir: '/var/lib/palisade',
      databaseUrl: 'postgres://palisade:secret@db.internal:5432/palisade',
      demo: false,
      trustProxy: true,
      asyncIngestThreshold: 20_000,
      jobLeaseMs: 5_000,
      codeHosts: { gitlab: 'https://git.example.com' },
      slaDays: { critical: 3, high: 30, medium: 90, low: null, info: null },
    });
    expect(() => readServerConfig({ PALISADE_SLA_DAYS: 'urgent=1' })).toThrow(/unknown severity/);
    expect(() => readServerConfig({ PALISADE_CODE_HOSTS: 'github=ftp://x' })).toThrow(/http/);
    expect(() => readServerConfig({ DATABASE_URL: 'mysql://db/palisade' })).toThrow(/postgres:\/\//);
    expect(() => readServerConfig({ PALISADE_JOB_LEASE_SECONDS: '0' })).toThrow(/whole number of 1 or more/);
    expect(() => readServerConfig({ PORT: 'eighty' })).toThrow(/PORT must be a port number/);
    expect(() => readServerConfig({ PALISADE_ADMIN_TOKEN: 'short' })).toThrow(/at least 20 characters/);
    expect(() => readServerConfig({ PALISADE_ADMIN_PASSWORD: 'short' })).toThrow(/at least 12 characters/);
  });
});

describe('server.ts as a process', () => {
  let child: ChildProcess;
  let output = '';

  beforeAll(async () => {
    child = spawn(process.execPath, ['--import', 'tsx', packagePath('server/server.ts')], {
      cwd: packagePath('.'),
      env: {
        ...process.env,
        PORT: '0',
        PALISADE_DATA_DIR: tempDataDir(),
        PALISADE_DEMO: '0',
        PALISADE_ADMIN_TOKEN: 'pal_process-test-token-0123456789',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (chunk) => {
      output += String(chunk);
    });
    child.stderr!.on('data', (chunk) => {
      output += String(chunk);
    });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
      const check = setInterval(() => {
        if (/Palisade dashboard: http/.test(output)) {
          clearInterval(check);
          clearTimeout(timer);
          resolve();
        }
      }, 50);
    });
  });
  afterAll(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });

  it('prints the dashboard URL, serves it, and stops cleanly on SIGTERM', async () => {
    const url = /Palisade dashboard: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)![1]!;
    expect(output).toContain('Admin API token: the one in PALISADE_ADMIN_TOKEN');
    expect(output).toMatch(/password \(shown once\): [\w-]{20}/);
    expect((await fetch(`${url}healthz`)).status).toBe(200);
    const api = await fetch(`${url}api/v1/repositories`, {
      headers: bearer('pal_process-test-token-0123456789'),
    });
    expect(await api.json()).toEqual({ items: [] });
    const page = await fetch(url, { redirect: 'manual' });
    expect(page.status).toBe(303);

    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
