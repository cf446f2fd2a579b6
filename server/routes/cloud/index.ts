/** Cloud inventory: imports (POST /api/v1/cloud/imports) and reads of accounts and deployed resources. */
import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';
import { ERROR_REPLIES } from '../../errors.js';
import { IdParamsSchema } from '../../schemas/api.js';
import { refuseSecretFields } from '../scans/index.js';
import {
  CloudAccountSchema,
  CloudImportSchema,
  CloudResourceViewSchema,
  CloudSnapshotSchema,
  CodeLinkSchema,
  TraitSchema,
} from './schemas.js';

export interface CloudRoutesOptions {
  /** Largest accepted import, in bytes. */
  bodyLimit: number;
  rateLimit: { max: number; timeWindow: number };
}

const ImportReplySchema = Type.Object({
  account: Type.Object({ id: Type.Integer(), provider: Type.String(), accountId: Type.String() }),
  snapshot: CloudSnapshotSchema,
  created: Type.Boolean({
    description: 'False: the current inventory from this source had this content already',
  }),
  orphanChecks: Type.Integer({
    description: 'Check results about a resource the import does not list: ignored',
  }),
  url: Type.String(),
});

const notFound = (message: string) => ({ statusCode: 404, error: 'not-found', message });

const cloud: FastifyPluginAsyncTypebox<CloudRoutesOptions> = async (app, options) => {
  app.post(
    '/api/v1/cloud/imports',
    {
      bodyLimit: options.bodyLimit,
      config: {
        rateLimit: {
          ...options.rateLimit,
          keyGenerator: (request) => request.headers.authorization ?? request.ip,
        },
      },
      onRequest: app.requirePermission('ingest'),
      preValidation: refuseSecretFields(
        'a cloud import carries identifiers, names, places and tags only, never secret values',
      ),
      schema: {
        tags: ['cloud'],
        summary:
          "Import one cloud account's inventory from one source; replaces that source's current inventory",
        description:
          'Idempotent: the same content as the current snapshot changes nothing (200 with that snapshot). ' +
          'Tags whose key or value looks like a secret are dropped.',
        security: [{ bearer: [] }],
        body: CloudImportSchema,
        response: { 200: ImportReplySchema, 201: ImportReplySchema, ...ERROR_REPLIES },
      },
    },
    async (request, reply) => {
      const body = request.body;
      // One import is one account: a resource of another account or provider is a mistake of the importer.
      const stray = body.resources.findIndex(
        (resource) => resource.accountId !== body.accountId || resource.provider !== body.provider,
      );
      if (stray >= 0) {
        const field = body.resources[stray]!.accountId !== body.accountId ? 'accountId' : 'provider';
        return reply.code(400).send({
          statusCode: 400,
          error: 'invalid-request',
          message: `resource ${stray} belongs to another ${field === 'accountId' ? 'account' : 'provider'} than the import`,
          pointer: `/resources/${stray}/${field}`,
        });
      }
      const outcome = await app.storage.cloud.importCloud(
        request.principal!.organizationId,
        body,
        new Date().toISOString(),
      );
      if (outcome.created) app.analysisRunner.wake();
      request.log.info(
        {
          accountId: outcome.account.id,
          snapshotId: outcome.snapshot.id,
          created: outcome.created,
          resources: outcome.snapshot.resources,
        },
        'cloud inventory imported',
      );
      return reply
        .code(outcome.created ? 201 : 200)
        .send({ ...outcome, url: `/api/v1/cloud/accounts/${outcome.account.id}` });
    },
  );

  app.get(
    '/api/v1/cloud/accounts',
    {
      onRequest: app.requirePermission('read'),
      schema: {
        tags: ['cloud'],
        summary: 'Cloud accounts with their resource counts, failing checks and current snapshot per source',
        security: [{ bearer: [] }],
        response: { 200: Type.Object({ items: Type.Array(CloudAccountSchema) }), ...ERROR_REPLIES },
      },
    },
    async (request) => ({ items: await app.storage.cloud.listAccounts(request.principal!.organizationId) }),
  );

  app.get(
    '/api/v1/cloud/accounts/:id',
    {
      onRequest: app.requirePermission('read'),
      schema: {
        tags: ['cloud'],
        summary: 'One cloud account: its resources (paged, with their checks) and its daily history',
        security: [{ bearer: [] }],
        params: IdParamsSchema,
        querystring: Type.Object(
          {
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 200 })),
            offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            account: CloudAccountSchema,
            history: Type.Array(
              Type.Object({ day: Type.String(), resources: Type.Integer(), failingChecks: Type.Integer() }),
            ),
            resources: Type.Object({
              items: Type.Array(CloudResourceViewSchema),
              total: Type.Integer(),
              limit: Type.Integer(),
              offset: Type.Integer(),
            }),
          }),
          ...ERROR_REPLIES,
        },
      },
    },
    async (request, reply) => {
      const organizationId = request.principal!.organizationId;
      const account = await app.storage.cloud.getAccount(organizationId, request.params.id);
      if (!account) return reply.code(404).send(notFound('No such cloud account.'));
      const limit = request.query.limit ?? 200;
      const offset = request.query.offset ?? 0;
      const page = await app.storage.cloud.listAccountResources(organizationId, account.id, limit, offset);
      return {
        account,
        history: await app.storage.cloud.accountHistory(organizationId, account.id),
        resources: { ...page, limit, offset },
      };
    },
  );

  app.get(
    '/api/v1/cloud/resources/:id',
    {
      onRequest: app.requirePermission('read'),
      schema: {
        tags: ['cloud'],
        summary: 'One deployed resource: its checks, the code it is linked to and its traits',
        security: [{ bearer: [] }],
        params: IdParamsSchema,
        response: {
          200: Type.Object({
            resource: CloudResourceViewSchema,
            code: Type.Array(CodeLinkSchema),
            traits: Type.Array(TraitSchema),
          }),
          ...ERROR_REPLIES,
        },
      },
    },
    async (request, reply) => {
      const organizationId = request.principal!.organizationId;
      const resource = await app.storage.cloud.getResource(organizationId, request.params.id);
      if (!resource) return reply.code(404).send(notFound('No such cloud resource.'));
      return {
        resource,
        code: await app.storage.cloud.codeLinksOf(organizationId, resource.id),
        traits: await app.storage.cloud.traitsOf(organizationId, `cloud:${resource.id}`),
      };
    },
  );
};

export default cloud;
