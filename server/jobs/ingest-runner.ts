/**
 * Background ingestion: a worker loop that claims queued upload jobs from the database and records them.
 * The job row is the source of truth (status URL, idempotency, crash recovery), so every replica can run a
 * worker: claims are atomic, and a job whose worker died is claimed again when its lease runs out. A scan is
 * recorded in one transaction, so a crash mid-way leaves nothing visible and the retry starts clean.
 */
import type { FastifyBaseLogger } from 'fastify';
import { ingestScan } from '../ingest/ingest-scan.js';
import type { ScanUpload } from '../schemas/upload.js';
import type { Storage } from '../storage/storage.js';
import { PollingLoop } from './polling-loop.js';

export interface IngestRunnerOptions {
  /** How often an idle worker looks for work queued by another replica (default 1 s). */
  pollMs?: number;
  /** How long a claim lasts unless renewed; the worker renews it at a third of this while it works (default 60 s). */
  leaseMs?: number;
  /** Attempts before a job is marked failed (default 3). */
  maxAttempts?: number;
  /** Called after each job, for metrics. */
  onJobDone?: (report: JobReport) => void;
}

export interface JobReport {
  outcome: 'done' | 'retry' | 'failed';
  findings: number;
  seconds: number;
  /** For a done job: the scan's kind and whether it was new (false: the run was already recorded). */
  kind?: 'full' | 'diff';
  created?: boolean;
}

export class IngestRunner {
  private readonly loop: PollingLoop;
  private readonly leaseMs: number;
  private readonly maxAttempts: number;

  constructor(
    private readonly storage: Storage,
    private readonly log: FastifyBaseLogger,
    private readonly options: IngestRunnerOptions = {},
  ) {
    this.leaseMs = options.leaseMs ?? 60_000;
    this.maxAttempts = options.maxAttempts ?? 3;
    this.loop = new PollingLoop(
      () => this.runOne(),
      options.pollMs ?? 1000,
      (error) => log.error({ err: error }, 'ingest worker could not claim a job'),
    );
  }

  start(): void {
    this.loop.start();
  }

  /** Looks for work now rather than at the next poll (after an upload was queued here). */
  wake(): void {
    this.loop.wake();
  }

  /** Stops taking jobs and waits for the one in hand to finish. */
  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** Claims and runs one job; false when there was none. */
  private async runOne(): Promise<boolean> {
    const job = await this.storage.claimIngestJob(new Date().toISOString(), this.leaseMs);
    if (!job) return false;
    const started = performance.now();
    let findings = 0;
    // Renew the lease while working, so that only a dead worker's job is taken over.
    const heartbeat = setInterval(
      () => {
        const until = new Date(Date.now() + this.leaseMs).toISOString();
        this.storage.renewIngestLease(job.id, until).catch((error: unknown) => {
          this.log.warn({ err: error, jobId: job.id }, 'could not renew the ingest job lease');
        });
      },
      Math.max(10, Math.floor(this.leaseMs / 3)),
    );
    try {
      const upload = JSON.parse(job.payload) as ScanUpload;
      findings = upload.findings.length;
      const result = await ingestScan(this.storage, job.organizationId, upload);
      await this.storage.completeIngestJob(job.id, result.scan.id, new Date().toISOString());
      this.log.info({ jobId: job.id, scanId: result.scan.id, findings }, 'queued scan ingested');
      this.options.onJobDone?.({
        outcome: 'done',
        findings,
        seconds: (performance.now() - started) / 1000,
        kind: upload.kind,
        created: result.created,
      });
    } catch (error) {
      const final = job.attempts >= this.maxAttempts;
      const message = error instanceof Error ? error.message : String(error);
      await this.storage.failIngestJob(job.id, message.slice(0, 2000), final, new Date().toISOString());
      this.log.error({ err: error, jobId: job.id, attempt: job.attempts, final }, 'queued scan failed');
      this.options.onJobDone?.({
        outcome: final ? 'failed' : 'retry',
        findings,
        seconds: (performance.now() - started) / 1000,
      });
    } finally {
      clearInterval(heartbeat);
    }
    return true;
  }
}
