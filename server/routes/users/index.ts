/** User management for organisation admins, and a signed-in user's own password. */
import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { actorName, USER_ROLES } from '../../domain/roles.js';
import { ERROR_REPLIES, ErrorReplySchema } from '../../errors.js';
import { IdParamsSchema } from '../../schemas/api.js';
import {
  changeOwnPassword,
  createLocalUser,
  MANAGE_ERROR_MESSAGES,
  MANAGE_ERROR_STATUS,
  MAX_PASSWORD_LENGTH,
  type ManageError,
  resetPassword,
  USERNAME_PATTERN,
  updateUser,
} from './manage.js';

const UserRoleSchema = Type.Union(USER_ROLES.map((role) => Type.Literal(role)));

export const UserViewSchema = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  role: UserRoleSchema,
  source: Type.Union([Type.Literal('local'), Type.Literal('oidc')], {
    description: 'local: a password here; oidc: signs in through the identity provider',
  }),
  disabled: Type.Boolean(),
  createdAt: Type.String(),
  lastSignInAt: Type.Union([Type.String(), Type.Null()]),
});

const PasswordSchema = Type.String({ maxLength: MAX_PASSWORD_LENGTH });

function sendManageError(reply: FastifyReply, error: ManageError) {
  const statusCode = MANAGE_ERROR_STATUS[error];
  return reply.code(statusCode).send({ statusCode, error, message: MANAGE_ERROR_MESSAGES[error] });
}

const users: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/users',
    {
      onRequest: app.requirePermission('admin'),
      schema: {
        tags: ['users'],
        summary: "The organisation's dashboard users (never their password hashes)",
        security: [{ bearer: [] }],
        response: { 200: Type.Object({ items: Type.Array(UserViewSchema) }), ...ERROR_REPLIES },
      },
    },
    async (request) => ({ items: await app.storage.listUsers(request.principal!.organizationId) }),
  );

  app.post(
    '/api/v1/users',
    {
      onRequest: app.requirePermission('admin'),
      schema: {
        tags: ['users'],
        summary: 'Create a local user; without a password, a generated one is in this reply only',
        security: [{ bearer: [] }],
        body: Type.Object(
          {
            username: Type.String({ pattern: USERNAME_PATTERN }),
            role: UserRoleSchema,
            password: Type.Optional(PasswordSchema),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({
            user: UserViewSchema,
            password: Type.Optional(Type.String({ description: 'The generated password, shown once' })),
          }),
          409: ErrorReplySchema,
          ...ERROR_REPLIES,
        },
      },
    },
    async (request, reply) => {
      const principal = request.principal!;
      const result = await createLocalUser(
        app.storage,
        { organizationId: principal.organizationId, name: actorName(principal) },
        request.body,
      );
      if ('error' in result) return sendManageError(reply, result.error);
      return reply.code(201).send({ user: result.ok.user, password: result.ok.generatedPassword });
    },
  );

  app.patch(
    '/api/v1/users/:id',
    {
      onRequest: app.requirePermission('admin'),
      schema: {
        tags: ['users'],
        summary: "Change a user's role, or disable (ending their sessions at once) or enable them",
        security: [{ bearer: [] }],
        params: IdParamsSchema,
        body: Type.Object(
          { role: Type.Optional(UserRoleSchema), disabled: Type.Optional(Type.Boolean()) },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: UserViewSchema, 409: ErrorReplySchema, ...ERROR_REPLIES },
      },
    },
    async (request, reply) => {
      const principal = request.principal!;
      const result = await updateUser(
        app.storage,
        { organizationId: principal.organizationId, name: actorName(principal) },
        request.params.id,
        request.body,
        new Date().toISOString(),
      );
      return 'error' in result ? sendManageError(reply, result.error) : result.ok;
    },
  );

  app.post(
    '/api/v1/users/:id/password',
    {
      onRequest: app.requirePermission('admin'),
      schema: {
        tags: ['users'],
        summary:
          "Reset a local user's password (ending their sessions); without one, a generated one is returned once",
        security: [{ bearer: [] }],
        params: IdParamsSchema,
        body: Type.Object({ password: Type.Optional(PasswordSchema) }, { additionalProperties: false }),
        response: {
          200: Type.Object({ password: Type.Optional(Type.String()) }),
          409: ErrorReplySchema,
          ...ERROR_REPLIES,
        },
      },
    },
    async (request, reply) => {
      const principal = request.principal!;
      const result = await resetPassword(
        app.storage,
        { organizationId: principal.organizationId, name: actorName(principal) },
        request.params.id,
        request.body.password,
      );
      return 'error' in result
        ? sendManageError(reply, result.error)
        : { password: result.ok.generatedPassword };
    },
  );

  app.post(
    '/api/v1/account/password',
    {
      onRequest: app.requirePermission('read'),
      // Each attempt checks the current password: a stolen session must not guess it quickly.
      config: { rateLimit: { max: 10, timeWindow: 60_000 } },
      schema: {
        tags: ['users'],
        summary: 'A signed-in user changes their own password (the current one is required)',
        body: Type.Object(
          { currentPassword: PasswordSchema, newPassword: PasswordSchema },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null(), 409: ErrorReplySchema, ...ERROR_REPLIES },
      },
    },
    async (request, reply) => {
      const principal = request.principal!;
      if (principal.kind !== 'user') {
        return reply.code(403).send({
          statusCode: 403,
          error: 'forbidden',
          message: 'Only a signed-in user has a password to change.',
        });
      }
      const result = await changeOwnPassword(
        app.storage,
        {
          organizationId: principal.organizationId,
          userId: principal.id,
          sessionIdHash: request.sessionIdHash,
        },
        request.body.currentPassword,
        request.body.newPassword,
      );
      return 'error' in result ? sendManageError(reply, result.error) : reply.code(204).send(null);
    },
  );
};

export default users;
