/**
 * The dashboard: server-rendered pages behind a session cookie. No scripts, one stylesheet, every value
 * escaped by the `html` template, and a CSRF token on every form.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { packagePath } from '../../../scanners/core/package.js';
import { OIDC_FLOW_TTL_MS, type OidcSignIn, OidcSignInError } from '../../auth/oidc.js';
import { hashPassword, verifyPassword } from '../../auth/passwords.js';
import { generateRandomToken, hashToken, sameSecret } from '../../auth/secrets.js';
import type { SafeHtml } from '../../dashboard/html.js';
import { errorView } from '../../dashboard/views/finding.js';
import { layout, type Page, type PageUser } from '../../dashboard/views/layout.js';
import { loginView, signedInDocument } from '../../dashboard/views/login.js';
import { accountView, type UsersNotice, usersView } from '../../dashboard/views/users.js';
import { actorName, can, type Principal, USER_ROLES } from '../../domain/roles.js';
import { errorStatus } from '../../errors.js';
import { SESSION_COOKIE } from '../../plugins/auth.js';
import { IdParamsSchema } from '../../schemas/api.js';
import type { User } from '../../storage/storage.js';
import {
  changeOwnPassword,
  createLocalUser,
  MANAGE_ERROR_MESSAGES,
  MANAGE_ERROR_STATUS,
  resetPassword,
  updateUser,
} from '../users/manage.js';
import { registerPages } from './pages.js';

export interface DashboardOptions {
  loginRateLimit: { max: number; timeWindow: number };
  sessionTtlMs: number;
  /** OIDC sign-in, when configured. */
  oidc?: OidcSignIn;
}

const LOGIN_CSRF_COOKIE = 'palisade_login_csrf';
const OIDC_FLOW_COOKIE = 'palisade_oidc_flow';
const FORM_BODY_LIMIT = 64 * 1024;
const STYLESHEET = readFileSync(packagePath('server/dashboard/static/dashboard.css'));
// The hash in the link lets browsers cache the stylesheet for long and still see a new one at once.
const STYLESHEET_URL = `/static/dashboard.css?v=${createHash('sha256').update(STYLESHEET).digest('hex').slice(0, 12)}`;

type UserPrincipal = Extract<Principal, { kind: 'user' }>;

