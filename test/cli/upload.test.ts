import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectUploadMetadata, parseRemote } from '../../scanners/cli/upload.js';
import { buildApp } from '../../server/app.js';
import { bootstrap } from '../../server/bootstrap.js';
import { PRIVILEGED_POD, runCli, tempProject } from './helpers.js';

const TOKEN = 'pal_upload-test-token-0123456789';
const METADATA_ENV = {
  PALISADE_PROVIDER: 'github',
  PALISADE_ORGANIZATION: 'acme',
  PALISADE_REPOSITORY: 'infra',
  PALISADE_BRANCH: 'main',
  PALISADE_COMMIT: 'c0ffee'.padEnd(40, '0'),
  PALISADE_RUN_ID: 'cli-run-1',
};

let dataDir: string;
let app: ReturnType<typeof buildApp>;
let serverUrl: string;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'palisade-upload-'));
  app = buildApp({ dataDir });
  await app.ready();
  await bootstrap(app.storage, { adminToken: TOKEN, adminPassword: 'upload test password' });
  serverUrl = await app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('palisade scan --upload', () => {
  it('sends the findings to a real server, which records them under the detected repository', async () => {
    const project = tempProject({ 'k8s/pod.yaml': PRIVILEGED_POD });
    const env = { ...METADATA_ENV, PALISADE_TOKEN: TOKEN };
    const run = await runCli(['scan', '.', '--fail-on', 'none', '--upload', serverUrl], project.dir, { env });

    expect(run.code, run.stderr).toBe(0);
    const reported =
      /uploaded acme\/infra@c0ffee000000: http:\/\/127\.0\.0\.1:\d+\/api\/v1\/scans\/\d+ \((\d+) new, 0 closed, 0 reopened\)/.exec(
        run.stderr,
      );
    expect(reported, run.stderr).not.toBeNull();
    const all = await app.inject({
      url: '/api/v1/findings?limit=500',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(all.json().total).toBe(Number(reported?.[1]));
    const findings = await app.inject({
      url: '/api/v1/findings?rule=PAL-K8S-001',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    const items = findings.json().items as Array<{
      location: { file: string };
      repository: { name: string };
    }>;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ location: { file: 'k8s/pod.yaml' }, repository: { name: 'infra' } });

    // The same run again is a retry: recorded once.
    const retry = await runCli(['scan', '.', '--fail-on', 'none', '--upload', serverUrl], project.dir, {
      env,
    });
    expect(retry.stderr).toContain('already recorded');
    project.remove();
  });

  it('needs PALISADE_TOKEN, and says so before scanning', async () => {
    const project = tempProject({ 'k8s/pod.yaml': PRIVILEGED_POD });
    const run = await runCli(['scan', '.', '--upload', serverUrl], project.dir, { env: METADATA_ENV });
    project.remove();
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('PALISADE_TOKEN');
    expect(run.stdout).toBe('');
  });

  it('exits 3 with the server reason when the upload is refused, after printing the report', async () => {
    const project = tempProject({ 'k8s/pod.yaml': PRIVILEGED_POD });
    const env = { ...METADATA_ENV, PALISADE_TOKEN: 'pal_not-a-valid-token-000000000' };
    const run = await runCli(['scan', '.', '--upload', serverUrl], project.dir, { env });
    project.remove();
    expect(run.code).toBe(3);
    expect(run.stdout).toContain('PAL-K8S-001');
    expect(run.stderr).toMatch(/upload to http:\/\/127\.0\.0\.1:\d+ failed: the server answered 401/);
  });
});

describe('upload metadata', () => {
  it('reads GitHub Actions variables, including the pull request and the run URL', () => {
    const metadata = detectUploadMetadata(
      {
        GITHUB_ACTIONS: 'true',
        GITHUB_REPOSITORY: 'acme/payments',
        GITHUB_SHA: 'a'.repeat(40),
        GITHUB_REF: 'refs/pull/42/merge',
        GITHUB_HEAD_REF: 'feature/tls',
        GITHUB_RUN_ID: '9001',
        GITHUB_RUN_ATTEMPT: '2',
        GITHUB_JOB: 'scan',
        GITHUB_SERVER_URL: 'https://github.com',
      },
      '/nonexistent',
      'diff',
    );
    expect(metadata).toEqual({
      provider: 'github',
      organization: 'acme',
      repository: 'payments',
      branch: 'feature/tls',
      commit: 'a'.repeat(40),
      kind: 'diff',
      runId: '9001-2-scan',
      runUrl: 'https://github.com/acme/payments/actions/runs/9001',
      pullRequest: '42',
    });
  });

  it('reads GitLab CI and Azure Pipelines variables', () => {
    expect(
      detectUploadMetadata(
        {
          GITLAB_CI: 'true',
          CI_PROJECT_NAMESPACE: 'platform/infra',
          CI_PROJECT_NAME: 'network',
          CI_COMMIT_SHA: 'b'.repeat(40),
          CI_COMMIT_REF_NAME: 'main',
          CI_JOB_ID: '77',
          CI_JOB_URL: 'https://gitlab.example/platform/infra/network/-/jobs/77',
        },
        '/nonexistent',
        'full',
      ),
    ).toMatchObject({
      provider: 'gitlab',
      organization: 'platform/infra',
      repository: 'network',
      runId: '77',
    });
    expect(
      detectUploadMetadata(
        {
          TF_BUILD: 'True',
          BUILD_REPOSITORY_NAME: 'web',
          SYSTEM_TEAMPROJECT: 'Shop',
          BUILD_SOURCEVERSION: 'c'.repeat(40),
          BUILD_SOURCEBRANCH: 'refs/heads/release/1.2',
          BUILD_BUILDID: '314',
          SYSTEM_COLLECTIONURI: 'https://dev.azure.com/acme/',
        },
        '/nonexistent',
        'full',
      ),
    ).toMatchObject({
      provider: 'azure-devops',
      organization: 'Shop',
      repository: 'web',
      branch: 'release/1.2',
      runUrl: 'https://dev.azure.com/acme/Shop/_build/results?buildId=314',
    });
  });

  it('names what it cannot tell outside CI and git', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'palisade-nogit-'));
    expect(() => detectUploadMetadata({}, dir, 'full')).toThrow(/PALISADE_ORGANIZATION, PALISADE_REPOSITORY/);
    rmSync(dir, { recursive: true, force: true });
  });

  it('parses https, ssh and Azure Repos remotes', () => {
    expect(parseRemote('https://github.com/acme/infra.git')).toEqual({
      provider: 'github',
      organization: 'acme',
      repository: 'infra',
    });
    expect(parseRemote('git@gitlab.com:platform/infra/network.git')).toEqual({
      provider: 'gitlab',
      organization: 'platform/infra',
      repository: 'network',
    });
    expect(parseRemote('https://acme@dev.azure.com/acme/Shop/_git/web')).toEqual({
      provider: 'azure-devops',
      organization: 'Shop',
      repository: 'web',
    });
    expect(parseRemote('not a url')).toBeUndefined();
  });
});
