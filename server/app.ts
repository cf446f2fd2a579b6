/** Builds the Palisade server: plugins, API routes, OpenAPI and the dashboard. It never listens itself. */
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { VERSION } from '../scanners/core/package.js';
import { type OidcSettings, OidcSignIn } from './auth/oidc.js';
import { replyWithError } from './errors.js';
import authPlugin from './plugins/auth.js';
import codeToCloudPlugin, { type CodeToCloudOptions } from './plugins/code-to-cloud.js';
import jobsPlugin, { type JobsPluginOptions } from './plugins/jobs.js';
import metricsPlugin from './plugins/metrics.js';
import securityPlugin from './plugins/security.js';
import storagePlugin, { type StoragePluginOptions } from './plugins/storage.js';
import auditRoutes from './routes/audit/index.js';
import cloudRoutes from './routes/cloud/index.js';
import dashboardRoutes from './routes/dashboard/index.js';
import findingRoutes from './routes/findings/index.js';
import governanceRoutes from './routes/governance/index.js';
import healthRoutes from './routes/health/index.js';
import openapiRoutes from './routes/openapi/index.js';
import repositoryRoutes from './routes/repositories/index.js';
import scanRoutes from './routes/scans/index.js';
import tokenRoutes from './routes/tokens/index.js';
import trendRoutes from './routes/trends/index.js';
import userRoutes from './routes/users/index.js';

export interface RateLimit {
  max: number;
  /** Milliseconds. */
  timeWindow: number;
}

export type AppOptions = StoragePluginOptions & {
  /** fastify's logger option: false in tests, pino settings in production. */
  logger?: FastifyServerOptions['logger'];
  /** Largest scan upload in bytes (default 50 MiB). */
  ingestBodyLimit?: number;
  ingestRateLimit?: RateLimit;
  loginRateLimit?: RateLimit;
  /** Trust X-Forwarded-* from a reverse proxy (so that cookies are Secure behind https). */
  trustProxy?: boolean;
  /** How long a dashboard session lasts (default 12 hours). */
  sessionTtlMs?: number;
  /** Uploads with at least this many findings are queued and answered 202 (default 5,000). */
  asyncIngestThreshold?: number;
  /** Background jobs: whether this process runs a worker (default true), and its timings. */
  jobs?: JobsPluginOptions;
  /** Code to cloud: code hosts for source links, SLA days, the analysis worker's timings. */
  codeToCloud?: CodeToCloudOptions;
  /** OIDC sign-in on the dashboard; off when absent. */
  oidc?: OidcSettings;
};

export const DEFAULT_INGEST_BODY_LIMIT = 50 * 1024 * 1024;
export const DEFAULT_ASYNC_INGEST_THRESHOLD = 5_000;

/** A ready-to-listen fastify instance with every plugin and route; call `ready()` or `inject()` on it. */
export function buildApp(options: AppOptions): FastifyInstance {
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: options.trustProxy ?? false,
    // Every other body (forms, triage) is small; the ingestion route raises its own limit.
    bodyLimit: 1024 * 1024,
    ajv: {
      // Unknown fields are errors, never silently dropped: an upload must say exactly what it means.
      customOptions: { removeAdditional: false, allErrors: false },
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setErrorHandler<FastifyError>(replyWithError);
  app.setNotFoundHandler((request, reply) =>
    reply
      .code(404)
      .send({ statusCode: 404, error: 'not-found', message: `No route ${request.method} ${request.url}` }),
  );

  const storageOptions: StoragePluginOptions =
    'storage' in options
      ? { storage: options.storage }
      : { dataDir: options.dataDir, databaseUrl: options.databaseUrl };
  void app.register(storagePlugin, storageOptions);
  void app.register(metricsPlugin);
  void app.register(jobsPlugin, options.jobs ?? {});
  void app.register(codeToCloudPlugin, { worker: options.jobs?.worker, ...options.codeToCloud });
  void app.register(securityPlugin);
  void app.register(authPlugin);
  void app.register(swagger, {
    openapi: {
      info: {
        title: 'Palisade server API',
        version: VERSION,
        description:
          'Scan ingestion, findings, repositories and triage. Send "Authorization: Bearer <token>".',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
  });

  void app.register(healthRoutes);
  void app.register(scanRoutes, {
    bodyLimit: options.ingestBodyLimit ?? DEFAULT_INGEST_BODY_LIMIT,
    asyncThreshold: options.asyncIngestThreshold ?? DEFAULT_ASYNC_INGEST_THRESHOLD,
    rateLimit: options.ingestRateLimit ?? { max: 120, timeWindow: 60_000 },
  });
  void app.register(findingRoutes);
  void app.register(cloudRoutes, {
    bodyLimit: options.ingestBodyLimit ?? DEFAULT_INGEST_BODY_LIMIT,
    rateLimit: options.ingestRateLimit ?? { max: 120, timeWindow: 60_000 },
  });
  void app.register(governanceRoutes);
  void app.register(repositoryRoutes);
  void app.register(tokenRoutes);
  void app.register(auditRoutes);
  void app.register(userRoutes);
  void app.register(trendRoutes);
  void app.register(openapiRoutes);
  void app.register(dashboardRoutes, {
    loginRateLimit: options.loginRateLimit ?? { max: 10, timeWindow: 60_000 },
    sessionTtlMs: options.sessionTtlMs ?? 12 * 60 * 60 * 1000,
    oidc: options.oidc && new OidcSignIn(options.oidc),
  });
  return app;
}
