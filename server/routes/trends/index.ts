/** Trends over time from the finding history: opened, fixed, reopened and open per day, and time to fix. */
import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';
import { ERROR_REPLIES } from '../../errors.js';
import { SeverityCountsSchema } from '../../schemas/api.js';

const MeanSchema = Type.Object({
  findings: Type.Integer({ description: 'Findings closed in the window' }),
  days: Type.Union([Type.Number(), Type.Null()], {
    description: 'Mean of closed minus first seen, in days (2 decimals); null when none closed',
  }),
});

export const TrendsSchema = Type.Object({
  from: Type.String({ format: 'date-time', description: 'Start of the first day (UTC)' }),
  to: Type.String({ format: 'date-time' }),
  days: Type.Array(
    Type.Object({
      date: Type.String({ format: 'date' }),
      opened: SeverityCountsSchema,
      fixed: Type.Composite([SeverityCountsSchema], {
        description: 'Closed: gone from a full scan of their branch',
      }),
      reopened: Type.Composite([SeverityCountsSchema], {
        description: 'Back in a scan after being closed, or after their decision expired',
      }),
      open: Type.Composite([SeverityCountsSchema], { description: 'Open at the end of the day' }),
    }),
  ),
  meanTimeToRemediate: Type.Composite([
    MeanSchema,
    Type.Object({
      bySeverity: Type.Object({
        critical: MeanSchema,
        high: MeanSchema,
        medium: MeanSchema,
        low: MeanSchema,
        info: MeanSchema,
      }),
    }),
  ]),
});

const trends: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/trends',
    {
      onRequest: app.requirePermission('read'),
      schema: {
        tags: ['trends'],
        summary:
          'Findings opened, fixed, reopened and open per day (UTC), by severity; mean time to remediate',
        security: [{ bearer: [] }],
        querystring: Type.Object(
          {
            days: Type.Optional(
              Type.Integer({ minimum: 1, maximum: 366, default: 30, description: 'Days up to today' }),
            ),
            repository: Type.Optional(Type.Integer({ minimum: 1, description: 'Repository id' })),
          },
          { additionalProperties: false },
        ),
        response: { 200: TrendsSchema, ...ERROR_REPLIES },
      },
    },
    async (request) =>
      app.storage.trends(
        request.principal!.organizationId,
        { days: request.query.days ?? 30, repositoryId: request.query.repository },
        new Date().toISOString(),
      ),
  );
};

export default trends;
