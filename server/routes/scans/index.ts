/** Scan ingestion (POST /api/v1/scans) and scan reads. */
import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';
import { ERROR_REPLIES } from '../../errors.js';
import { ingestScan } from '../../ingest/ingest-scan.js';
import { findSecretFields } from '../../ingest/secret-fields.js';
import { IdParamsSchema, ScanViewSchema } from '../../schemas/api.js';
import { ScanUploadSchema } from '../../schemas/upload.js';

export interface ScanRoutesOptions {
  /** Largest accepted upload, in bytes. */
  bodyLimit: number;
  rateLimit: { max: number; timeWindow: number };
}

const IngestReplySchema = Type.Object({
  scan: ScanViewSchema,
  created: Type.Boolean({ description: 'False when this run was already recorded: nothing changed' }),
  duplicates: Type.Integer({ description: 'Findings that repeated a fingerprint of the same upload' }),
  url: Type.String(),
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
      // Before schema validation, so that the reply names the field rather than "unknown property".
      preValidation: async (request, reply) => {
        const secretFields = findSecretFields(request.body);
        if (secretFields.length > 0) {
          return reply.code(400).send({
            statusCode: 400,
            error: 'secret-value',
            message: `${secretFields[0]}: a scan upload never carries secret values, only secret.sha256 and secret.preview`,
            pointer: secretFields[0],
          });
        }
      },
      schema: {
        tags: ['scans'],
        summary: 'Upload a scan: metadata and findings; idempotent on (repository, commit, kind, runId)',
        security: [{ bearer: [] }],
        body: ScanUploadSchema,
        response: { 200: IngestReplySchema, 201: IngestReplySchema, ...ERROR_REPLIES },
      },
    },
    async (request, reply) => {
      const principal = request.principal!;
      const result = await ingestScan(app.storage, principal.organizationId, request.body);
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
