/** Background ingestion: 202 with a status URL, the worker, retries, crash recovery, and /metrics. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding, ScanResult } from '../../scanners/core/types.js';
import { IngestRunner } from '../../server/jobs/ingest-runner.js';
import { buildFinding, sha256 } from '../helpers/scan-result.js';
import {
  ADMIN_TOKEN,
  bearer,
  postScan,
  scanServerCorpus,
  startTestServer,
  type TestServer,
  uploadOf,
} from './helpers.js';

let server: TestServer;
let result: ScanResult;

beforeAll(async () => {
  server = await startTestServer({ asyncIngestThreshold: 2_000, jobs: { runner: { pollMs: 50 } } });
  result = await scanServerCorpus();
});
afterAll(async () => server.close());

/** `count` distinct findings, spread over files and severities. */
function manyFindings(count: number): Finding[] {
  const severities = ['critical', 'high', 'medium', 'low', 'info'] as const;
  return Array.from({ length: count }, (_, i) =>
    buildFinding({
      ruleId: `PAL-BULK-${String(i % 40).padStart(3, '0')}`,
      severity: severities[i % severities.length],
      location: {
        file: `modules/m${i % 97}/main.tf`,
        startLine: 1 + (i % 300),
        startColumn: 1,
        endLine: 1,
        endColumn: 5,
      },
      fingerprint: sha256(`bulk-${i}`),
    }),
  );
}

async function waitForJob(
  statusUrl: string,
): Promise<{ job: { status: string; scanId: number | null; error: string | null }; scanUrl: string | null }> {
  for (let i = 0; i < 600; i++) {
    const response = await server.app.inject({ url: statusUrl, headers: bearer(ADMIN_TOKEN) });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    if (body.job.status === 'done' || body.job.status === 'failed') return body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`job at ${statusUrl} did not finish`);
}

describe('queued ingestion', () => {
  it('answers 202 with a status URL for a large upload, then records it in the background', async () => {
    const findings = manyFindings(12_000);
    const upload = uploadOf({ ...result, findings }, { repository: 'bulk', runId: 'bulk-1' });
    const accepted = await postScan(server.app, ADMIN_TOKEN, upload);
    expect(accepted.statusCode, accepted.body).toBe(202);
    const { job, statusUrl } = accepted.json();
    expect(accepted.headers.location).toBe(statusUrl);
    expect(job).toMatchObject({ status: 'queued', findings: 12_000, scanId: null });

    const done = await waitForJob(statusUrl);
    expect(done.job).toMatchObject({ status: 'done', error: null });
    const scan = await server.app.inject({ url: done.scanUrl!, headers: bearer(ADMIN_TOKEN) });
    expect(scan.json().counts).toMatchObject({ total: 12_000, new: 12_000 });

    // A retry of the same run after it was recorded: 200 with the scan, nothing queued again.
    const retry = await postScan(server.app, ADMIN_TOKEN, upload);
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toMatchObject({ created: false, scan: { id: done.job.scanId } });
  });

  it('queues a small upload too when the client asks with Prefer: respond-async', async () => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/v1/scans',
      headers: { ...bearer(ADMIN_TOKEN), prefer: 'respond-async' },
      payload: uploadOf(result, { repository: 'small-async', runId: 'small-1' }),
    });
    expect(response.statusCode).toBe(202);
    const done = await waitForJob(response.json().statusUrl);
    expect(done.job.status).toBe('done');
  });

  it('keeps one job for a run uploaded twice while it waits, and keeps no snippet in the queue', async () => {
    const idle = await startTestServer({ asyncIngestThreshold: 1, jobs: { worker: false } });
    try {
      const withSnippets = result.findings.map((finding) => ({ ...finding, snippet: 'SOURCE-TEXT-MARKER' }));
      const upload = uploadOf({ ...result, findings: withSnippets }, { repository: 'twice', runId: 'r1' });
      const first = await postScan(idle.app, ADMIN_TOKEN, upload);
      const second = await postScan(idle.app, ADMIN_TOKEN, upload);
      expect([first.statusCode, second.statusCode]).toEqual([202, 202]);
      expect(second.json().job.id).toBe(first.json().job.id);

      const claimed = await idle.app.storage.claimIngestJob(new Date().toISOString(), 60_000);
      expect(claimed?.id).toBe(first.json().job.id);
      expect(claimed?.payload).not.toContain('SOURCE-TEXT-MARKER');
      // Claimed and leased: no second worker gets it.
      expect(await idle.app.storage.claimIngestJob(new Date().toISOString(), 60_000)).toBeUndefined();
    } finally {
      await idle.close();
    }
  });

  it('takes over a job whose worker died, once its lease has run out', async () => {
    const idle = await startTestServer({ asyncIngestThreshold: 1, jobs: { worker: false } });
    try {
      const response = await postScan(
        idle.app,
        ADMIN_TOKEN,
        uploadOf(result, { repository: 'orphan', runId: 'o1' }),
      );
      const jobId = response.json().job.id;
      // A worker claimed it an hour ago with a one-minute lease, and never came back.
      const anHourAgo = new Date(Date.now() - 3_600_000).toISOString();
      expect((await idle.app.storage.claimIngestJob(anHourAgo, 60_000))?.id).toBe(jobId);

      const runner = new IngestRunner(idle.app.storage, idle.app.log, { pollMs: 20 });
      runner.start();
      let job = await idle.app.storage.getIngestJob(idle.organizationId, jobId);
      for (let i = 0; i < 200 && job?.status !== 'done'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 25));
        job = await idle.app.storage.getIngestJob(idle.organizationId, jobId);
      }
      await runner.stop();
      expect(job).toMatchObject({ status: 'done', attempts: 2 });
      expect(job?.scanId).toBeGreaterThan(0);
    } finally {
      await idle.close();
    }
  });

  it('retries a failing job and then marks it failed with the reason', async () => {
    const idle = await startTestServer({ jobs: { worker: false } });
    try {
      const run = {
        organizationId: idle.organizationId,
        provider: 'github',
        owner: 'acme',
        repository: 'broken',
        commit: 'd'.repeat(40),
        kind: 'full' as const,
        runId: 'b1',
      };
      const { job } = await idle.app.storage.enqueueIngestJob(
        run,
        '{"not": "an upload"',
        0,
        new Date().toISOString(),
      );
      const outcomes: string[] = [];
      const runner = new IngestRunner(idle.app.storage, idle.app.log, {
        pollMs: 10,
        maxAttempts: 2,
        onJobDone: (report) => outcomes.push(report.outcome),
      });
      runner.start();
      for (let i = 0; i < 200 && outcomes.length < 2; i++)
        await new Promise((resolve) => setTimeout(resolve, 10));
      await runner.stop();
      expect(outcomes).toEqual(['retry', 'failed']);
      const failed = await idle.app.storage.getIngestJob(idle.organizationId, job.id);
      expect(failed).toMatchObject({ status: 'failed', attempts: 2 });
      expect(failed?.error).toMatch(/JSON/);
    } finally {
      await idle.close();
    }
  });

  it("hides another organisation's jobs", async () => {
    const other = await server.organization('other-org');
    const otherToken = await server.token('read', other);
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/v1/scans',
      headers: { ...bearer(ADMIN_TOKEN), prefer: 'respond-async' },
      payload: uploadOf(result, { repository: 'private', runId: 'p1' }),
    });
    const foreign = await server.app.inject({ url: response.json().statusUrl, headers: bearer(otherToken) });
    expect(foreign.statusCode).toBe(404);
  });
});

