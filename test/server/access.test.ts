import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanResult } from '../../scanners/core/types.js';
import {
  ADMIN_TOKEN,
  bearer,
  postScan,
  type Session,
  scanServerCorpus,
  signIn,
  startTestServer,
  type TestServer,
  uploadOf,
} from './helpers.js';

let server: TestServer;
let result: ScanResult;
/** Ids of data in the default organisation, which the other organisation must never see. */
let ours: { scanId: number; findingId: number; repositoryId: number };
let theirs: { organizationId: number; admin: string; read: string; ingest: string; session: Session };
let tokens: Record<'ingest' | 'read', string>;

beforeAll(async () => {
  server = await startTestServer();
  result = await scanServerCorpus();
  const posted = await postScan(server.app, ADMIN_TOKEN, uploadOf(result, { repository: 'secret-project' }));
  const scanView = posted.json().scan;
  const findings = await server.app.inject({ url: '/api/v1/findings', headers: bearer(ADMIN_TOKEN) });
  ours = {
    scanId: scanView.id,
    findingId: findings.json().items[0].id,
    repositoryId: scanView.repository.id,
  };
  tokens = { ingest: await server.token('ingest'), read: await server.token('read') };

  const organizationId = await server.organization('other');
  const otherUser = await server.user('admin', organizationId);
  theirs = {
    organizationId,
    admin: await server.token('admin', organizationId),
    read: await server.token('read', organizationId),
    ingest: await server.token('ingest', organizationId),
    session: await signIn(server.app, otherUser),
  };
  // The other organisation has a repository of the very same name: still a different repository.
  const otherUpload = await postScan(
    server.app,
    theirs.ingest,
    uploadOf(result, { repository: 'secret-project' }),
  );
  expect(otherUpload.statusCode).toBe(201);
});
afterAll(async () => server.close());

const triageBody = { status: 'false_positive', reason: 'not ours' };

describe('API authentication and roles', () => {
  const endpoints = () => [
    { method: 'POST' as const, url: '/api/v1/scans', payload: uploadOf(result), permission: 'ingest' },
    { method: 'GET' as const, url: '/api/v1/scans', permission: 'read' },
    { method: 'GET' as const, url: `/api/v1/scans/${ours.scanId}`, permission: 'read' },
    { method: 'GET' as const, url: '/api/v1/findings', permission: 'read' },
    { method: 'GET' as const, url: `/api/v1/findings/${ours.findingId}`, permission: 'read' },
    {
      method: 'POST' as const,
      url: `/api/v1/findings/${ours.findingId}/status`,
      payload: triageBody,
      permission: 'triage',
    },
    { method: 'GET' as const, url: '/api/v1/repositories', permission: 'read' },
    { method: 'GET' as const, url: '/api/v1/tokens', permission: 'admin' },
    {
      method: 'POST' as const,
      url: '/api/v1/tokens',
      payload: { name: 'ci', role: 'ingest' },
      permission: 'admin',
    },
    { method: 'DELETE' as const, url: '/api/v1/tokens/1', permission: 'admin' },
    { method: 'GET' as const, url: '/api/v1/audit', permission: 'admin' },
  ];

  it('answers 401 to every API endpoint without a token, with a malformed one or an unknown one', async () => {
    for (const endpoint of endpoints()) {
      for (const headers of [{}, { authorization: 'Basic YWRtaW46YWRtaW4=' }, bearer('pal_unknown')]) {
        const response = await server.app.inject({ ...endpoint, headers });
        expect(response.statusCode, `${endpoint.method} ${endpoint.url} ${JSON.stringify(headers)}`).toBe(
          401,
        );
        expect(response.json().error).toBe('unauthorized');
      }
    }
  });

  it('answers 403 when the token role lacks the permission', async () => {
    for (const endpoint of endpoints()) {
      for (const role of ['ingest', 'read'] as const) {
        const response = await server.app.inject({ ...endpoint, headers: bearer(tokens[role]) });
        const allowed = endpoint.permission === role;
        expect(
          response.statusCode === 403,
          `${role} ${endpoint.method} ${endpoint.url}: ${response.statusCode}`,
        ).toBe(!allowed);
        if (!allowed) expect(response.json().error).toBe('forbidden');
      }
    }
  });

  it('the /healthz, /readyz and OpenAPI endpoints need no token', async () => {
    for (const url of ['/healthz', '/readyz', '/api/openapi.json']) {
      expect((await server.app.inject({ url })).statusCode).toBe(200);
    }
  });
});

