/** A test server per test file: temp data folder, bootstrapped organisation, tokens, users, sign-in. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Finding, ScanResult } from '../../scanners/core/types.js';
import { scan } from '../../scanners/engine/scan.js';
import { type AppOptions, buildApp } from '../../server/app.js';
import { hashPassword } from '../../server/auth/passwords.js';
import { generateApiToken, hashToken } from '../../server/auth/secrets.js';
import { bootstrap } from '../../server/bootstrap.js';
import type { ScanUpload } from '../../server/schemas/upload.js';
import type { TokenRole, UserRole } from '../../server/storage/storage.js';
import { createTestDatabase, TEST_BACKEND } from './postgres.js';

export const ADMIN_TOKEN = 'pal_test-admin-token-0123456789abcdef';
export const ADMIN_PASSWORD = 'correct horse battery staple';

export interface TestServer {
  app: FastifyInstance;
  dataDir: string;
  /** Set when the server runs on PostgreSQL (PALISADE_TEST_BACKEND=postgres). */
  databaseUrl?: string;
  organizationId: number;
  /** A new API token of `role` in the organisation (default: the bootstrapped one). */
  token(role: TokenRole, organizationId?: number): Promise<string>;
  /** A new dashboard user; returns its username. */
  user(role: UserRole, organizationId?: number, password?: string): Promise<string>;
  /** A second organisation, with its id. */
  organization(slug: string): Promise<number>;
  close(): Promise<void>;
}

/**
 * Starts an app on a fresh temp data folder (and, on the PostgreSQL run, a fresh database), bootstrapped
 * with ADMIN_TOKEN and ADMIN_PASSWORD.
 */
export async function startTestServer(options: Partial<AppOptions> = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'palisade-server-test-'));
  const database = TEST_BACKEND === 'postgres' ? await createTestDatabase() : undefined;
  const app = buildApp({ ...options, dataDir, databaseUrl: database?.url } as AppOptions);
  await app.ready();
  const setup = await bootstrap(app.storage, { adminToken: ADMIN_TOKEN, adminPassword: ADMIN_PASSWORD });
  let users = 0;
  return {
    app,
    dataDir,
    databaseUrl: database?.url,
    organizationId: setup.organization.id,
    async token(role, organizationId = setup.organization.id) {
      const token = generateApiToken();
      await app.storage.createApiToken({
        organizationId,
        name: `test-${role}`,
        role,
        tokenHash: hashToken(token),
      });
      return token;
    },
    async user(role, organizationId = setup.organization.id, password = ADMIN_PASSWORD) {
      users += 1;
      const username = `${role}-${users}`;
      await app.storage.createUser({
        organizationId,
        username,
        role,
        passwordHash: await hashPassword(password),
      });
      return username;
    },
    async organization(slug) {
      return (await app.storage.createOrganization(slug, slug)).id;
    },
    async close() {
      await app.close();
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A real scan of a small, fixed repository (a privileged pod, unversioned buckets, an unpinned base image,
 * a planted AWS key), so the server tests do not grow with the rule catalogue.
 */
export function scanServerCorpus(): Promise<ScanResult> {
  return scan({ root: path.join(import.meta.dirname, '../fixtures/server-scan'), baseline: false });
}

/** Authorization headers for a token. */
export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

/** An upload of a real scan result, with metadata that `overrides` may change. */
export function uploadOf(
  result: Pick<ScanResult, 'findings' | 'tool'>,
  overrides: Partial<ScanUpload> = {},
): ScanUpload {
  return {
    provider: 'github',
    organization: 'acme',
    repository: 'infra',
    branch: 'main',
    commit: 'a'.repeat(40),
    kind: 'full',
    runId: 'run-1',
    tool: { name: result.tool.name, version: result.tool.version },
    findings: result.findings,
    ...overrides,
  };
}

/** Posts an upload with a token. */
export function postScan(
  app: FastifyInstance,
  token: string,
  upload: unknown,
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url: '/api/v1/scans',
    headers: bearer(token),
    payload: upload as object,
  });
}

/** A copy of a finding with another fingerprint (and optionally more changes). */
export function variant(finding: Finding, fingerprint: string, changes: Partial<Finding> = {}): Finding {
  return { ...finding, fingerprint, ...changes };
}

export interface Session {
  /** The Cookie header value. */
  cookie: string;
  /** The session's CSRF token, as the pages carry it. */
  csrfToken: string;
}

/** Signs in through the real form and returns the session cookie and its CSRF token. */
export async function signIn(
  app: FastifyInstance,
  username: string,
  password = ADMIN_PASSWORD,
): Promise<Session> {
  const form = await app.inject({ url: '/login' });
  const loginCsrf = hiddenField(form.body, 'csrf');
  const loginCookie = cookieHeader(form);
  const response = await app.inject({
    method: 'POST',
    url: '/login',
    headers: { cookie: loginCookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ username, password, csrf: loginCsrf, next: '/' }).toString(),
  });
  if (response.statusCode !== 303)
    throw new Error(`sign-in failed with ${response.statusCode}: ${response.body}`);
  const cookie = cookieHeader(response);
  const page = await app.inject({ url: '/', headers: { cookie } });
  return { cookie, csrfToken: hiddenField(page.body, 'csrf') };
}

/** The Cookie header that a browser would send back after `response`. */
export function cookieHeader(response: LightMyRequestResponse): string {
  return response.cookies
    .filter((cookie) => cookie.value !== '')
    .map((cookie) => `${cookie.name}=${cookie.value}`)
    .join('; ');
}

/** The value of the first hidden input named `name` in a page. */
export function hiddenField(page: string, name: string): string {
  const match = new RegExp(`<input type="hidden" name="${name}" value="([^"]*)">`).exec(page);
  if (!match) throw new Error(`no hidden field ${name} in the page`);
  return match[1]!;
}

/** A form body. */
export function form(fields: Record<string, string>): {
  headers: Record<string, string>;
  payload: string;
} {
  return {
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields).toString(),
  };
}
