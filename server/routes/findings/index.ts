/** Finding reads with filters, paging and sorting, and triage (risk acceptance, false positive, reopen). */
import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';
import { actorName } from '../../domain/roles.js';
import { TRIAGE_STATUSES, triageExpiry } from '../../domain/triage.js';
import { ERROR_REPLIES, ErrorReplySchema } from '../../errors.js';
import {
  FindingEventSchema,
  FindingListQuerySchema,
  FindingViewSchema,
  IdParamsSchema,
  toFindingQuery,
} from '../../schemas/api.js';
import { FindingCodeToCloudProperties, findingCodeToCloud } from '../cloud/finding-context.js';

const StatusChangeSchema = Type.Object(
  {
    status: Type.Union(TRIAGE_STATUSES.map((status) => Type.Literal(status))),
    reason: Type.String({ minLength: 1, maxLength: 2000 }),
    expiresOn: Type.Optional(
      Type.String({ format: 'date', description: 'The decision lapses on this day (UTC)' }),
    ),
  },
  { additionalProperties: false },
);

/** At most this many findings per bulk request: one transaction stays short. */
const BULK_LIMIT = 1000;

const FindingIdsSchema = Type.Array(Type.Integer({ minimum: 1 }), {
  minItems: 1,
  maxItems: BULK_LIMIT,
  description: `Finding ids (at most ${BULK_LIMIT})`,
});

const BulkStatusChangeSchema = Type.Object(
  {
    ids: FindingIdsSchema,
    status: StatusChangeSchema.properties.status,
    reason: StatusChangeSchema.properties.reason,
    expiresOn: StatusChangeSchema.properties.expiresOn,
  },
  { additionalProperties: false },
);

const OwnerAssignmentSchema = Type.Object(
  {
    ids: FindingIdsSchema,
    owner: Type.Union([Type.String({ minLength: 1, maxLength: 200 }), Type.Null()], {
      description: 'A person or team; null (or an empty string) clears it, and a derivation may then set one',
    }),
  },
  { additionalProperties: false },
);