describe('/metrics', () => {
  it('serves Prometheus text with ingestion counters and route-level HTTP timings, and no repository names', async () => {
    await postScan(
      server.app,
      ADMIN_TOKEN,
      uploadOf(result, { repository: 'metrics-repo-name', runId: 'm1' }),
    );
    const response = await server.app.inject({ url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain');
    const text = response.body;
    expect(text).toMatch(/^palisade_scans_ingested_total\{kind="full",outcome="created"\} [1-9]\d*$/m);
    expect(text).toMatch(/^palisade_findings_ingested_total [1-9]\d*$/m);
    expect(text).toMatch(
      /^palisade_http_request_duration_seconds_count\{method="POST",route="\/api\/v1\/scans",status_code="201"\} [1-9]/m,
    );
    expect(text).toMatch(/^palisade_ingest_jobs_total\{outcome="done"\} [1-9]/m);
    expect(text).toMatch(/^palisade_process_resident_memory_bytes \d+/m);
    expect(text).not.toContain('metrics-repo-name');
  });
});

describe('finding totals', () => {
  it('counts exactly up to 10,000 and says "more" past it, in the API and on the dashboard page', async () => {
    // The queued upload of 12,000 findings above went to repository "bulk".
    const repositories = await server.app.inject({
      url: '/api/v1/repositories',
      headers: bearer(ADMIN_TOKEN),
    });
    const bulk = repositories.json().items.find((item: { name: string }) => item.name === 'bulk');
    const all = await server.app.inject({
      url: `/api/v1/findings?repository=${bulk.id}&limit=10`,
      headers: bearer(ADMIN_TOKEN),
    });
    expect(all.json()).toMatchObject({ total: 10_000, totalCapped: true });
    const critical = await server.app.inject({
      url: `/api/v1/findings?repository=${bulk.id}&severity=critical&limit=10`,
      headers: bearer(ADMIN_TOKEN),
    });
    // 12,000 findings over five severities: 2,400 critical, counted exactly.
    expect(critical.json()).toMatchObject({ total: 2_400, totalCapped: false });
  });
});
