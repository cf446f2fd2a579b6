/**
 * Continuous export: a worker loop that sends new finding events to every configured sink. Each sink reads
 * the event log from its own cursor, so a slow or broken sink holds back only itself; ingestion never waits
 * for any of them. A failed delivery is retried from the same cursor with exponential backoff.
 */
import type { FastifyBaseLogger } from 'fastify';
import { PollingLoop } from '../jobs/polling-loop.js';
import type { Storage } from '../storage/storage.js';
import type { ExportSink } from './sinks.js';

export interface ExporterOptions {
  /** How often to look for new events when nothing woke the exporter (default 2 s). */
  pollMs?: number;
  /** Events per delivery (default 200). */
  batchSize?: number;
  /** First retry delay; doubles per consecutive failure up to maxBackoffMs (defaults 1 s and 5 min). */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** A claim on a sink lasts this long, so that a dead replica's sink is picked up (default 60 s). */
  leaseMs?: number;
  onDelivery?: (sink: string, outcome: 'delivered' | 'failed', events: number) => void;
}

export class Exporter {
  private readonly loop: PollingLoop;

  constructor(
    private readonly storage: Storage,
    private readonly sinks: ExportSink[],
    private readonly log: FastifyBaseLogger,
    private readonly options: ExporterOptions = {},
  ) {
    this.loop = new PollingLoop(
      () => this.exportAll(),
      options.pollMs ?? 2000,
      () => {},
    );
  }

  start(): void {
    if (this.sinks.length) this.loop.start();
  }

  /** New events exist: look now rather than at the next poll. */
  wake(): void {
    this.loop.wake();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** One batch to every sink; true when one of them may have more waiting. */
  private async exportAll(): Promise<boolean> {
    let more = false;
    for (const sink of this.sinks) {
      if (this.loop.stopping) break;
      try {
        more = (await this.exportBatch(sink)) || more;
      } catch (error) {
        this.log.error({ err: error, sink: sink.name }, 'export cursor could not be read');
      }
    }
    return more;
  }

  /** Delivers one batch to a sink; true when a full batch went out and more may be waiting. */
  private async exportBatch(sink: ExportSink): Promise<boolean> {
    const batchSize = this.options.batchSize ?? 200;
    const now = new Date().toISOString();
    const claim = await this.storage.claimExportSink(sink.name, now, this.options.leaseMs ?? 60_000);
    if (!claim) return false;
    const events = await this.storage.listEventsForExport(claim.lastEventId, batchSize);
    if (events.length === 0) {
      await this.storage.advanceExportSink(sink.name, claim.lastEventId, now);
      return false;
    }
    try {
      await sink.deliver(events);
    } catch (error) {
      const backoff = Math.min(
        (this.options.backoffMs ?? 1000) * 2 ** claim.failures,
        this.options.maxBackoffMs ?? 300_000,
      );
      // Jitter spreads the retries of several replicas and sinks.
      const delay = Math.round(backoff * (0.8 + Math.random() * 0.4));
      const message = error instanceof Error ? error.message : String(error);
      await this.storage.failExportSink(
        sink.name,
        message.slice(0, 1000),
        new Date(Date.now() + delay).toISOString(),
        new Date().toISOString(),
      );
      this.log.warn(
        { sink: sink.name, failures: claim.failures + 1, retryInMs: delay, err: error },
        'export failed',
      );
      this.options.onDelivery?.(sink.name, 'failed', events.length);
      return false;
    }
    const last = events[events.length - 1]!.eventId;
    await this.storage.advanceExportSink(sink.name, last, new Date().toISOString());
    this.options.onDelivery?.(sink.name, 'delivered', events.length);
    return events.length === batchSize;
  }
}