describe('organisation isolation', () => {
  it('lists only the own organisation data on every list endpoint', async () => {
    for (const token of [theirs.admin, theirs.read]) {
      const scans = (await server.app.inject({ url: '/api/v1/scans', headers: bearer(token) })).json().items;
      expect(scans.map((item: { id: number }) => item.id)).not.toContain(ours.scanId);
      expect(scans).toHaveLength(1);
      const findings = (
        await server.app.inject({ url: '/api/v1/findings?limit=500', headers: bearer(token) })
      ).json();
      expect(findings.items.map((item: { id: number }) => item.id)).not.toContain(ours.findingId);
      expect(findings.total).toBe(result.findings.length);
      const repositories = (
        await server.app.inject({ url: '/api/v1/repositories', headers: bearer(token) })
      ).json().items;
      expect(repositories.map((item: { id: number }) => item.id)).not.toContain(ours.repositoryId);
      // Filtering by another organisation's repository id finds nothing either.
      const filtered = await server.app.inject({
        url: `/api/v1/findings?repository=${ours.repositoryId}`,
        headers: bearer(token),
      });
      expect(filtered.json().total).toBe(0);
    }
  });

  it("answers 404 for another organisation's scan and finding, as if they did not exist", async () => {
    for (const url of [`/api/v1/scans/${ours.scanId}`, `/api/v1/findings/${ours.findingId}`]) {
      const response = await server.app.inject({ url, headers: bearer(theirs.admin) });
      expect(response.statusCode, url).toBe(404);
    }
  });

  it("cannot triage another organisation's finding, by token or by session", async () => {
    const byToken = await server.app.inject({
      method: 'POST',
      url: `/api/v1/findings/${ours.findingId}/status`,
      headers: bearer(theirs.admin),
      payload: triageBody,
    });
    expect(byToken.statusCode).toBe(404);
    const bySession = await server.app.inject({
      method: 'POST',
      url: `/api/v1/findings/${ours.findingId}/status`,
      headers: { cookie: theirs.session.cookie, 'x-csrf-token': theirs.session.csrfToken },
      payload: triageBody,
    });
    expect(bySession.statusCode).toBe(404);
    const byForm = await server.app.inject({
      method: 'POST',
      url: `/findings/${ours.findingId}/status`,
      headers: { cookie: theirs.session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ csrf: theirs.session.csrfToken, ...triageBody }).toString(),
    });
    expect(byForm.statusCode).toBe(404);
    const finding = await server.app.inject({
      url: `/api/v1/findings/${ours.findingId}`,
      headers: bearer(ADMIN_TOKEN),
    });
    expect(finding.json().finding.status).toBe('open');
  });

  it("an upload with another organisation's token lands in that organisation only", async () => {
    const list = async (token: string) =>
      (await server.app.inject({ url: '/api/v1/repositories', headers: bearer(token) })).json()
        .items as Array<{
        id: number;
        name: string;
        openFindings: number;
      }>;
    const [theirRepository] = await list(theirs.admin);
    const ownRepositories = await list(ADMIN_TOKEN);
    expect(theirRepository!.id).not.toBe(ours.repositoryId);
    expect(ownRepositories.map((repository) => repository.id)).not.toContain(theirRepository!.id);
    const own = ownRepositories.find((repository) => repository.name === 'secret-project')!;
    expect(own.openFindings).toBe(result.findings.length);
  });

  it("shows no other organisation's data on the dashboard pages", async () => {
    const cookie = theirs.session.cookie;
    const detail = await server.app.inject({ url: `/findings/${ours.findingId}`, headers: { cookie } });
    expect(detail.statusCode).toBe(404);
    const overview = await server.app.inject({ url: '/', headers: { cookie } });
    expect(overview.statusCode).toBe(200);
    expect(overview.body).not.toContain(`repository=${ours.repositoryId}&`);
    const list = await server.app.inject({
      url: `/findings?repository=${ours.repositoryId}`,
      headers: { cookie },
    });
    expect(list.body).toContain('No findings match.');
  });
});

