/** The organisation's repositories with their open finding counts. */
import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';
import { ERROR_REPLIES } from '../../errors.js';
import { RepositoryViewSchema } from '../../schemas/api.js';

const repositories: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/repositories',
    {
      onRequest: app.requirePermission('read'),
      schema: {
        tags: ['repositories'],
        summary: 'Repositories with their branches and open findings by severity',
        security: [{ bearer: [] }],
        response: { 200: Type.Object({ items: Type.Array(RepositoryViewSchema) }), ...ERROR_REPLIES },
      },
    },
    async (request) => ({ items: await app.storage.listRepositories(request.principal!.organizationId) }),
  );
};

export default repositories;
