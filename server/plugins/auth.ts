/**
 * The auth plugin: resolves each request's principal from a Bearer API token or a dashboard session
 * cookie, and offers route guards by permission.
 */
import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import { hashToken, sameSecret } from '../auth/secrets.js';
import { can, type Permission, type Principal } from '../domain/roles.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Null when the request carries no valid credentials. */
    principal: Principal | null;
    /** The hash of the session cookie, when a session was found. */
    sessionIdHash: string | null;
  }
  interface FastifyInstance {
    /** A route onRequest hook (runs before the body is read): 401 without credentials, 403 without the permission. */
    requirePermission(permission: Permission): onRequestAsyncHookHandler;
  }
}

export const SESSION_COOKIE = 'palisade_session';
export const CSRF_HEADER = 'x-csrf-token';

export default fp(
  async (app) => {
    app.decorateRequest('principal', null);
    app.decorateRequest('sessionIdHash', null);

    app.addHook('onRequest', async (request, reply) => {
      const authorization = request.headers.authorization;
      if (authorization !== undefined) {
        const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
        const token = match
          ? await app.storage.useApiToken(hashToken(match[1]!), new Date().toISOString())
          : undefined;
        if (!token)
          return sendError(
            reply,
            401,
            'unauthorized',
            'The API token is missing, malformed, unknown or revoked.',
          );
        request.principal = { kind: 'token', ...token };
        return;
      }
      const sessionId = request.cookies[SESSION_COOKIE];
      if (sessionId) {
        const idHash = hashToken(sessionId);
        const session = await app.storage.findSession(idHash, new Date().toISOString());
        if (session) {
          request.sessionIdHash = idHash;
          request.principal = {
            kind: 'user',
            id: session.user.id,
            organizationId: session.user.organizationId,
            role: session.user.role,
            name: session.user.username,
            csrfToken: session.csrfToken,
          };
        }
      }
    });

    app.decorate('requirePermission', (permission: Permission): onRequestAsyncHookHandler => {
      return async function guard(request: FastifyRequest, reply: FastifyReply) {
        const principal = request.principal;
        if (!principal)
          return sendError(reply, 401, 'unauthorized', 'Send an API token as "Authorization: Bearer …".');
        // A browser session sends its cookie on its own: a state change also needs the session's CSRF token.
        if (principal.kind === 'user' && !['GET', 'HEAD'].includes(request.method)) {
          const sent = request.headers[CSRF_HEADER];
          if (typeof sent !== 'string' || !sameSecret(sent, principal.csrfToken)) {
            return sendError(
              reply,
              403,
              'csrf',
              `A session request that changes data needs the ${CSRF_HEADER} header.`,
            );
          }
        }
        if (!can(principal, permission)) {
          return sendError(
            reply,
            403,
            'forbidden',
            `The ${principal.kind} role "${principal.role}" may not ${permission}.`,
          );
        }
      };
    });
  },
  { name: 'palisade-auth', dependencies: ['palisade-storage', '@fastify/cookie'] },
);

function sendError(reply: FastifyReply, statusCode: number, error: string, message: string) {
  return reply.code(statusCode).send({ statusCode, error, message });
}
