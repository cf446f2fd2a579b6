/**
 * Reliability: the server is killed with SIGKILL in the middle of ingesting a large queued scan. After the
 * restart no partial scan is visible, the queued job is taken over, and uploading the run again completes it
 * rather than duplicating it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { packagePath } from '../../scanners/core/package.js';
import { openSqliteStorage, sqliteFile } from '../../server/storage/sqlite.js';
import { buildFinding, sha256 } from '../helpers/scan-result.js';

const TOKEN = 'pal_crash-test-token-0123456789';
const FINDINGS = 40_000;
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'palisade-crash-'));
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

/** Starts server.ts on the shared data folder and resolves with its base URL. */
async function startServer(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', packagePath('server/server.ts')], {
    cwd: packagePath('.'),
    env: {
      ...process.env,
      PORT: '0',
      PALISADE_DATA_DIR: dataDir,
      PALISADE_DEMO: '0',
      PALISADE_ADMIN_TOKEN: TOKEN,
      PALISADE_JOB_LEASE_SECONDS: '2',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (chunk) => (output += String(chunk)));
  child.stderr!.on('data', (chunk) => (output += String(chunk)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    const check = setInterval(() => {
      const match = /Palisade dashboard: (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (match) {
        clearInterval(check);
        clearTimeout(timer);
        resolve(match[1]!);
      }
    }, 50);
  });
  return { child, url };
}

const upload = {
  provider: 'github',
  organization: 'acme',
  repository: 'monorepo',
  branch: 'main',
  commit: 'e'.repeat(40),
  kind: 'full',
  runId: 'nightly-1',
  tool: { name: 'palisade', version: 'test' },
  findings: Array.from({ length: FINDINGS }, (_, i) =>
    buildFinding({
      location: {
        file: `services/s${i % 211}/main.tf`,
        startLine: 1 + (i % 500),
        startColumn: 1,
        endLine: 1,
        endColumn: 9,
      },
      fingerprint: sha256(`crash-${i}`),
    }),
  ),
};

async function post(url: string): Promise<Response> {
  return fetch(`${url}/api/v1/scans`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(upload),
  });
}

async function jobState(url: string, statusUrl: string) {
  const response = await fetch(`${url}${statusUrl}`, { headers: { authorization: `Bearer ${TOKEN}` } });
  return (await response.json()) as { job: { id: number; status: string; scanId: number | null } };
}

describe('SIGKILL during ingestion', () => {
  it('leaves no partial scan, and the restarted server completes the job once', async () => {
    const first = await startServer();
    const accepted = await post(first.url);
    expect(accepted.status).toBe(202);
    const { statusUrl, job } = (await accepted.json()) as { statusUrl: string; job: { id: number } };

    // Kill it while the worker is inside the scan's transaction. better-sqlite3 runs the transaction on the
    // server's event loop, so the API cannot answer then: watch the job row from here (WAL allows a reader).
    const watcher = new SqliteDatabase(sqliteFile(dataDir), { readonly: true, fileMustExist: true });
    const status = () =>
      (watcher.prepare('select status from ingest_jobs where id = ?').get(job.id) as { status: string })
        .status;
    for (let i = 0; i < 600 && status() === 'queued'; i++)
      await new Promise((resolve) => setTimeout(resolve, 10));
    expect(status()).toBe('running');
    watcher.close();
    await new Promise((resolve) => setTimeout(resolve, 400));
    const killed = new Promise((resolve) => first.child.once('exit', resolve));
    first.child.kill('SIGKILL');
    await killed;

    const afterCrash = await openSqliteStorage(dataDir);
    try {
      expect(await afterCrash.countScans()).toBe(0);
      const organization = await afterCrash.findOrganizationBySlug('default');
      const { total } = await afterCrash.listFindings(organization!.id, {
        sort: 'severity',
        order: 'desc',
        limit: 1,
        offset: 0,
      });
      expect(total).toBe(0);
      expect((await afterCrash.getIngestJob(organization!.id, job.id))?.status).toBe('running');
    } finally {
      await afterCrash.close();
    }

    const second = await startServer();
    // The pipeline retries its upload: the same job, not a second one.
    const retried = await post(second.url);
    expect([200, 202]).toContain(retried.status);
    if (retried.status === 202)
      expect(((await retried.json()) as { job: { id: number } }).job.id).toBe(job.id);

    let state = await jobState(second.url, statusUrl);
    for (let i = 0; i < 1200 && state.job.status !== 'done'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      state = await jobState(second.url, statusUrl);
    }
    expect(state.job.status).toBe('done');
    const scans = await fetch(`${second.url}/api/v1/scans`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    const items = ((await scans.json()) as { items: Array<{ counts: { total: number } }> }).items;
    expect(items).toHaveLength(1);
    expect(items[0]!.counts.total).toBe(FINDINGS);
    second.child.kill('SIGTERM');
  });
});
