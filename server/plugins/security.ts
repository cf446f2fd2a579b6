/** Security headers with a strict CSP, cookies and rate limiting (applied per route). */
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fp from 'fastify-plugin';

export default fp(
  async (app) => {
    await app.register(helmet, {
      // The dashboard has no scripts at all, and one stylesheet of its own.
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'none'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          baseUri: ["'none'"],
        },
      },
      referrerPolicy: { policy: 'no-referrer' },
    });
    await app.register(cookie);
    // Not global: each route that needs a limit says so in its config (login, ingestion).
    await app.register(rateLimit, { global: false });
  },
  { name: 'palisade-security' },
);
