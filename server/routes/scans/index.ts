/** Scan ingestion (POST /api/v1/scans) and scan reads. */
import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ERROR_REPLIES } from '../../errors.js';
import { ingestScan, queuedPayload, runKeyOf } from '../../ingest/ingest-scan.js';
import { findSecretFields } from '../../ingest/secret-fields.js';
import { recordIngestMetrics } from '../../plugins/metrics.js';
import { IdParamsSchema, ScanViewSchema } from '../../schemas/api.js';
import { ScanUploadSchema } from '../../schemas/upload.js';

export interface ScanRoutesOptions {
  /** Largest accepted upload, in bytes. */
  bodyLimit: number;
  /** Uploads with at least this many findings are queued (202) rather than recorded in the request. */
  asyncThreshold: number;
  rateLimit: { max: number; timeWindow: number };
}

/**
 * A preValidation hook that refuses a body with a field named like a secret value, the pointer then `why` in
 * the message. Before schema validation, so that the reply names the field rather than "unknown property".
 * Resource tags are keyed by the user's own names: stored through safeTags, not refused.
 */
export function refuseSecretFields(why: string) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const secretFields = findSecretFields(request.body, '', /^\/resources\/\d+\/tags$/);
    if (secretFields.length > 0) {
      return reply.code(400).send({
        statusCode: 400,
        error: 'secret-value',
        message: `${secretFields[0]}: ${why}`,
        pointer: secretFields[0],
      });
    }
  };
}

const IngestReplySchema = Type.Object({
  scan: ScanViewSchema,
  created: Type.Boolean({ description: 'False when this run was already recorded: nothing changed' }),
  duplicates: Type.Integer({ description: 'Findings that repeated a fingerprint of the same upload' }),
  url: Type.String(),
});

const IngestJobSchema = Type.Object({
  id: Type.Integer(),
  status: Type.Union([
    Type.Literal('queued'),
    Type.Literal('running'),
    Type.Literal('done'),
    Type.Literal('failed'),
  ]),
  findings: Type.Integer(),
  attempts: Type.Integer(),
  scanId: Type.Union([Type.Integer(), Type.Null()]),
  error: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  startedAt: Type.Union([Type.String(), Type.Null()]),
  finishedAt: Type.Union([Type.String(), Type.Null()]),
});

const AcceptedReplySchema = Type.Object({
  job: IngestJobSchema,
  statusUrl: Type.String({ description: 'Poll this until the job is done; it then names the scan' }),
});

const JobReplySchema = Type.Object({
  job: IngestJobSchema,
  scanUrl: Type.Union([Type.String(), Type.Null()]),
});

const scans: FastifyPluginAsyncTypebox<ScanRoutesOptions> = async (app, options) => {
  app.post(
    '/api/v1/scans',
    {
      bodyLimit: options.bodyLimit,
      config: {
        rateLimit: {
          ...options.rateLimit,
          // Per token rather than per address: many pipelines share a NAT.
          keyGenerator: (request) => request.headers.authorization ?? request.ip,
        },
      },
      onRequest: app.requirePermission('ingest'),
      preValidation: refuseSecretFields(
        'a scan upload never carries secret values, only secret.sha256 and secret.preview',
      ),
      schema: {
        tags: ['scans'],
        summary: 'Upload a scan: metadata and findings; idempotent on (repository, commit, kind, runId)',
        description:
          'Recorded at once (201, or 200 for a run already recorded). Large uploads, or any with the header ' +
          '"Prefer: respond-async", are queued: 202 with a status URL to poll.',
        security: [{ bearer: [] }],
        body: ScanUploadSchema,
        response: {
          200: IngestReplySchema,
          201: IngestReplySchema,
          202: AcceptedReplySchema,
          ...ERROR_REPLIES,
        },
      },
    },
    async (request, reply) => {
      const principal = request.principal!;
      const upload = request.body;
      const queue =
        upload.findings.length >= options.asyncThreshold ||
        /\brespond-async\b/i.test(String(request.headers.prefer ?? ''));
      if (queue) {
        const run = runKeyOf(principal.organizationId, upload);
        const recorded = await app.storage.findScanByRun(run);
        if (recorded) {
          return reply
            .code(200)
            .send({ scan: recorded, created: false, duplicates: 0, url: `/api/v1/scans/${recorded.id}` });
        }
        const { job, created } = await app.storage.enqueueIngestJob(
          run,
          queuedPayload(upload),
          upload.findings.length,
          new Date().toISOString(),
        );
        if (created) app.ingestRunner.wake();
        request.log.info({ jobId: job.id, findings: job.findings, created }, 'scan queued');
        const statusUrl = `/api/v1/ingest-jobs/${job.id}`;
        return reply.code(202).header('location', statusUrl).send({ job, statusUrl });
      }
      const started = performance.now();
      const result = await ingestScan(app.storage, principal.organizationId, upload);
      app.metrics.ingestSeconds.observe({ mode: 'sync' }, (performance.now() - started) / 1000);
      recordIngestMetrics(app.metrics, upload.kind, result.created, result.scan.counts.total);
      if (result.created) app.exporter.wake();
      app.analysisRunner.wake();
      request.log.info(
        { scanId: result.scan.id, created: result.created, findings: result.scan.counts.total },
        'scan ingested',
      );
      return reply
        .code(result.created ? 201 : 200)
        .send({ ...result, url: `/api/v1/scans/${result.scan.id}` });
    },
  );

  app.get(
    '/api/v1/ingest-jobs/:id',
    {
      onRequest: app.requirePermission('read'),
      schema: {
        tags: ['scans'],
        summary: 'The state of a queued upload; once done, the scan it recorded',
        security: [{ bearer: [] }],
        params: IdParamsSchema,
        response: { 200: JobReplySchema, ...ERROR_REPLIES },
      },
    },
    async (request, reply) => {
      const job = await app.storage.getIngestJob(request.principal!.organizationId, request.params.id);
      if (!job) {
        return reply
          .code(404)
          .send({ statusCode: 404, error: 'not-found', message: `No ingest job ${request.params.id}` });
      }
      return { job, scanUrl: job.scanId === null ? null : `/api/v1/scans/${job.scanId}` };
    },
  );

  app.get(
    '/api/v1/scans',
    {
      onRequest: app.requirePermission('read'),
      schema: {
        tags: ['scans'],
        summary: 'The latest scans of the organisation',
        security: [{ bearer: [] }],
        querystring: Type.Object(
          { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(ScanViewSchema) }), ...ERROR_REPLIES },
      },
    },
    async (request) => ({
      items: await app.storage.listScans(request.principal!.organizationId, request.query.limit ?? 50),
    }),
  );

  app.get(
    '/api/v1/scans/:id',
    {
      onRequest: app.requirePermission('read'),
      schema: {
        tags: ['scans'],
        summary: 'One scan with its counts',
        security: [{ bearer: [] }],
        params: IdParamsSchema,
        response: { 200: ScanViewSchema, ...ERROR_REPLIES },
      },
    },
    async (request, reply) => {
      const scan = await app.storage.getScan(request.principal!.organizationId, request.params.id);
      // Another organisation's scan is as absent as one that never existed.
      if (!scan)
        return reply.code(404).send({ statusCode: 404, error: 'not-found', message: 'No such scan.' });
      return scan;
    },
  );
};

export default scans;
