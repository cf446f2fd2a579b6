import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_PASSWORD,
  ADMIN_TOKEN,
  bearer,
  form,
  type Session,
  signIn,
  startTestServer,
  type TestServer,
} from './helpers.js';

let server: TestServer;
let readToken: string;

beforeAll(async () => {
  // Many sign-ins on purpose: the limit itself is tested in dashboard.test.ts.
  server = await startTestServer({ loginRateLimit: { max: 1000, timeWindow: 60_000 } });
  readToken = await server.token('read');
});
afterAll(async () => server.close());

interface UserItem {
  id: number;
  username: string;
  role: string;
  source: string;
  disabled: boolean;
}

const listUsers = async (token = ADMIN_TOKEN): Promise<UserItem[]> =>
  (await server.app.inject({ url: '/api/v1/users', headers: bearer(token) })).json().items;

const createUser = (payload: Record<string, unknown>, token = ADMIN_TOKEN) =>
  server.app.inject({ method: 'POST', url: '/api/v1/users', headers: bearer(token), payload });

const patchUser = (id: number, payload: Record<string, unknown>, token = ADMIN_TOKEN) =>
  server.app.inject({ method: 'PATCH', url: `/api/v1/users/${id}`, headers: bearer(token), payload });

/** True when the session cookie still signs in (the overview answers 200, not a redirect to /login). */
const sessionWorks = async (session: Session) =>
  (await server.app.inject({ url: '/', headers: { cookie: session.cookie } })).statusCode === 200;

