/** Liveness and readiness: /healthz answers while the process runs, /readyz when the database answers too. */
import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';

const health: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/healthz',
    { schema: { tags: ['operations'], response: { 200: Type.Object({ status: Type.Literal('ok') }) } } },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      schema: {
        tags: ['operations'],
        response: {
          200: Type.Object({ status: Type.Literal('ready'), database: Type.String() }),
          503: Type.Object({
            status: Type.Literal('unavailable'),
            database: Type.String(),
            message: Type.String(),
          }),
        },
      },
    },
    async (request, reply) => {
      try {
        await app.storage.ping();
        return { status: 'ready' as const, database: app.storage.dialect };
      } catch (error) {
        request.log.warn({ err: error }, 'readiness check failed');
        return reply.code(503).send({
          status: 'unavailable' as const,
          database: app.storage.dialect,
          message: 'The database does not answer.',
        });
      }
    },
  );
};

export default health;
