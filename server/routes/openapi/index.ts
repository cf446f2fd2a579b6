/** The OpenAPI description of the API, generated from the route schemas. */
import type { FastifyPluginAsync } from 'fastify';

const openapi: FastifyPluginAsync = async (app) => {
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
};

export default openapi;