describe('API tokens', () => {
  it('an admin creates a token shown once, which works for its role, and revokes it', async () => {
    const created = await server.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: bearer(ADMIN_TOKEN),
      payload: { name: 'pipeline', role: 'ingest' },
    });
    expect(created.statusCode).toBe(201);
    const { id, token } = created.json();
    expect(token).toMatch(/^pal_/);
    const upload = uploadOf(result, { repository: 'via-new-token' });
    expect((await postScan(server.app, token, upload)).statusCode).toBe(201);
    expect((await server.app.inject({ url: '/api/v1/findings', headers: bearer(token) })).statusCode).toBe(
      403,
    );

    const listed = await server.app.inject({ url: '/api/v1/tokens', headers: bearer(ADMIN_TOKEN) });
    const entry = listed.json().items.find((item: { id: number }) => item.id === id);
    expect(entry).toMatchObject({ name: 'pipeline', role: 'ingest', revokedAt: null });
    expect(entry.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(listed.json())).not.toContain(token);

    const revoked = await server.app.inject({
      method: 'DELETE',
      url: `/api/v1/tokens/${id}`,
      headers: bearer(ADMIN_TOKEN),
    });
    expect(revoked.statusCode).toBe(204);
    expect((await postScan(server.app, token, { ...upload, runId: 'after-revoke' })).statusCode).toBe(401);
    const again = await server.app.inject({
      method: 'DELETE',
      url: `/api/v1/tokens/${id}`,
      headers: bearer(ADMIN_TOKEN),
    });
    expect(again.statusCode).toBe(404);

    const audit = await server.app.inject({ url: '/api/v1/audit', headers: bearer(ADMIN_TOKEN) });
    const actions = audit.json().items.map((item: { action: string }) => item.action);
    expect(actions).toEqual(expect.arrayContaining(['token.create', 'token.revoke', 'bootstrap']));
  });

  it("neither lists nor revokes another organisation's tokens, nor shows its audit log", async () => {
    const listed = await server.app.inject({ url: '/api/v1/tokens', headers: bearer(theirs.admin) });
    expect(listed.json().items.map((item: { name: string }) => item.name)).not.toContain('bootstrap-admin');
    // Token 1 is the default organisation's bootstrap token.
    const revoke = await server.app.inject({
      method: 'DELETE',
      url: '/api/v1/tokens/1',
      headers: bearer(theirs.admin),
    });
    expect(revoke.statusCode).toBe(404);
    expect(
      (await server.app.inject({ url: '/api/v1/repositories', headers: bearer(ADMIN_TOKEN) })).statusCode,
    ).toBe(200);
    const audit = await server.app.inject({ url: '/api/v1/audit', headers: bearer(theirs.admin) });
    expect(audit.json().items.map((item: { action: string }) => item.action)).not.toContain('bootstrap');
  });
});

describe('dashboard sessions on the API', () => {
  it('lets a session read, and change data only with its CSRF token and a role that may triage', async () => {
    const analyst = await signIn(server.app, await server.user('analyst'));
    const viewer = await signIn(server.app, await server.user('viewer'));
    const url = `/api/v1/findings/${ours.findingId}/status`;
    const read = await server.app.inject({ url: '/api/v1/findings', headers: { cookie: viewer.cookie } });
    expect(read.statusCode).toBe(200);

    const noCsrf = await server.app.inject({
      method: 'POST',
      url,
      headers: { cookie: analyst.cookie },
      payload: triageBody,
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().error).toBe('csrf');
    const wrongCsrf = await server.app.inject({
      method: 'POST',
      url,
      headers: { cookie: analyst.cookie, 'x-csrf-token': viewer.csrfToken },
      payload: triageBody,
    });
    expect(wrongCsrf.statusCode).toBe(403);
    const asViewer = await server.app.inject({
      method: 'POST',
      url,
      headers: { cookie: viewer.cookie, 'x-csrf-token': viewer.csrfToken },
      payload: triageBody,
    });
    expect(asViewer.statusCode).toBe(403);
    expect(asViewer.json().error).toBe('forbidden');
    const asAnalyst = await server.app.inject({
      method: 'POST',
      url,
      headers: { cookie: analyst.cookie, 'x-csrf-token': analyst.csrfToken },
      payload: triageBody,
    });
    expect(asAnalyst.statusCode).toBe(200);
    expect(asAnalyst.json()).toMatchObject({
      status: 'false_positive',
      statusOwner: expect.stringMatching(/^user:analyst-/),
    });
    // Sessions may not upload: ingestion is for tokens.
    const upload = await server.app.inject({
      method: 'POST',
      url: '/api/v1/scans',
      headers: { cookie: analyst.cookie, 'x-csrf-token': analyst.csrfToken },
      payload: uploadOf(result),
    });
    expect(upload.statusCode).toBe(403);
  });
});
