/** API token management for organisation admins: create (the token is shown once), list, revoke. */
import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';
import { generateApiToken, hashToken } from '../../auth/secrets.js';
import { actorName } from '../../domain/roles.js';
import { ERROR_REPLIES } from '../../errors.js';
import { IdParamsSchema } from '../../schemas/api.js';

const TokenRoleSchema = Type.Union([Type.Literal('ingest'), Type.Literal('read'), Type.Literal('admin')]);

const TokenViewSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  role: TokenRoleSchema,
  createdAt: Type.String(),
  lastUsedAt: Type.Union([Type.String(), Type.Null()]),
  revokedAt: Type.Union([Type.String(), Type.Null()]),
});

const tokens: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/tokens',
    {
      onRequest: app.requirePermission('admin'),
      schema: {
        tags: ['tokens'],
        summary: "The organisation's API tokens (never their values)",
        security: [{ bearer: [] }],
        response: { 200: Type.Object({ items: Type.Array(TokenViewSchema) }), ...ERROR_REPLIES },
      },
    },
    async (request) => {
      const items = await app.storage.listApiTokens(request.principal!.organizationId);
      return { items: items.map(({ organizationId: _organization, ...token }) => token) };
    },
  );

  app.post(
    '/api/v1/tokens',
    {
      onRequest: app.requirePermission('admin'),
      schema: {
        tags: ['tokens'],
        summary: 'Create an API token; its value is in this reply only',
        security: [{ bearer: [] }],
        body: Type.Object(
          { name: Type.String({ minLength: 1, maxLength: 100 }), role: TokenRoleSchema },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({
            id: Type.Integer(),
            name: Type.String(),
            role: TokenRoleSchema,
            token: Type.String(),
          }),
          ...ERROR_REPLIES,
        },
      },
    },
    async (request, reply) => {
      const principal = request.principal!;
      const token = generateApiToken();
      const created = await app.storage.createApiToken({
        organizationId: principal.organizationId,
        name: request.body.name,
        role: request.body.role,
        tokenHash: hashToken(token),
      });
      await app.storage.appendAudit({
        organizationId: principal.organizationId,
        actor: actorName(principal),
        action: 'token.create',
        target: `token:${created.id}`,
        details: { name: created.name, role: created.role },
      });
      return reply.code(201).send({ id: created.id, name: created.name, role: created.role, token });
    },
  );

  app.delete(
    '/api/v1/tokens/:id',
    {
      onRequest: app.requirePermission('admin'),
      schema: {
        tags: ['tokens'],
        summary: 'Revoke an API token',
        security: [{ bearer: [] }],
        params: IdParamsSchema,
        response: { 204: Type.Null(), ...ERROR_REPLIES },
      },
    },
    async (request, reply) => {
      const principal = request.principal!;
      const revoked = await app.storage.revokeApiToken(
        principal.organizationId,
        request.params.id,
        new Date().toISOString(),
      );
      if (!revoked) {
        return reply.code(404).send({ statusCode: 404, error: 'not-found', message: 'No such live token.' });
      }
      await app.storage.appendAudit({
        organizationId: principal.organizationId,
        actor: actorName(principal),
        action: 'token.revoke',
        target: `token:${request.params.id}`,
        details: {},
      });
      return reply.code(204).send(null);
    },
  );
};

export default tokens;
