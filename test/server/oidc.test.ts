/**
 * OIDC sign-in end to end against a real OpenID Provider (oidc-provider) running in this process on a
 * random port: discovery, the authorization redirect with PKCE, the provider's own login and consent
 * pages, the code exchange, ID token validation, UserInfo, provisioning and the session.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
// @ts-expect-error oidc-provider ships no type declarations (its types are a separate @types package).
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OidcSettings } from '../../server/auth/oidc.js';
import { readOidcSettings } from '../../server/config.js';
import { ADMIN_TOKEN, bearer, signIn, startTestServer, type TestServer } from './helpers.js';

const REDIRECT_URL = 'http://palisade.test/login/oidc/callback';
const CLIENT_SECRET = 'test-client-secret-0123456789abcdefghij';

/** The provider's accounts: claims change between tests (a role claim moving, for example). */
const accounts: Record<string, Record<string, unknown>> = {
  alice: { email: 'alice@example.com', email_verified: true, palisade_role: 'analyst' },
  bob: { email: 'bob@evil.test', email_verified: true, palisade_role: 'admin' },
  carol: { email: 'carol@example.com', email_verified: true },
  dave: { email: 'dave@example.com', email_verified: false },
  erin: { email: 'Erin@Example.com' },
};

let identityProvider: Server;
let issuer: string;
let server: TestServer;

beforeAll(async () => {
  identityProvider = createServer();
  await new Promise<void>((resolve) => identityProvider.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(identityProvider.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'palisade',
        client_secret: CLIENT_SECRET,
        redirect_uris: [REDIRECT_URL],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    // PKCE is refused if missing: the test proves the client sends it.
    pkce: { required: () => true },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['palisade_role'],
    },
    cookies: { keys: ['oidc-test-cookie-key'] },
    ttl: { AccessToken: 600, Grant: 600, IdToken: 600, Interaction: 600, Session: 600 },
    findAccount: (_context: unknown, id: string) =>
      accounts[id] ? { accountId: id, claims: async () => ({ sub: id, ...accounts[id] }) } : undefined,
  });
  identityProvider.on('request', provider.callback());

  const settings: OidcSettings = {
    issuer,
    clientId: 'palisade',
    clientSecret: CLIENT_SECRET,
    redirectUrl: REDIRECT_URL,
    organization: 'default',
    roleClaim: 'palisade_role',
    allowedDomains: ['example.com'],
    scopes: 'openid email profile',
  };
  server = await startTestServer({ oidc: settings, loginRateLimit: { max: 1000, timeWindow: 60_000 } });
});
afterAll(async () => {
  await server?.close();
  await new Promise((resolve) => identityProvider?.close(resolve));
});

/** A browser at the identity provider: follows its redirects and submits its login and consent forms. */
async function authenticateAt(authorizationUrl: string, account: string): Promise<URL> {
  const cookies = new Map<string, string>();
  const send = async (url: URL, body?: URLSearchParams) => {
    const response = await fetch(url, {
      method: body ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; '),
        ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body,
    });
    for (const setCookie of response.headers.getSetCookie()) {
      const [pair] = setCookie.split(';');
      const [name, value] = [pair!.slice(0, pair!.indexOf('=')), pair!.slice(pair!.indexOf('=') + 1)];
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(setCookie)) cookies.delete(name);
      else cookies.set(name, value);
    }
    return response;
  };
  let url = new URL(authorizationUrl);
  for (let step = 0; step < 12; step++) {
    let response = await send(url);
    if (response.status === 200) {
      const page = await response.text();
      const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
      if (!action) throw new Error(`no form at ${url.href}: ${page.slice(0, 300)}`);
      const fields: Record<string, string> = page.includes('name="login"')
        ? { prompt: 'login', login: account, password: 'any' }
        : { prompt: 'consent' };
      response = await send(new URL(action, url), new URLSearchParams(fields));
    }
    const location = response.headers.get('location');
    if (!location) throw new Error(`the provider answered ${response.status} at ${url.href}`);
    url = new URL(location, url);
    if (url.href.startsWith(REDIRECT_URL)) return url;
  }
  throw new Error('the provider never redirected back');
}

interface Attempt {
  status: number;
  body: string;
  /** The Palisade session cookie, when one was set. */
  session?: string;
  callback: URL;
  flowCookie: string;
}

