/**
 * Background work: the ingest worker and the continuous exporter start when the app is ready and finish
 * what they hold before the app closes.
 */
import fp from 'fastify-plugin';
import { Exporter, type ExporterOptions } from '../export/exporter.js';
import { createSink, type SinkConfig } from '../export/sinks.js';
import { IngestRunner, type IngestRunnerOptions } from '../jobs/ingest-runner.js';
import { recordIngestMetrics } from './metrics.js';

declare module 'fastify' {
  interface FastifyInstance {
    ingestRunner: IngestRunner;
    exporter: Exporter;
  }
}

export interface JobsPluginOptions {
  /** False: queue jobs but run no worker here (another replica runs them). */
  worker?: boolean;
  runner?: IngestRunnerOptions;
  /** Where new and changed findings are exported (PALISADE_EXPORTS). */
  sinks?: SinkConfig[];
  exporter?: ExporterOptions;
}

export default fp<JobsPluginOptions>(
  async (app, options) => {
    const exporter = new Exporter(app.storage, (options.sinks ?? []).map(createSink), app.log, {
      ...options.exporter,
      onDelivery: (sink, outcome, events) => {
        app.metrics.exportDeliveries.inc({ sink, outcome });
        if (outcome === 'delivered') app.metrics.exportedEvents.inc({ sink }, events);
        options.exporter?.onDelivery?.(sink, outcome, events);
      },
    });
    // The runner wakes the exporter after each job.
    const runner = new IngestRunner(app.storage, app.log, {
      ...options.runner,
      onJobDone: (report) => {
        app.metrics.ingestJobs.inc({ outcome: report.outcome });
        if (report.outcome === 'done' && report.kind) {
          app.metrics.ingestSeconds.observe({ mode: 'queued' }, report.seconds);
          recordIngestMetrics(app.metrics, report.kind, report.created ?? false, report.findings);
          exporter.wake();
          // Registered after this plugin (code-to-cloud.ts): the scan changed what it analyses.
          app.analysisRunner.wake();
        }
        options.runner?.onJobDone?.(report);
      },
    });
    app.decorate('ingestRunner', runner);
    app.decorate('exporter', exporter);
    if (options.worker !== false) {
      app.addHook('onReady', async () => {
        runner.start();
        exporter.start();
      });
    }
    // preClose runs before onClose, where the storage closes: the work in hand finishes first.
    app.addHook('preClose', async () => {
      await Promise.all([runner.stop(), exporter.stop()]);
    });
  },
  { name: 'palisade-jobs', dependencies: ['palisade-storage', 'palisade-metrics'] },
);
