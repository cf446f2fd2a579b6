import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { bootstrap } from '../../server/bootstrap.js';
import { errorsText, palisadeReportValidator } from '../helpers/schemas.js';
import { DENIED, FakeGitHubSettings, weakRepository } from '../posture/fake-github-settings.js';
import { PRIVILEGED_POD, runCli, tempProject } from './helpers.js';

const GITHUB_TOKEN = 'ghp_posture-cli-test-token-000000000000';
const PALISADE_TOKEN = 'pal_posture-upload-test-token-0123456789';

let github: FakeGitHubSettings;
let limited: FakeGitHubSettings;
let app: ReturnType<typeof buildApp>;
let dataDir: ReturnType<typeof tempProject>;
let serverUrl: string;

beforeAll(async () => {
  github = new FakeGitHubSettings(weakRepository());
  await github.start();
  limited = new FakeGitHubSettings({
    ...weakRepository(),
    admin: false,
    protection: DENIED,
    workflow: DENIED,
    runners: DENIED,
  });
  await limited.start();
  dataDir = tempProject({}, { config: false });
  app = buildApp({ dataDir: dataDir.dir });
  await app.ready();
  await bootstrap(app.storage, { adminToken: PALISADE_TOKEN, adminPassword: 'posture test password' });
  serverUrl = await app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  await github.stop();
  await limited.stop();
  await app.close();
  dataDir.remove();
});

describe('palisade posture github', () => {
  it('reports a weak repository in text and fails at high (exit 1), with the token from GITHUB_TOKEN', async () => {
    const project = tempProject();
    const run = await runCli(
      ['posture', 'github', '--repo', 'acme/web', '--api-url', github.url],
      project.dir,
      {
        env: { GITHUB_TOKEN },
      },
    );
    project.remove();
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toContain('acme/web.palisade-posture.json');
    for (const id of [
      'PAL-GHP-001',
      'PAL-GHP-006',
      'PAL-GHP-008',
      'PAL-GHP-009',
      'PAL-GHP-010',
      'PAL-GHP-011',
    ])
      expect(run.stdout).toContain(id);
    expect(run.stdout).not.toContain('PAL-GHP-007');
    expect(`${run.stdout}${run.stderr}`).not.toContain(GITHUB_TOKEN);
    expect(github.violations).toEqual([]);
    expect(github.requests.every((r) => r.authorization === `token ${GITHUB_TOKEN}`)).toBe(true);
  });

  it('writes JSON that matches the report schema, saves a snapshot that `palisade scan` checks the same way', async () => {
    const project = tempProject();
    const run = await runCli(
      [
        'posture',
        'github',
        '--repo',
        'acme/web',
        '--api-url',
        github.url,
        '--token',
        GITHUB_TOKEN,
        '--format',
        'json',
        '--save',
        'settings/acme-web.json',
        '--fail-on',
        'none',
      ],
      project.dir,
    );
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    const validate = palisadeReportValidator();
    expect(validate(report), errorsText(validate.errors)).toBe(true);
    const posture = (
      report.findings as Array<{ ruleId: string; category: string; location: { startLine: number } }>
    )
      .map((f) => `${f.ruleId}:${f.location.startLine}`)
      .sort();
    expect(report.findings.every((f: { category: string }) => f.category === 'posture')).toBe(true);

    const saved = path.join(project.dir, 'settings/acme-web.json');
    expect(existsSync(saved)).toBe(true);
    const snapshot = readFileSync(saved, 'utf8');
    project.remove();
    expect(JSON.parse(snapshot)).toMatchObject({ kind: 'github-repository-settings' });
    // Scanned like any file, the saved snapshot gives the same findings on the same lines.
    const all = tempProject({ 'settings/acme-web.json': snapshot }, { config: false });
    const full = await runCli(['scan', '.', '--format', 'json', '--fail-on', 'none'], all.dir);
    all.remove();
    expect(
      (JSON.parse(full.stdout).findings as Array<{ ruleId: string; location: { startLine: number } }>)
        .filter((f) => f.ruleId.startsWith('PAL-GHP-'))
        .map((f) => `${f.ruleId}:${f.location.startLine}`)
        .sort(),
    ).toEqual(posture);
  });

  it('reports settings it may not read as notes naming the permission, and nothing as a finding (exit 0)', async () => {
    const project = tempProject();
    const run = await runCli(
      ['posture', 'github', '--repo', 'acme/web', '--api-url', limited.url],
      project.dir,
      {
        env: { GITHUB_TOKEN },
      },
    );
    project.remove();
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toContain('PAL-GHP-');
    expect(run.stdout).toContain('secret scanning could not be read');
    expect(run.stdout).toContain('Administration: read');
    expect(limited.violations).toEqual([]);
  });

  it('uploads the findings to the server under the repository, on its default branch, without closing code findings', async () => {
    // A full code scan of the default branch first: the posture upload must not close its findings.
    const project = tempProject({ 'k8s/pod.yaml': PRIVILEGED_POD });
    const code = await runCli(['scan', '.', '--fail-on', 'none', '--upload', serverUrl], project.dir, {
      env: {
        PALISADE_TOKEN,
        PALISADE_PROVIDER: 'github',
        PALISADE_ORGANIZATION: 'acme',
        PALISADE_REPOSITORY: 'web',
        PALISADE_BRANCH: 'main',
        PALISADE_COMMIT: '6dcb09b5b57875f334f61aebed695e2e4193db5e',
        PALISADE_RUN_ID: 'code-scan-1',
      },
    });
    expect(code.code, code.stderr).toBe(0);
    const run = await runCli(
      [
        'posture',
        'github',
        '--repo',
        'acme/web',
        '--api-url',
        github.url,
        '--upload',
        serverUrl,
        '--fail-on',
        'none',
      ],
      project.dir,
      { env: { GITHUB_TOKEN, PALISADE_TOKEN } },
    );
    project.remove();
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/uploaded acme\/web@6dcb09b5b578: .* \(6 new, 0 closed, 0 reopened\)/);
    const findings = await app.inject({
      url: '/api/v1/findings?limit=100',
      headers: { authorization: `Bearer ${PALISADE_TOKEN}` },
    });
    const items = findings.json().items as Array<{
      ruleId: string;
      category: string;
      status: string;
      repository: { name: string };
    }>;
    const posture = items.filter((f) => f.category === 'posture');
    expect(posture).toHaveLength(6);
    expect(posture.every((f) => f.repository.name === 'web' && f.status === 'open')).toBe(true);
    expect(items.find((f) => f.ruleId === 'PAL-K8S-001')).toMatchObject({ status: 'open' });
  });

  it('needs a token and a well-formed repository (exit 2)', async () => {
    const project = tempProject();
    const noToken = await runCli(
      ['posture', 'github', '--repo', 'acme/web', '--api-url', github.url],
      project.dir,
    );
    const badRepo = await runCli(['posture', 'github', '--repo', 'acme/../web'], project.dir, {
      env: { GITHUB_TOKEN },
    });
    const missing = await runCli(
      ['posture', 'github', '--repo', 'acme/gone', '--api-url', github.url],
      project.dir,
      { env: { GITHUB_TOKEN } },
    );
    project.remove();
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toContain('GITHUB_TOKEN');
    expect(badRepo.code).toBe(2);
    expect(badRepo.stderr).toContain('OWNER/REPO');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read acme/gone: GitHub answered 404');
  });
});