describe('user management API', () => {
  it('creates local users with a given or a generated password (shown once) and never returns hashes', async () => {
    const given = await createUser({ username: 'dana', role: 'analyst', password: 'a long enough password' });
    expect(given.statusCode).toBe(201);
    expect(given.json()).toMatchObject({ user: { username: 'dana', role: 'analyst', source: 'local' } });
    expect(given.json().password).toBeUndefined();
    await signIn(server.app, 'dana', 'a long enough password');

    const generated = await createUser({ username: 'eve.ops', role: 'viewer' });
    expect(generated.statusCode).toBe(201);
    const password = generated.json().password as string;
    expect(password.length).toBeGreaterThanOrEqual(20);
    await signIn(server.app, 'eve.ops', password);

    const list = await server.app.inject({ url: '/api/v1/users', headers: bearer(ADMIN_TOKEN) });
    expect(list.body).not.toContain('$argon2');
    expect(list.body).not.toContain(password);
    expect(list.json().items.map((user: UserItem) => user.username)).toEqual(['admin', 'dana', 'eve.ops']);
    expect(JSON.stringify(await server.app.storage.listAudit(server.organizationId, 50))).not.toContain(
      password,
    );
  });

  it('refuses taken names, malformed names and short passwords, each with its reason', async () => {
    const taken = await createUser({ username: 'admin', role: 'viewer' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error).toBe('username-taken');
    const malformed = await createUser({ username: '<script>', role: 'viewer' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().pointer).toBe('/username');
    const short = await createUser({ username: 'frank', role: 'viewer', password: 'short' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error).toBe('weak-password');
  });

  it('is for admins only: a read token and an analyst session get 403', async () => {
    expect((await server.app.inject({ url: '/api/v1/users', headers: bearer(readToken) })).statusCode).toBe(
      403,
    );
    const analyst = await signIn(server.app, await server.user('analyst'));
    const bySession = await server.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: analyst.cookie, 'x-csrf-token': analyst.csrfToken },
      payload: { username: 'mallory', role: 'admin' },
    });
    expect(bySession.statusCode).toBe(403);
    const page = await server.app.inject({ url: '/users', headers: { cookie: analyst.cookie } });
    expect(page.statusCode).toBe(403);
  });

  it('changes roles and audits the change', async () => {
    const id = (await listUsers()).find((user) => user.username === 'dana')!.id;
    const changed = await patchUser(id, { role: 'viewer' });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ id, role: 'viewer', disabled: false });
    const audit = await server.app.storage.listAudit(server.organizationId, 10);
    expect(audit.find((entry) => entry.action === 'user.role')).toMatchObject({
      actor: 'token:bootstrap-admin',
      target: `user:${id}`,
      details: { username: 'dana', from: 'analyst', to: 'viewer' },
    });
    expect((await patchUser(id, {})).statusCode).toBe(400);
    expect((await patchUser(999_999, { role: 'admin' })).statusCode).toBe(404);
  });

  it('disabling a user ends their sessions at once; they cannot sign in until enabled', async () => {
    const username = await server.user('analyst');
    const session = await signIn(server.app, username);
    expect(await sessionWorks(session)).toBe(true);
    const id = (await listUsers()).find((user) => user.username === username)!.id;

    expect((await patchUser(id, { disabled: true })).json()).toMatchObject({ disabled: true });
    expect(await sessionWorks(session)).toBe(false);
    const api = await server.app.inject({ url: '/api/v1/findings', headers: { cookie: session.cookie } });
    expect(api.statusCode).toBe(401);
    await expect(signIn(server.app, username)).rejects.toThrow(/401/);
    const audit = await server.app.storage.listAudit(server.organizationId, 5);
    expect(audit[0]).toMatchObject({ action: 'login.failed', details: { reason: 'disabled' } });

    expect((await patchUser(id, { disabled: false })).json()).toMatchObject({ disabled: false });
    expect(await sessionWorks(await signIn(server.app, username))).toBe(true);
  });

  it('never demotes or disables the last enabled admin of an organisation', async () => {
    const organizationId = await server.organization('solo');
    const token = await server.token('admin', organizationId);
    const firstAdmin = await server.user('admin', organizationId);
    const [first] = await listUsers(token);
    expect(first!.username).toBe(firstAdmin);

    expect((await patchUser(first!.id, { role: 'analyst' }, token)).json().error).toBe('last-admin');
    expect((await patchUser(first!.id, { disabled: true }, token)).statusCode).toBe(409);

    const second = (await createUser({ username: 'solo-second', role: 'admin' }, token)).json().user;
    expect((await patchUser(second.id, { disabled: true }, token)).statusCode).toBe(200);
    // A disabled admin does not count: the first one is still the last enabled admin.
    expect((await patchUser(first!.id, { role: 'viewer' }, token)).statusCode).toBe(409);
    expect((await patchUser(second.id, { disabled: false }, token)).statusCode).toBe(200);
    expect((await patchUser(first!.id, { role: 'viewer' }, token)).json().role).toBe('viewer');
    expect((await patchUser(second.id, { role: 'analyst' }, token)).statusCode).toBe(409);
  });

  it('an admin resets a password: the old one stops working and the user is signed out', async () => {
    const username = await server.user('viewer');
    const session = await signIn(server.app, username);
    const id = (await listUsers()).find((user) => user.username === username)!.id;
    const reset = await server.app.inject({
      method: 'POST',
      url: `/api/v1/users/${id}/password`,
      headers: bearer(ADMIN_TOKEN),
      payload: {},
    });
    expect(reset.statusCode).toBe(200);
    const password = reset.json().password as string;
    expect(await sessionWorks(session)).toBe(false);
    await expect(signIn(server.app, username)).rejects.toThrow(/401/);
    await signIn(server.app, username, password);

    const chosen = await server.app.inject({
      method: 'POST',
      url: `/api/v1/users/${id}/password`,
      headers: bearer(ADMIN_TOKEN),
      payload: { password: 'chosen by the admin' },
    });
    expect(chosen.json()).toEqual({});
    await signIn(server.app, username, 'chosen by the admin');
  });

  it('a user changes their own password with the current one; their other sessions end, this one stays', async () => {
    const username = await server.user('viewer');
    const current = await signIn(server.app, username);
    const other = await signIn(server.app, username);
    const change = (currentPassword: string, newPassword: string, session = current) =>
      server.app.inject({
        method: 'POST',
        url: '/api/v1/account/password',
        headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
        payload: { currentPassword, newPassword },
      });
    const wrong = await change('not the password', 'a brand new password');
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error).toBe('wrong-password');
    expect((await change(ADMIN_PASSWORD, 'short')).statusCode).toBe(400);
    const withoutCsrf = await server.app.inject({
      method: 'POST',
      url: '/api/v1/account/password',
      headers: { cookie: current.cookie },
      payload: { currentPassword: ADMIN_PASSWORD, newPassword: 'a brand new password' },
    });
    expect(withoutCsrf.statusCode).toBe(403);

    expect((await change(ADMIN_PASSWORD, 'a brand new password')).statusCode).toBe(204);
    expect(await sessionWorks(current)).toBe(true);
    expect(await sessionWorks(other)).toBe(false);
    await expect(signIn(server.app, username)).rejects.toThrow(/401/);
    await signIn(server.app, username, 'a brand new password');

    const byToken = await server.app.inject({
      method: 'POST',
      url: '/api/v1/account/password',
      headers: bearer(ADMIN_TOKEN),
      payload: { currentPassword: 'x', newPassword: 'a brand new password' },
    });
    expect(byToken.statusCode).toBe(403);
  });
});