/** Starts at Palisade, signs in at the provider as `account`, and brings the response back to Palisade. */
async function signInWithSso(
  account: string,
  tamper: (callback: URL, flowCookie: string) => { callback: URL; flowCookie: string } = (
    callback,
    flowCookie,
  ) => ({ callback, flowCookie }),
): Promise<Attempt> {
  const start = await server.app.inject({ url: '/login/oidc?next=/findings%3Fstatus%3Dopen' });
  expect(start.statusCode, start.body).toBe(303);
  const location = start.headers.location as string;
  expect(location.startsWith(`${issuer}/auth?`)).toBe(true);
  const authorization = new URL(location);
  expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
  expect(authorization.searchParams.get('redirect_uri')).toBe(REDIRECT_URL);
  const flow = start.cookies.find((cookie) => cookie.name === 'palisade_oidc_flow')!;
  expect(flow).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/login/oidc' });

  const returned = await authenticateAt(location, account);
  const { callback, flowCookie } = tamper(returned, `palisade_oidc_flow=${flow.value}`);
  const response = await server.app.inject({
    url: `/login/oidc/callback${callback.search}`,
    headers: { cookie: flowCookie },
  });
  const session = response.cookies.find((cookie) => cookie.name === 'palisade_session' && cookie.value);
  return {
    status: response.statusCode,
    body: response.body,
    session: session && `palisade_session=${session.value}`,
    callback,
    flowCookie,
  };
}

const users = async () =>
  (await server.app.inject({ url: '/api/v1/users', headers: bearer(ADMIN_TOKEN) })).json().items as Array<{
    id: number;
    username: string;
    role: string;
    source: string;
    disabled: boolean;
  }>;

describe('OIDC sign-in', () => {
  it('shows "Sign in with SSO" on the sign-in page when configured', async () => {
    const page = await server.app.inject({ url: '/login?next=/findings' });
    expect(page.body).toContain('<a class="button" href="/login/oidc?next=%2Ffindings">Sign in with SSO</a>');
    const plain = await startTestServer();
    try {
      const without = await plain.app.inject({ url: '/login' });
      expect(without.body).not.toContain('Sign in with SSO');
      expect((await plain.app.inject({ url: '/login/oidc' })).statusCode).toBe(404);
    } finally {
      await plain.close();
    }
  });

  it('provisions a user on first sign-in with the role from the claim, and starts a session', async () => {
    const attempt = await signInWithSso('alice');
    expect(attempt.status, attempt.body).toBe(200);
    expect(attempt.body).toContain('<meta http-equiv="refresh" content="0;url=/findings?status=open">');
    expect(attempt.session).toBeDefined();
    const overview = await server.app.inject({ url: '/', headers: { cookie: attempt.session! } });
    expect(overview.statusCode).toBe(200);
    expect(overview.body).toContain('alice@example.com (analyst)');

    const alice = (await users()).find((user) => user.username === 'alice@example.com');
    expect(alice).toMatchObject({ role: 'analyst', source: 'oidc', disabled: false });
    const stored = await server.app.storage.findUserByUsername('alice@example.com');
    expect(stored).toMatchObject({ passwordHash: '', oidcSubject: `${issuer} alice` });
    const audit = await server.app.storage.listAudit(server.organizationId, 5);
    expect(audit.map((entry) => entry.action).slice(0, 2)).toEqual(['login', 'user.provision']);
    expect(audit[0]).toMatchObject({ actor: 'user:alice@example.com', details: { method: 'oidc' } });
    // No token or code from the provider is kept anywhere.
    expect(JSON.stringify(audit)).not.toContain(attempt.callback.searchParams.get('code')!);

    // The OIDC user has no password: the password form never signs them in.
    await expect(signIn(server.app, 'alice@example.com', '')).rejects.toThrow();
  });

  it('signs the same identity into the same user, following role claim changes', async () => {
    accounts.alice!.palisade_role = ['viewer', 'admin'];
    const attempt = await signInWithSso('alice');
    expect(attempt.status).toBe(200);
    const matching = (await users()).filter((user) => user.username === 'alice@example.com');
    expect(matching).toHaveLength(1);
    expect(matching[0]!.role).toBe('admin');
    const audit = await server.app.storage.listAudit(server.organizationId, 5);
    expect(audit.find((entry) => entry.action === 'user.role')).toMatchObject({
      actor: 'oidc',
      details: { from: 'analyst', to: 'admin' },
    });
  });

  it('gives the viewer role when the claim is absent, and lower-cases the email as the username', async () => {
    expect((await signInWithSso('erin')).status).toBe(200);
    expect((await users()).find((user) => user.username === 'erin@example.com')).toMatchObject({
      role: 'viewer',
      source: 'oidc',
    });
  });

  it('refuses accounts outside the allowed email domains and unverified emails, creating nobody', async () => {
    const outsider = await signInWithSso('bob');
    expect(outsider.status).toBe(401);
    expect(outsider.session).toBeUndefined();
    expect(outsider.body).toContain('Accounts of evil.test may not sign in here.');
    const unverified = await signInWithSso('dave');
    expect(unverified.status).toBe(401);
    expect(unverified.body).toContain('no verified email address');
    const names = (await users()).map((user) => user.username);
    expect(names).not.toContain('bob@evil.test');
    expect(names).not.toContain('dave@example.com');
    const audit = await server.app.storage.listAudit(server.organizationId, 5);
    expect(audit.slice(0, 2).map((entry) => entry.details.reason)).toEqual([
      'no-email',
      'domain-not-allowed',
    ]);
  });

  it('refuses a response with another state, without the flow cookie, with a forged cookie or replayed', async () => {
    const otherState = await signInWithSso('alice', (callback, flowCookie) => {
      const changed = new URL(callback);
      changed.searchParams.set('state', 'attacker-chosen-state');
      return { callback: changed, flowCookie };
    });
    expect(otherState.status).toBe(401);
    expect(otherState.session).toBeUndefined();
    expect(otherState.body).toContain('does not belong to this browser');

    const noCookie = await signInWithSso('alice', (callback) => ({ callback, flowCookie: '' }));
    expect(noCookie.status).toBe(401);
    expect(noCookie.session).toBeUndefined();

    const forged = await signInWithSso('alice', (callback, flowCookie) => ({
      callback,
      flowCookie: `${flowCookie.slice(0, -4)}AAAA`,
    }));
    expect(forged.status).toBe(401);
    expect(forged.session).toBeUndefined();

    const first = await signInWithSso('alice');
    expect(first.status).toBe(200);
    const replay = await server.app.inject({
      url: `/login/oidc/callback${first.callback.search}`,
      headers: { cookie: first.flowCookie },
    });
    expect(replay.statusCode).toBe(401);
    expect(replay.cookies.some((cookie) => cookie.name === 'palisade_session' && cookie.value)).toBe(false);
    const reasons = (await server.app.storage.listAudit(server.organizationId, 10))
      .filter((entry) => entry.action === 'login.failed')
      .map((entry) => entry.details.reason);
    expect(reasons).toEqual(expect.arrayContaining(['state-mismatch', 'flow-expired', 'provider-error']));
  });

  it('never hands a local account to an OIDC identity of the same name', async () => {
    const created = await server.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: bearer(ADMIN_TOKEN),
      payload: { username: 'carol@example.com', role: 'admin', password: 'carol local password' },
    });
    expect(created.statusCode).toBe(201);
    const attempt = await signInWithSso('carol');
    expect(attempt.status).toBe(401);
    expect(attempt.session).toBeUndefined();
    expect(attempt.body).toContain('belongs to another account here');
    const carol = await server.app.storage.findUserByUsername('carol@example.com');
    expect(carol).toMatchObject({ source: 'local', oidcSubject: null, role: 'admin' });
    await signIn(server.app, 'carol@example.com', 'carol local password');
  });

  it('refuses a disabled OIDC user', async () => {
    const alice = (await users()).find((user) => user.username === 'alice@example.com')!;
    await server.app.storage.setUserDisabled(server.organizationId, alice.id, true, new Date().toISOString());
    const attempt = await signInWithSso('alice');
    expect(attempt.status).toBe(401);
    expect(attempt.body).toContain('This account is disabled.');
    await server.app.storage.setUserDisabled(
      server.organizationId,
      alice.id,
      false,
      new Date().toISOString(),
    );
    expect((await signInWithSso('alice')).status).toBe(200);
  });
});