const findings: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/findings',
    {
      onRequest: app.requirePermission('read'),
      schema: {
        tags: ['findings'],
        summary: 'Findings with filters, paging and sorting',
        security: [{ bearer: [] }],
        querystring: FindingListQuerySchema,
        response: {
          200: Type.Object({
            items: Type.Array(FindingViewSchema),
            total: Type.Integer({ description: 'Exact up to 10,000; see totalCapped' }),
            totalCapped: Type.Boolean({
              description: 'True when more than 10,000 findings match: total is 10,000',
            }),
            limit: Type.Integer(),
            offset: Type.Integer(),
          }),
          ...ERROR_REPLIES,
        },
      },
    },
    async (request) => {
      const query = toFindingQuery(request.query);
      const page = await app.storage.listFindings(request.principal!.organizationId, query);
      return { ...page, limit: query.limit, offset: query.offset };
    },
  );

  app.get(
    '/api/v1/findings/:id',
    {
      onRequest: app.requirePermission('read'),
      schema: {
        tags: ['findings'],
        summary: 'One finding with its history',
        security: [{ bearer: [] }],
        params: IdParamsSchema,
        response: {
          200: Type.Object({
            finding: FindingViewSchema,
            history: Type.Array(FindingEventSchema),
            ...FindingCodeToCloudProperties,
          }),
          ...ERROR_REPLIES,
        },
      },
    },
    async (request, reply) => {
      const organizationId = request.principal!.organizationId;
      const finding = await app.storage.getFinding(organizationId, request.params.id);
      if (!finding)
        return reply.code(404).send({ statusCode: 404, error: 'not-found', message: 'No such finding.' });
      return {
        finding,
        history: await app.storage.listFindingEvents(organizationId, finding.id),
        ...(await findingCodeToCloud(app, organizationId, finding)),
      };
    },
  );

  app.post(
    '/api/v1/findings/:id/status',
    {
      onRequest: app.requirePermission('triage'),
      schema: {
        tags: ['findings'],
        summary: 'Accept the risk, mark a false positive (with a reason and optional expiry), or reopen',
        security: [{ bearer: [] }],
        params: IdParamsSchema,
        body: StatusChangeSchema,
        response: { 200: FindingViewSchema, 409: ErrorReplySchema, ...ERROR_REPLIES },
      },
    },
    async (request, reply) => {
      const principal = request.principal!;
      const now = new Date();
      const expiry = triageExpiry(request.body.status, request.body.expiresOn, now);
      if ('error' in expiry) {
        return reply
          .code(400)
          .send({ statusCode: 400, error: 'invalid-request', message: expiry.error, pointer: '/expiresOn' });
      }
      const result = await app.storage.changeFindingStatus(
        principal.organizationId,
        request.params.id,
        {
          status: request.body.status,
          reason: request.body.reason,
          expiresAt: expiry.expiresAt,
          actor: actorName(principal),
        },
        now.toISOString(),
      );
      if (result.outcome === 'not-found') {
        return reply.code(404).send({ statusCode: 404, error: 'not-found', message: 'No such finding.' });
      }
      if (result.outcome === 'invalid-transition') {
        return reply.code(409).send({
          statusCode: 409,
          error: 'invalid-transition',
          message: `A ${result.from} finding cannot be reopened by hand: only risk-accepted or false-positive ones can.`,
        });
      }
      // Scores and priorities count only open findings.
      await app.analysisRunner.request(principal.organizationId);
      return result.finding;
    },
  );

  app.post(
    '/api/v1/findings/status',
    {
      onRequest: app.requirePermission('triage'),
      schema: {
        tags: ['findings'],
        summary: 'The same decision for many findings, in one transaction; each one in history and audit',
        security: [{ bearer: [] }],
        body: BulkStatusChangeSchema,
        response: {
          200: Type.Object({
            changed: Type.Array(Type.Integer()),
            notFound: Type.Array(Type.Integer(), { description: 'No such finding in the organisation' }),
            invalidTransition: Type.Array(
              Type.Object({ id: Type.Integer(), from: FindingViewSchema.properties.status }),
              { description: 'Only risk-accepted or false-positive findings can be reopened' },
            ),
          }),
          ...ERROR_REPLIES,
        },
      },
    },
    async (request, reply) => {
      const principal = request.principal!;
      const now = new Date();
      const expiry = triageExpiry(request.body.status, request.body.expiresOn, now);
      if ('error' in expiry) {
        return reply
          .code(400)
          .send({ statusCode: 400, error: 'invalid-request', message: expiry.error, pointer: '/expiresOn' });
      }
      const result = await app.storage.changeFindingStatuses(
        principal.organizationId,
        request.body.ids,
        {
          status: request.body.status,
          reason: request.body.reason,
          expiresAt: expiry.expiresAt,
          actor: actorName(principal),
        },
        now.toISOString(),
      );
      if (result.changed.length > 0) await app.analysisRunner.request(principal.organizationId);
      return result;
    },
  );

  app.post(
    '/api/v1/findings/owner',
    {
      onRequest: app.requirePermission('triage'),
      schema: {
        tags: ['findings'],
        summary: "Assign an owner to findings (a person's choice, which derived owners never overwrite)",
        security: [{ bearer: [] }],
        body: OwnerAssignmentSchema,
        response: {
          200: Type.Object({
            owner: Type.Union([Type.String(), Type.Null()]),
            assigned: Type.Array(Type.Integer()),
            notFound: Type.Array(Type.Integer(), { description: 'No such finding in the organisation' }),
          }),
          ...ERROR_REPLIES,
        },
      },
    },
    async (request) => {
      const principal = request.principal!;
      const owner = request.body.owner === null ? null : request.body.owner.trim() || null;
      const assigned = await app.storage.assignFindingOwner(
        principal.organizationId,
        request.body.ids,
        owner,
        actorName(principal),
        new Date().toISOString(),
      );
      const found = new Set(assigned);
      const notFound = [...new Set(request.body.ids)].filter((id) => !found.has(id));
      return { owner, assigned, notFound };
    },
  );
};

export default findings;