describe('credentials', () => {
  it('every user, owner, bulk and trend endpoint answers 401 without credentials', async () => {
    const endpoints = [
      { method: 'GET' as const, url: '/api/v1/users' },
      { method: 'POST' as const, url: '/api/v1/users', payload: { username: 'x1', role: 'viewer' } },
      { method: 'PATCH' as const, url: '/api/v1/users/1', payload: { role: 'viewer' } },
      { method: 'POST' as const, url: '/api/v1/users/1/password', payload: {} },
      {
        method: 'POST' as const,
        url: '/api/v1/account/password',
        payload: { currentPassword: 'x', newPassword: 'y' },
      },
      { method: 'POST' as const, url: '/api/v1/findings/owner', payload: { ids: [1], owner: 'x' } },
      {
        method: 'POST' as const,
        url: '/api/v1/findings/status',
        payload: { ids: [1], status: 'false_positive', reason: 'x' },
      },
      { method: 'GET' as const, url: '/api/v1/trends' },
    ];
    for (const endpoint of endpoints) {
      for (const headers of [{}, bearer('pal_unknown')]) {
        const response = await server.app.inject({ ...endpoint, headers });
        expect(response.statusCode, `${endpoint.method} ${endpoint.url}`).toBe(401);
      }
    }
  });
});

describe('isolation', () => {
  it("an admin of another organisation neither sees nor changes this organisation's users", async () => {
    const organizationId = await server.organization('elsewhere');
    const token = await server.token('admin', organizationId);
    const otherAdmin = await server.user('admin', organizationId);
    expect((await listUsers(token)).map((user) => user.username)).toEqual([otherAdmin]);

    const ours = (await listUsers()).find((user) => user.username === 'admin')!;
    expect((await patchUser(ours.id, { disabled: true }, token)).statusCode).toBe(404);
    expect((await patchUser(ours.id, { role: 'viewer' }, token)).statusCode).toBe(404);
    const reset = await server.app.inject({
      method: 'POST',
      url: `/api/v1/users/${ours.id}/password`,
      headers: bearer(token),
      payload: { password: 'taken over by them' },
    });
    expect(reset.statusCode).toBe(404);
    await signIn(server.app, 'admin');

    const session = await signIn(server.app, otherAdmin);
    const page = await server.app.inject({ url: '/users', headers: { cookie: session.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(otherAdmin);
    expect(page.body).not.toContain('dana');
  });
});

describe('users page', () => {
  it('lists users for admins and creates, changes, disables and resets through forms with CSRF', async () => {
    const admin = await signIn(server.app, 'admin');
    const post = (url: string, fields: Record<string, string>, csrf = admin.csrfToken) =>
      server.app.inject({
        method: 'POST',
        url,
        ...form({ csrf, ...fields }),
        headers: { ...form({}).headers, cookie: admin.cookie },
      });

    const page = await server.app.inject({ url: '/users', headers: { cookie: admin.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<a href="/users" aria-current="page">Users</a>');
    expect(page.body).not.toContain('$argon2');

    const forged = await post('/users', { username: 'grace', role: 'viewer' }, 'forged');
    expect(forged.statusCode).toBe(403);
    expect((await listUsers()).map((user) => user.username)).not.toContain('grace');

    const created = await post('/users', { username: 'grace', role: 'analyst', password: '' });
    expect(created.statusCode).toBe(201);
    const shown = /Password of <strong>grace<\/strong>[^<]*<code>([^<]+)<\/code>/.exec(created.body);
    expect(shown).not.toBeNull();
    await signIn(server.app, 'grace', shown![1]!);
    // Shown once: the list page does not show it again.
    const again = await server.app.inject({ url: '/users', headers: { cookie: admin.cookie } });
    expect(again.body).not.toContain(shown![1]!);

    const grace = (await listUsers()).find((user) => user.username === 'grace')!;
    expect((await post(`/users/${grace.id}`, { action: 'role', role: 'admin' })).statusCode).toBe(303);
    expect((await listUsers()).find((user) => user.id === grace.id)!.role).toBe('admin');
    expect((await post(`/users/${grace.id}`, { action: 'disable' })).statusCode).toBe(303);
    expect((await listUsers()).find((user) => user.id === grace.id)!.disabled).toBe(true);

    const reset = await post(`/users/${grace.id}/password`, {});
    expect(reset.statusCode).toBe(200);
    expect(reset.body).toMatch(/Password of <strong>grace<\/strong>/);

    const duplicate = await post('/users', { username: 'grace', role: 'viewer' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.body).toContain('That username is taken.');
  });

  it('the account page changes the own password through its form', async () => {
    const username = await server.user('viewer');
    const session = await signIn(server.app, username);
    const page = await server.app.inject({ url: '/account', headers: { cookie: session.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('action="/account/password"');
    expect(page.body).not.toContain('href="/users"');
    const changed = await server.app.inject({
      method: 'POST',
      url: '/account/password',
      headers: { ...form({}).headers, cookie: session.cookie },
      payload: form({
        csrf: session.csrfToken,
        currentPassword: ADMIN_PASSWORD,
        newPassword: 'changed on the page',
      }).payload,
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.body).toContain('Password changed.');
    await signIn(server.app, username, 'changed on the page');
  });
});
