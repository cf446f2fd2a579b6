/**
 * Prometheus metrics on /metrics (prom-client): process and HTTP figures, and what ingestion does. Each app
 * has its own registry, so several apps in one process (tests) do not collide. No organisation, repository
 * or finding content appears in a label.
 */
import fp from 'fastify-plugin';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

export interface ServerMetrics {
  registry: Registry;
  scansIngested: Counter<'kind' | 'outcome'>;
  findingsIngested: Counter;
  ingestSeconds: Histogram<'mode'>;
  ingestJobs: Counter<'outcome'>;
  exportDeliveries: Counter<'sink' | 'outcome'>;
  exportedEvents: Counter<'sink'>;
}

declare module 'fastify' {
  interface FastifyInstance {
    metrics: ServerMetrics;
  }
}

/** Counts a recorded scan and, when it was new, its findings. */
export function recordIngestMetrics(
  metrics: ServerMetrics,
  kind: string,
  created: boolean,
  findings: number,
): void {
  metrics.scansIngested.inc({ kind, outcome: created ? 'created' : 'duplicate' });
  if (created) metrics.findingsIngested.inc(findings);
}

export default fp(
  async (app) => {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry, prefix: 'palisade_' });
    const httpSeconds = new Histogram({
      name: 'palisade_http_request_duration_seconds',
      help: 'HTTP request duration by route pattern, method and status code.',
      labelNames: ['method', 'route', 'status_code'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    });
    const metrics: ServerMetrics = {
      registry,
      scansIngested: new Counter({
        name: 'palisade_scans_ingested_total',
        help: 'Scans recorded, by kind (full, diff) and outcome (created, duplicate).',
        labelNames: ['kind', 'outcome'],
        registers: [registry],
      }),
      findingsIngested: new Counter({
        name: 'palisade_findings_ingested_total',
        help: 'Findings in recorded scans.',
        registers: [registry],
      }),
      ingestSeconds: new Histogram({
        name: 'palisade_ingest_duration_seconds',
        help: 'Time to record a scan, in the request (sync) or in a background job (queued).',
        labelNames: ['mode'],
        buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
        registers: [registry],
      }),
      ingestJobs: new Counter({
        name: 'palisade_ingest_jobs_total',
        help: 'Background ingestion jobs run, by outcome (done, retry, failed).',
        labelNames: ['outcome'],
        registers: [registry],
      }),
      exportDeliveries: new Counter({
        name: 'palisade_export_deliveries_total',
        help: 'Export deliveries by sink and outcome (delivered, failed).',
        labelNames: ['sink', 'outcome'],
        registers: [registry],
      }),
      exportedEvents: new Counter({
        name: 'palisade_exported_events_total',
        help: 'Finding events delivered, by sink.',
        labelNames: ['sink'],
        registers: [registry],
      }),
    };
    app.decorate('metrics', metrics);

    app.addHook('onResponse', async (request, reply) => {
      // The route pattern, never the raw URL: ids and query strings would explode the label set.
      const route = request.routeOptions.url ?? 'unmatched';
      httpSeconds.observe(
        { method: request.method, route, status_code: String(reply.statusCode) },
        reply.elapsedTime / 1000,
      );
    });

    app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
      reply.header('content-type', registry.contentType);
      return registry.metrics();
    });
  },
  { name: 'palisade-metrics' },
);
