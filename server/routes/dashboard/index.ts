/**
 * The dashboard: server-rendered pages behind a session cookie. No scripts, one stylesheet, every value
 * escaped by the `html` template, and a CSRF token on every form.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { packagePath } from '../../../scanners/core/package.js';
import { hashPassword, verifyPassword } from '../../auth/passwords.js';
import { generateRandomToken, hashToken, sameSecret } from '../../auth/secrets.js';
import type { SafeHtml } from '../../dashboard/html.js';
import { errorView, findingView } from '../../dashboard/views/finding.js';
import { findingsView } from '../../dashboard/views/findings.js';
import { layout, type PageUser } from '../../dashboard/views/layout.js';
import { loginView } from '../../dashboard/views/login.js';
import { overviewView } from '../../dashboard/views/overview.js';
import { actorName, can, type Principal } from '../../domain/roles.js';
import { TRIAGE_STATUSES, triageExpiry } from '../../domain/triage.js';
import { errorStatus } from '../../errors.js';
import { SESSION_COOKIE } from '../../plugins/auth.js';
import { FindingListQuerySchema, IdParamsSchema, toFindingQuery } from '../../schemas/api.js';

export interface DashboardOptions {
  loginRateLimit: { max: number; timeWindow: number };
  sessionTtlMs: number;
}

const LOGIN_CSRF_COOKIE = 'palisade_login_csrf';
const FORM_BODY_LIMIT = 64 * 1024;
const STYLESHEET = readFileSync(packagePath('server/dashboard/static/dashboard.css'));
// The hash in the link lets browsers cache the stylesheet for long and still see a new one at once.
const STYLESHEET_URL = `/static/dashboard.css?v=${createHash('sha256').update(STYLESHEET).digest('hex').slice(0, 12)}`;

type UserPrincipal = Extract<Principal, { kind: 'user' }>;

const dashboard: FastifyPluginAsyncTypebox<DashboardOptions> = async (app, options) => {
  // Compared against when the username is unknown, so that timing does not tell which usernames exist.
  const unknownUserHash = hashPassword(generateRandomToken());

  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );

  // Filter forms send empty fields for "any": drop them before the query schema sees them.
  app.addHook('preValidation', async (request) => {
    const query = request.query as Record<string, unknown> | undefined;
    if (query) for (const key of Object.keys(query)) if (query[key] === '') delete query[key];
  });

  app.setErrorHandler<FastifyError>(async (error, request, reply) => {
    const status = errorStatus(error);
    if (status >= 500) request.log.error({ err: error }, 'dashboard request failed');
    const message =
      status === 400
        ? 'The request is not valid. Check the filters or the form and try again.'
        : status === 429
          ? 'Too many attempts. Wait a minute and try again.'
          : status >= 500
            ? 'The server failed to show this page; see its log.'
            : error.message;
    return sendPage(request, reply.code(status), 'Error', errorView(`Error ${status}`, message));
  });

  const sendPage = (
    request: FastifyRequest,
    reply: FastifyReply,
    title: string,
    body: SafeHtml,
    section?: 'overview' | 'findings',
  ) => {
    const principal = request.principal;
    const user: PageUser | undefined =
      principal?.kind === 'user'
        ? { name: principal.name, role: principal.role, csrfToken: principal.csrfToken }
        : undefined;
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(layout({ title, body, user, section, stylesheet: STYLESHEET_URL }));
  };

  /** The signed-in user, or a redirect to the sign-in page. */
  const requireUser = (request: FastifyRequest, reply: FastifyReply): UserPrincipal | undefined => {
    if (request.principal?.kind === 'user') return request.principal;
    void reply.redirect(`/login?next=${encodeURIComponent(request.url)}`, 303);
    return undefined;
  };

  const cookieOptions = (request: FastifyRequest, maxAgeSeconds: number) => ({
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: request.protocol === 'https',
    path: '/',
    maxAge: maxAgeSeconds,
  });

  app.get('/static/dashboard.css', { schema: { hide: true } }, async (_request, reply) =>
    reply
      .type('text/css; charset=utf-8')
      .header('cache-control', 'public, max-age=31536000, immutable')
      .send(STYLESHEET),
  );

  app.get(
    '/login',
    {
      schema: {
        hide: true,
        querystring: Type.Object({ next: Type.Optional(Type.String({ maxLength: 2000 })) }),
      },
    },
    async (request, reply) => {
      if (request.principal?.kind === 'user') return reply.redirect('/', 303);
      const csrfToken = generateRandomToken();
      reply.setCookie(LOGIN_CSRF_COOKIE, csrfToken, cookieOptions(request, 3600));
      return sendPage(
        request,
        reply,
        'Sign in',
        loginView({ csrfToken, next: localPath(request.query.next) }),
      );
    },
  );

  app.post(
    '/login',
    {
      config: { rateLimit: options.loginRateLimit },
      schema: {
        hide: true,
        body: Type.Object({
          username: Type.String({ maxLength: 200 }),
          password: Type.String({ maxLength: 1000 }),
          csrf: Type.String({ maxLength: 200 }),
          next: Type.Optional(Type.String({ maxLength: 2000 })),
        }),
      },
    },
    async (request, reply) => {
      const { username, password, csrf } = request.body;
      const next = localPath(request.body.next);
      const expected = request.cookies[LOGIN_CSRF_COOKIE];
      if (!expected || !sameSecret(csrf, expected)) {
        return sendPage(
          request,
          reply.code(403),
          'Sign in',
          loginView({ csrfToken: expected ?? '', next, username, error: 'The form expired. Sign in again.' }),
        );
      }
      const user = await app.storage.findUserByUsername(username);
      const valid = await verifyPassword(user?.passwordHash ?? (await unknownUserHash), password);
      if (!user || !valid) {
        await app.storage.appendAudit({
          organizationId: user?.organizationId ?? null,
          actor: `user:${username}`,
          action: 'login.failed',
          target: null,
          details: { ip: request.ip },
        });
        return sendPage(
          request,
          reply.code(401),
          'Sign in',
          loginView({ csrfToken: expected, next, username, error: 'Wrong username or password.' }),
        );
      }
      const sessionId = generateRandomToken();
      await app.storage.createSession({
        idHash: hashToken(sessionId),
        userId: user.id,
        csrfToken: generateRandomToken(),
        expiresAt: new Date(Date.now() + options.sessionTtlMs).toISOString(),
      });
      await app.storage.appendAudit({
        organizationId: user.organizationId,
        actor: `user:${user.username}`,
        action: 'login',
        target: null,
        details: { ip: request.ip },
      });
      reply.clearCookie(LOGIN_CSRF_COOKIE, { path: '/' });
      reply.setCookie(
        SESSION_COOKIE,
        sessionId,
        cookieOptions(request, Math.floor(options.sessionTtlMs / 1000)),
      );
      return reply.redirect(next, 303);
    },
  );

  app.post(
    '/logout',
    { schema: { hide: true, body: Type.Object({ csrf: Type.String({ maxLength: 200 }) }) } },
    async (request, reply) => {
      const user = requireUser(request, reply);
      if (!user) return reply;
      if (!sameSecret(request.body.csrf, user.csrfToken)) {
        return sendPage(
          request,
          reply.code(403),
          'Error',
          errorView('Error 403', 'The form expired. Reload the page.'),
        );
      }
      if (request.sessionIdHash) await app.storage.deleteSession(request.sessionIdHash);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.redirect('/login', 303);
    },
  );

  app.get('/', { schema: { hide: true } }, async (request, reply) => {
    const user = requireUser(request, reply);
    if (!user) return reply;
    const summary = await app.storage.summarize(user.organizationId);
    return sendPage(request, reply, 'Overview', overviewView(summary), 'overview');
  });

  app.get(
    '/findings',
    { schema: { hide: true, querystring: FindingListQuerySchema } },
    async (request, reply) => {
      const user = requireUser(request, reply);
      if (!user) return reply;
      const query = toFindingQuery(request.query);
      const [page, repositories] = await Promise.all([
        app.storage.listFindings(user.organizationId, query),
        app.storage.listRepositories(user.organizationId),
      ]);
      const body = findingsView({
        query: request.query,
        limit: query.limit,
        offset: query.offset,
        page,
        repositories,
      });
      return sendPage(request, reply, 'Findings', body, 'findings');
    },
  );

  const showFinding = async (
    request: FastifyRequest,
    reply: FastifyReply,
    user: UserPrincipal,
    id: number,
    error?: string,
  ) => {
    const finding = await app.storage.getFinding(user.organizationId, id);
    if (!finding)
      return sendPage(request, reply.code(404), 'Not found', errorView('Not found', 'No such finding.'));
    const history = await app.storage.listFindingEvents(user.organizationId, id);
    const triage = can(user, 'triage') ? { csrfToken: user.csrfToken, error } : undefined;
    return sendPage(request, reply, finding.title, findingView({ finding, history, triage }), 'findings');
  };

  app.get('/findings/:id', { schema: { hide: true, params: IdParamsSchema } }, async (request, reply) => {
    const user = requireUser(request, reply);
    if (!user) return reply;
    return showFinding(request, reply, user, request.params.id);
  });

  app.post(
    '/findings/:id/status',
    {
      schema: {
        hide: true,
        params: IdParamsSchema,
        body: Type.Object({
          csrf: Type.String({ maxLength: 200 }),
          status: Type.String({ maxLength: 50 }),
          reason: Type.String({ maxLength: 2000 }),
          expiresOn: Type.Optional(Type.String({ maxLength: 20 })),
        }),
      },
    },
    async (request, reply) => {
      const user = requireUser(request, reply);
      if (!user) return reply;
      const id = request.params.id;
      if (!sameSecret(request.body.csrf, user.csrfToken)) {
        return sendPage(
          request,
          reply.code(403),
          'Error',
          errorView('Error 403', 'The form expired. Reload the page.'),
        );
      }
      if (!can(user, 'triage')) {
        return sendPage(
          request,
          reply.code(403),
          'Error',
          errorView('Error 403', 'Your role may not triage findings.'),
        );
      }
      const status = TRIAGE_STATUSES.find((candidate) => candidate === request.body.status);
      const reason = request.body.reason.trim();
      if (!status || reason === '') {
        return showFinding(request, reply.code(400), user, id, 'Choose a decision and give a reason.');
      }
      const now = new Date();
      const expiry = triageExpiry(status, request.body.expiresOn, now);
      if ('error' in expiry) return showFinding(request, reply.code(400), user, id, expiry.error);
      const result = await app.storage.changeFindingStatus(
        user.organizationId,
        id,
        { status, reason, expiresAt: expiry.expiresAt, actor: actorName(user) },
        now.toISOString(),
      );
      if (result.outcome === 'invalid-transition') {
        return showFinding(
          request,
          reply.code(409),
          user,
          id,
          `A ${result.from} finding cannot be reopened by hand.`,
        );
      }
      if (result.outcome === 'not-found') {
        return sendPage(request, reply.code(404), 'Not found', errorView('Not found', 'No such finding.'));
      }
      return reply.redirect(`/findings/${id}`, 303);
    },
  );
};

/** `next` when it is a path on this site, else `/`: the sign-in redirect must not lead elsewhere. */
export function localPath(next: string | undefined): string {
  return next && /^\/(?![/\\])[^\s\\]*$/.test(next) ? next : '/';
}

export default dashboard;