const dashboard: FastifyPluginAsyncTypebox<DashboardOptions> = async (app, options) => {
  const oidc = options.oidc;
  // Compared against when the username is unknown, so that timing does not tell which usernames exist.
  const unknownUserHash = hashPassword(generateRandomToken());

  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT },
    (_request, body, done) => done(null, formFields(body as string)),
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
    section?: Page['section'],
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
        loginView({ csrfToken, next: localPath(request.query.next), sso: oidc !== undefined }),
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
          loginView({
            csrfToken: expected ?? '',
            next,
            username,
            error: 'The form expired. Sign in again.',
            sso: oidc !== undefined,
          }),
        );
      }
      const user = await app.storage.findUserByUsername(username);
      const valid = await verifyPassword(user?.passwordHash ?? (await unknownUserHash), password);
      const disabled = user !== undefined && valid && user.disabledAt !== null;
      if (!user || !valid || disabled) {
        await app.storage.appendAudit({
          organizationId: user?.organizationId ?? null,
          actor: `user:${username}`,
          action: 'login.failed',
          target: null,
          details: { ip: request.ip, ...(disabled ? { reason: 'disabled' } : {}) },
        });
        return sendPage(
          request,
          reply.code(401),
          'Sign in',
          loginView({
            csrfToken: expected,
            next,
            username,
            error: disabled ? 'This account is disabled.' : 'Wrong username or password.',
            sso: oidc !== undefined,
          }),
        );
      }
      await startSession(request, reply, user, 'password');
      reply.clearCookie(LOGIN_CSRF_COOKIE, { path: '/' });
      return reply.redirect(next, 303);
    },
  );

  /** A new session for `user`: the cookie, the sign-in time and an audit entry. */
  const startSession = async (
    request: FastifyRequest,
    reply: FastifyReply,
    user: User,
    method: 'password' | 'oidc',
  ) => {
    const sessionId = generateRandomToken();
    const now = new Date();
    await app.storage.createSession({
      idHash: hashToken(sessionId),
      userId: user.id,
      csrfToken: generateRandomToken(),
      expiresAt: new Date(now.getTime() + options.sessionTtlMs).toISOString(),
    });
    await app.storage.recordSignIn(user.id, now.toISOString());
    await app.storage.appendAudit({
      organizationId: user.organizationId,
      actor: `user:${user.username}`,
      action: 'login',
      target: null,
      details: { ip: request.ip, method },
    });
    reply.setCookie(
      SESSION_COOKIE,
      sessionId,
      cookieOptions(request, Math.floor(options.sessionTtlMs / 1000)),
    );
  };

  if (oidc) registerOidcRoutes(oidc);

  function registerOidcRoutes(provider: OidcSignIn) {
    const flowCookie = {
      httpOnly: true,
      // Lax: the identity provider's redirect back is a cross-site navigation, which Strict would strip.
      sameSite: 'lax' as const,
      secure: provider.settings.redirectUrl.startsWith('https:'),
      path: '/login/oidc',
    };
    const refuse = async (
      request: FastifyRequest,
      reply: FastifyReply,
      reason: string,
      message: string,
      organizationId: number | null,
      username: string | null,
    ) => {
      await app.storage.appendAudit({
        organizationId,
        actor: username === null ? 'oidc' : `user:${username}`,
        action: 'login.failed',
        target: null,
        details: { ip: request.ip, method: 'oidc', reason },
      });
      reply.clearCookie(OIDC_FLOW_COOKIE, { path: flowCookie.path });
      return sendPage(request, reply.code(401), 'Sign in', errorView('Sign-in refused', message));
    };

    app.get(
      '/login/oidc',
      {
        config: { rateLimit: options.loginRateLimit },
        schema: {
          hide: true,
          querystring: Type.Object({ next: Type.Optional(Type.String({ maxLength: 2000 })) }),
        },
      },
      async (request, reply) => {
        let start: Awaited<ReturnType<OidcSignIn['start']>>;
        try {
          start = await provider.start(localPath(request.query.next));
        } catch (error) {
          request.log.error({ err: error }, 'OIDC discovery failed');
          return sendPage(
            request,
            reply.code(502),
            'Sign in',
            errorView('Sign-in unavailable', 'The identity provider does not answer. Try again later.'),
          );
        }
        reply.setCookie(OIDC_FLOW_COOKIE, start.cookie, {
          ...flowCookie,
          maxAge: Math.floor(OIDC_FLOW_TTL_MS / 1000),
        });
        return reply.header('cache-control', 'no-store').redirect(start.url, 303);
      },
    );

    app.get(
      '/login/oidc/callback',
      {
        config: { rateLimit: options.loginRateLimit },
        schema: {
          hide: true,
          querystring: Type.Record(Type.String(), Type.String({ maxLength: 4000 })),
        },
      },
      async (request, reply) => {
        const organization = await app.storage.findOrganizationBySlug(provider.settings.organization);
        if (!organization) {
          request.log.error(
            { organization: provider.settings.organization },
            'PALISADE_OIDC_ORGANIZATION names no organisation',
          );
          return refuse(
            request,
            reply,
            'no-organization',
            'Sign-in with SSO is misconfigured on this server.',
            null,
            null,
          );
        }
        const search = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
        let result: Awaited<ReturnType<OidcSignIn['finish']>>;
        try {
          result = await provider.finish(search, request.cookies[OIDC_FLOW_COOKIE]);
        } catch (error) {
          if (!(error instanceof OidcSignInError)) throw error;
          return refuse(request, reply, error.reason, error.message, organization.id, null);
        }
        const { identity } = result;
        let user = await app.storage.findUserByOidcSubject(identity.subject);
        if (!user) {
          user = await app.storage.createOidcUser({
            organizationId: organization.id,
            username: identity.username,
            oidcSubject: identity.subject,
            role: identity.role ?? 'viewer',
          });
          if (!user) {
            // Never a takeover: a local account (or another identity) of the same name stays its owner's.
            return refuse(
              request,
              reply,
              'username-taken',
              `The username ${identity.username} belongs to another account here. Ask an admin.`,
              organization.id,
              identity.username,
            );
          }
          await app.storage.appendAudit({
            organizationId: organization.id,
            actor: 'oidc',
            action: 'user.provision',
            target: `user:${user.id}`,
            details: { username: user.username, role: user.role },
          });
        } else if (user.disabledAt !== null) {
          return refuse(
            request,
            reply,
            'disabled',
            'This account is disabled.',
            user.organizationId,
            user.username,
          );
        } else if (identity.role !== undefined && identity.role !== user.role) {
          // The identity provider's role claim is the source of truth, except that it never removes the last admin.
          const changed = await app.storage.changeUserRole(user.organizationId, user.id, identity.role);
          if (changed.outcome === 'changed') {
            await app.storage.appendAudit({
              organizationId: user.organizationId,
              actor: 'oidc',
              action: 'user.role',
              target: `user:${user.id}`,
              details: { username: user.username, from: user.role, to: identity.role },
            });
            user = { ...user, role: identity.role };
          }
        }
        await startSession(request, reply, user, 'oidc');
        reply.clearCookie(OIDC_FLOW_COOKIE, { path: flowCookie.path });
        return reply
          .type('text/html; charset=utf-8')
          .header('cache-control', 'no-store')
          .send(signedInDocument(result.next, STYLESHEET_URL));
      },
    );
  }

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

  /** The user when the form's CSRF token is the session's and the role allows `permission`; else an error page. */
  const formUser = (
    request: FastifyRequest,
    reply: FastifyReply,
    csrf: string,
    permission?: 'admin',
  ): UserPrincipal | undefined => {
    const user = requireUser(request, reply);
    if (!user) return undefined;
    if (!sameSecret(csrf, user.csrfToken)) {
      void sendPage(
        request,
        reply.code(403),
        'Error',
        errorView('Error 403', 'The form expired. Reload the page.'),
      );
      return undefined;
    }
    if (permission && !can(user, permission)) {
      void sendPage(request, reply.code(403), 'Error', errorView('Error 403', 'Only admins manage users.'));
      return undefined;
    }
    return user;
  };

  const showUsers = async (
    request: FastifyRequest,
    reply: FastifyReply,
    user: UserPrincipal,
    notice?: UsersNotice,
  ) => {
    const users = await app.storage.listUsers(user.organizationId);
    const body = usersView({
      users,
      csrfToken: user.csrfToken,
      selfId: user.id,
      oidcEnabled: oidc !== undefined,
      notice,
    });
    return sendPage(request, reply, 'Users', body, 'users');
  };

  app.get('/users', { schema: { hide: true } }, async (request, reply) => {
    const user = requireUser(request, reply);
    if (!user) return reply;
    if (!can(user, 'admin')) {
      return sendPage(request, reply.code(403), 'Error', errorView('Error 403', 'Only admins manage users.'));
    }
    return showUsers(request, reply, user);
  });

  const UserFormSchema = Type.Object({
    csrf: Type.String({ maxLength: 200 }),
    username: Type.String({ maxLength: 200 }),
    role: Type.String({ maxLength: 20 }),
    password: Type.Optional(Type.String({ maxLength: 1000 })),
  });

  app.post('/users', { schema: { hide: true, body: UserFormSchema } }, async (request, reply) => {
    const user = formUser(request, reply, request.body.csrf, 'admin');
    if (!user) return reply;
    const role = USER_ROLES.find((candidate) => candidate === request.body.role);
    if (!role) return showUsers(request, reply.code(400), user, { error: 'Choose a role.' });
    const result = await createLocalUser(
      app.storage,
      { organizationId: user.organizationId, name: actorName(user) },
      { username: request.body.username.trim(), role, password: request.body.password },
    );
    if ('error' in result) {
      return showUsers(request, reply.code(MANAGE_ERROR_STATUS[result.error]), user, {
        error: MANAGE_ERROR_MESSAGES[result.error],
      });
    }
    const created = result.ok;
    return showUsers(request, reply.code(201), user, {
      done: `Created ${created.user.username} (${created.user.role}).`,
      password: created.generatedPassword
        ? { username: created.user.username, value: created.generatedPassword }
        : undefined,
    });
  });

  app.post(
    '/users/:id',
    {
      schema: {
        hide: true,
        params: IdParamsSchema,
        body: Type.Object({
          csrf: Type.String({ maxLength: 200 }),
          action: Type.String({ maxLength: 20 }),
          role: Type.Optional(Type.String({ maxLength: 20 })),
        }),
      },
    },
    async (request, reply) => {
      const user = formUser(request, reply, request.body.csrf, 'admin');
      if (!user) return reply;
      const { action } = request.body;
      const role = USER_ROLES.find((candidate) => candidate === request.body.role);
      const change =
        action === 'role' && role
          ? { role }
          : action === 'disable' || action === 'enable'
            ? { disabled: action === 'disable' }
            : undefined;
      if (!change) return showUsers(request, reply.code(400), user, { error: 'Choose an action.' });
      const result = await updateUser(
        app.storage,
        { organizationId: user.organizationId, name: actorName(user) },
        request.params.id,
        change,
        new Date().toISOString(),
      );
      if ('error' in result) {
        return showUsers(request, reply.code(MANAGE_ERROR_STATUS[result.error]), user, {
          error: MANAGE_ERROR_MESSAGES[result.error],
        });
      }
      // Disabling yourself ends your own session too.
      if (result.ok.id === user.id && result.ok.disabled) return reply.redirect('/login', 303);
      return reply.redirect('/users', 303);
    },
  );

  app.post(
    '/users/:id/password',
    {
      schema: {
        hide: true,
        params: IdParamsSchema,
        body: Type.Object({ csrf: Type.String({ maxLength: 200 }) }),
      },
    },
    async (request, reply) => {
      const user = formUser(request, reply, request.body.csrf, 'admin');
      if (!user) return reply;
      const result = await resetPassword(
        app.storage,
        { organizationId: user.organizationId, name: actorName(user) },
        request.params.id,
        undefined,
      );
      if ('error' in result) {
        return showUsers(request, reply.code(MANAGE_ERROR_STATUS[result.error]), user, {
          error: MANAGE_ERROR_MESSAGES[result.error],
        });
      }
      const { username, generatedPassword } = result.ok;
      return showUsers(request, reply, user, {
        done: `Reset the password of ${username}; their sessions ended.`,
        password: { username, value: generatedPassword ?? '' },
      });
    },
  );

  const showAccount = async (
    request: FastifyRequest,
    reply: FastifyReply,
    user: UserPrincipal,
    message: { error?: string; done?: string } = {},
  ) => {
    const stored = await app.storage.getUser(user.organizationId, user.id);
    const body = accountView({
      username: user.name,
      role: user.role,
      source: stored?.source ?? 'local',
      csrfToken: user.csrfToken,
      ...message,
    });
    return sendPage(request, reply, 'Account', body, 'account');
  };

  app.get('/account', { schema: { hide: true } }, async (request, reply) => {
    const user = requireUser(request, reply);
    if (!user) return reply;
    return showAccount(request, reply, user);
  });

  app.post(
    '/account/password',
    {
      config: { rateLimit: options.loginRateLimit },
      schema: {
        hide: true,
        body: Type.Object({
          csrf: Type.String({ maxLength: 200 }),
          currentPassword: Type.String({ maxLength: 1000 }),
          newPassword: Type.String({ maxLength: 1000 }),
        }),
      },
    },
    async (request, reply) => {
      const user = formUser(request, reply, request.body.csrf);
      if (!user) return reply;
      const result = await changeOwnPassword(
        app.storage,
        { organizationId: user.organizationId, userId: user.id, sessionIdHash: request.sessionIdHash },
        request.body.currentPassword,
        request.body.newPassword,
      );
      if ('error' in result) {
        return showAccount(request, reply.code(result.error === 'wrong-password' ? 403 : 400), user, {
          error: MANAGE_ERROR_MESSAGES[result.error],
        });
      }
      return showAccount(request, reply, user, {
        done: 'Password changed. Your other sessions were signed out.',
      });
    },
  );

  registerPages(app, { sendPage, requireUser, formUser });
};

/** Form fields by name; a repeated name (the checkboxes of a bulk form) gives the list of its values. */
function formFields(body: string): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = Object.create(null);
  for (const [name, value] of new URLSearchParams(body)) {
    const previous = fields[name];
    fields[name] =
      previous === undefined ? value : Array.isArray(previous) ? [...previous, value] : [previous, value];
  }
  return fields;
}

/** `next` when it is a path on this site, else `/`: the sign-in redirect must not lead elsewhere. */
export function localPath(next: string | undefined): string {
  return next && /^\/(?![/\\])[^\s\\]*$/.test(next) ? next : '/';
}

export default dashboard;