describe('OIDC settings', () => {
  const base = {
    PALISADE_OIDC_ISSUER: 'https://login.example.com/tenant',
    PALISADE_OIDC_CLIENT_ID: 'palisade',
    PALISADE_OIDC_CLIENT_SECRET: 'secret',
  };

  it('are off without an issuer, and derive the redirect URL from the public URL', () => {
    expect(readOidcSettings({})).toBeUndefined();
    expect(
      readOidcSettings({
        ...base,
        PALISADE_PUBLIC_URL: 'https://palisade.example.com/sec/',
        PALISADE_OIDC_ALLOWED_DOMAINS: 'Example.com, @corp.example',
        PALISADE_OIDC_ROLE_CLAIM: 'groups',
      }),
    ).toEqual({
      issuer: 'https://login.example.com/tenant',
      clientId: 'palisade',
      clientSecret: 'secret',
      redirectUrl: 'https://palisade.example.com/sec/login/oidc/callback',
      organization: 'default',
      roleClaim: 'groups',
      allowedDomains: ['example.com', 'corp.example'],
      scopes: 'openid email profile',
    });
  });

  it('refuse an http issuer off localhost, a missing client, and a redirect URL elsewhere', () => {
    const redirect = { PALISADE_OIDC_REDIRECT_URL: 'https://p.example.com/login/oidc/callback' };
    expect(() =>
      readOidcSettings({ ...base, ...redirect, PALISADE_OIDC_ISSUER: 'http://idp.example.com' }),
    ).toThrow(/https/);
    expect(() => readOidcSettings({ ...base, ...redirect, PALISADE_OIDC_CLIENT_SECRET: '' })).toThrow(
      /PALISADE_OIDC_CLIENT_SECRET is required/,
    );
    expect(() => readOidcSettings(base)).toThrow(/PALISADE_OIDC_REDIRECT_URL or PALISADE_PUBLIC_URL/);
    expect(() =>
      readOidcSettings({ ...base, PALISADE_OIDC_REDIRECT_URL: 'https://p.example.com/callback' }),
    ).toThrow(/must end with \/login\/oidc\/callback/);
  });
});
