/**
 * The App and a real Palisade server: a push to the default branch uploads a full scan; an installation
 * registers its repositories (a full scan of each default branch) and sends their posture findings.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ScanView } from '../../server/storage/storage.js';
import { bearer, startTestServer, type TestServer } from '../server/helpers.js';
import { FakeGitHub, type FakeRepository } from './fake-github.js';
import { deliver, installationCreated, pushEvent, type StartedApp, startTestApp } from './harness.js';

const OPEN_SSH = `resource "aws_security_group" "web" {
  name = "web"

  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`;

describe('the GitHub App with a Palisade server', () => {
  let github: FakeGitHub;
  let server: TestServer;
  let app: StartedApp;
  let readToken: string;
  let shop: FakeRepository;

  const scans = async (): Promise<ScanView[]> => {
    const response = await server.app.inject({
      method: 'GET',
      url: '/api/v1/scans?limit=100',
      headers: bearer(readToken),
    });
    expect(response.statusCode).toBe(200);
    return (response.json() as { items: ScanView[] }).items;
  };

  beforeAll(async () => {
    github = new FakeGitHub();
    await github.start();
    server = await startTestServer();
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = server.app.server.address() as AddressInfo;
    readToken = await server.token('read');
    shop = github.addRepository('acme', 'shop');
    app = await startTestApp(github, {
      PALISADE_SERVER_URL: `http://127.0.0.1:${port}`,
      PALISADE_TOKEN: await server.token('ingest'),
    });
  });

  afterAll(async () => {
    app?.app.stop();
    await app?.server.stop();
    await github?.stop();
    await server?.close();
  });

  afterEach(() => {
    expect(github.violations).toEqual([]);
  });

  it('uploads a full scan of every push to the default branch, and ignores other branches', async () => {
    const before = github.commit(shop, { 'README.md': '# shop\n' }, 'main');
    const after = github.commit(shop, { 'README.md': '# shop\n', 'infra/site.tf': OPEN_SSH }, 'main');
    expect((await deliver(app, 'push', pushEvent(shop, before, after))).status).toBe(200);
    const feature = github.commit(shop, { 'infra/site.tf': OPEN_SSH, 'x.tf': OPEN_SSH });
    expect((await deliver(app, 'push', pushEvent(shop, after, feature, 'feature'))).status).toBe(200);
    await app.app.idle();

    const recorded = (await scans()).filter((s) => s.commit === after || s.commit === feature);
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({
      repository: { provider: 'github', owner: 'acme', name: 'shop' },
      branch: 'main',
      kind: 'full',
      runId: `github-app-${after}`,
    });
    expect(recorded[0]!.counts.total).toBeGreaterThan(0);
    // No check run and no comment for a push.
    expect(github.checkRuns).toHaveLength(0);
  });

  it('registers the repositories of a new installation and uploads their posture', async () => {
    const docs = github.addRepository('acme', 'docs');
    const head = github.commit(docs, { 'README.md': '# docs\n' }, 'main');
    expect((await deliver(app, 'installation', installationCreated([docs]))).status).toBe(200);
    await app.app.idle();
    const recorded = (await scans()).filter((s) => s.repository.name === 'docs');
    const code = recorded.find((s) => !s.runId.startsWith('github-app-posture-'));
    const posture = recorded.find((s) => s.runId.startsWith('github-app-posture-'));
    expect(posture?.branch).toBe('main');
    expect(code).toMatchObject({ kind: 'full', commit: head });
    // The fake repository has no branch protection, secret scanning off and write-all workflow tokens.
    expect(posture).toMatchObject({ kind: 'full', commit: head });
    expect(posture!.counts.total).toBeGreaterThan(0);
  });
});
