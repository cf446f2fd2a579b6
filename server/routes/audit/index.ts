/** The organisation's audit log, newest first, for admins. */
import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';
import { ERROR_REPLIES } from '../../errors.js';

const AuditEntrySchema = Type.Object({
  id: Type.Integer(),
  actor: Type.String(),
  action: Type.String(),
  target: Type.Union([Type.String(), Type.Null()]),
  details: Type.Record(Type.String(), Type.Unknown()),
  createdAt: Type.String(),
});

const audit: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/audit',
    {
      onRequest: app.requirePermission('admin'),
      schema: {
        tags: ['audit'],
        summary: 'Triage decisions, sign-ins and token changes, newest first',
        security: [{ bearer: [] }],
        querystring: Type.Object(
          { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(AuditEntrySchema) }), ...ERROR_REPLIES },
      },
    },
    async (request) => {
      const entries = await app.storage.listAudit(
        request.principal!.organizationId,
        request.query.limit ?? 100,
      );
      return { items: entries.map(({ organizationId: _organization, ...entry }) => entry) };
    },
  );
};

export default audit;
