/**
 * The App end to end: started as `npm run app` starts it, against a fake GitHub Enterprise Server that checks
 * every call against GitHub's OpenAPI description, driven by signed webhooks.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { packagePath } from '../../scanners/core/package.js';
import { FakeGitHub, type FakeRepository } from './fake-github.js';
import { checkRunRerequested, deliver, pullRequestEvent, type StartedApp, startTestApp } from './harness.js';

const MARKER = '<!-- palisade:sticky -->';
/** An AWS access key id and secret the secret rules detect; neither may appear in anything the App writes. */
const ACCESS_KEY_ID = 'AKIAZ7QPLM3XW5RT2VNB';
const SECRET_ACCESS_KEY = 'r9Xk2LmQ7vT4pW8sZ1bN6cY3hJ5dF0gA2eR7uK9i';

/** examples/terraform as a map of repository paths to text. */
function exampleFiles(): Record<string, string> {
  const root = packagePath('examples/terraform');
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else files[`infra/${path.relative(root, full).split(path.sep).join('/')}`] = readFileSync(full, 'utf8');
    }
  };
  walk(root);
  return files;
}

describe('the GitHub App', () => {
  let github: FakeGitHub;
  let app: StartedApp;
  let repository: FakeRepository;
  let base: string;
  let base_files: Record<string, string>;

  beforeAll(async () => {
    github = new FakeGitHub();
    await github.start();
    repository = github.addRepository('acme', 'shop');
    base_files = exampleFiles();
    // On main the database is private; pull requests make it public.
    base_files['infra/main.tf'] = (base_files['infra/main.tf'] ?? '').replace(
      'publicly_accessible = true',
      'publicly_accessible = false',
    );
    base_files['README.md'] = '# shop\n';
    base = github.commit(repository, base_files, 'main');
    app = await startTestApp(github);
  });

  afterAll(async () => {
    app?.app.stop();
    await app?.server.stop();
    await github?.stop();
  });

  afterEach(() => {
    expect(github.violations).toEqual([]);
  });

  it('rejects a webhook with a bad signature before any API call', async () => {
    const head = github.commit(repository, { ...base_files, 'notes.txt': 'x\n' });
    const pull = github.openPull(repository, 90, base, head);
    const before = github.requests.length;
    const delivery = await deliver(app, 'pull_request', pullRequestEvent(repository, 'opened', pull), {
      secret: 'not-the-secret',
    });
    await app.app.idle();
    expect(delivery.status).toBeGreaterThanOrEqual(400);
    expect(delivery.status).toBeLessThan(500);
    expect(github.requests.length).toBe(before);
  });

  it('checks a pull request: annotations on changed lines only, conclusion from fail-on, no secret anywhere', async () => {
    const headFiles = {
      ...base_files,
      'infra/main.tf': base_files['infra/main.tf']!.replace(
        'publicly_accessible = false',
        'publicly_accessible = true',
      ),
      'deploy/credentials.env': `AWS_ACCESS_KEY_ID=${ACCESS_KEY_ID}\nAWS_SECRET_ACCESS_KEY=${SECRET_ACCESS_KEY}\n`,
    };
    const head = github.commit(repository, headFiles);
    const pull = github.openPull(repository, 7, base, head);
    const delivery = await deliver(app, 'pull_request', pullRequestEvent(repository, 'opened', pull));
    expect(delivery.status).toBe(200);
    await app.app.idle();

    const runs = github.checkRuns.filter((run) => run.headSha === head);
    expect(runs).toHaveLength(1);
    const run = runs[0]!;
    expect(run).toMatchObject({
      name: 'Palisade',
      status: 'completed',
      conclusion: 'failure',
      externalId: '7',
    });
    // The public database is on a changed line; the open security group of the same file is not, and neither
    // are the storage module's findings (its files were fetched as context only).
    const databaseLine =
      headFiles['infra/main.tf'].split('\n').findIndex((line) => line.includes('publicly_accessible')) + 1;
    expect(run.annotations.map((a) => `${a.path}:${a.start_line}:${a.annotation_level}`).sort()).toEqual([
      'deploy/credentials.env:1:failure',
      'deploy/credentials.env:2:failure',
      `infra/main.tf:${databaseLine}:failure`,
    ]);
    expect(run.title).toMatch(/findings? on changed lines/);
    expect(run.summary).toContain('Palisade');

    // Everything the App wrote: check runs, comments. No secret value in any of it.
    const written = JSON.stringify(github.requests.map((r) => r.body));
    expect(written).not.toContain(SECRET_ACCESS_KEY);
    expect(written).not.toContain(ACCESS_KEY_ID);

    // The sticky comment, once.
    const sticky = github.comments.filter((c) => c.issueNumber === 7 && c.body.includes(MARKER));
    expect(sticky).toHaveLength(1);
    // Every API call went to the GitHub Enterprise prefix.
    expect(github.requests.every((r) => r.path.startsWith('/api/v3/'))).toBe(true);
  });

  it('re-scans on "Re-run" and updates the sticky comment instead of adding one', async () => {
    const run = github.checkRuns.find((r) => r.externalId === '7')!;
    const commentsBefore = github.comments.length;
    const delivery = await deliver(app, 'check_run', checkRunRerequested(repository, run));
    expect(delivery.status).toBe(200);
    await app.app.idle();
    const runs = github.checkRuns.filter((r) => r.externalId === '7');
    expect(runs).toHaveLength(2);
    expect(runs[1]).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(github.comments.length).toBe(commentsBefore);
    expect(
      github.requests.some((r) => r.operation === 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}'),
    ).toBe(true);
  });

  it('updates the one sticky comment when the pull request gets a new push', async () => {
    const pull = github.checkRuns.find((r) => r.externalId === '7')!;
    const fixedFiles = { ...base_files, 'README.md': '# shop, with a fix\n' };
    const head = github.commit(repository, fixedFiles);
    const fake = repository.pulls.get(7)!;
    github.pushToPull(repository, fake, head);
    expect(pull.headSha).not.toBe(head);
    await deliver(app, 'pull_request', pullRequestEvent(repository, 'synchronize', fake));
    await app.app.idle();
    const sticky = github.comments.filter((c) => c.issueNumber === 7 && c.body.includes(MARKER));
    expect(sticky).toHaveLength(1);
    // The database and the key are gone from the change: the comment says they were fixed.
    expect(sticky[0]!.body).toMatch(/Fixed since the last push \(\d+\)/);
    expect(github.checkRuns.find((r) => r.headSha === head)).toMatchObject({ conclusion: 'success' });
  });

  it("reads .github/palisade.yml from the organisation's .github repository when the repository has none", async () => {
    const org = github.addRepository('acme', '.github');
    github.commit(org, { '.github/palisade.yml': 'fail-on: critical\n' }, 'main');
    const head = github.commit(repository, {
      ...base_files,
      'infra/main.tf': base_files['infra/main.tf']!.replace(
        'publicly_accessible = false',
        'publicly_accessible = true',
      ),
    });
    const pull = github.openPull(repository, 8, base, head);
    await deliver(app, 'pull_request', pullRequestEvent(repository, 'opened', pull));
    await app.app.idle();
    const run = github.checkRuns.find((r) => r.externalId === '8')!;
    // High findings, but the organisation fails only on critical ones.
    expect(run.annotations.some((a) => a.annotation_level === 'failure')).toBe(true);
    expect(run).toMatchObject({ status: 'completed', conclusion: 'success' });
    expect(run.summary).toContain('Configuration: `.github/palisade.yml` on the default branch.');
  });

  it('fails the check with the reason when the configuration is invalid, and a pull request cannot change it', async () => {
    // The pull request's own copy would pass; the default branch's invalid one is what counts.
    const main = github.commit(
      repository,
      { ...base_files, '.github/palisade.yml': 'fail-on: sometimes\n' },
      'main',
    );
    const head = github.commit(repository, {
      ...base_files,
      '.github/palisade.yml': 'fail-on: none\n',
      'x.md': 'x\n',
    });
    const pull = github.openPull(repository, 9, main, head);
    await deliver(app, 'pull_request', pullRequestEvent(repository, 'opened', pull));
    await app.app.idle();
    const run = github.checkRuns.find((r) => r.externalId === '9')!;
    expect(run).toMatchObject({
      status: 'completed',
      conclusion: 'failure',
      title: 'Invalid Palisade configuration',
    });
    expect(run.summary).toContain('.github/palisade.yml');
    expect(run.summary).toContain('fail-on');
    expect(run.summary).not.toContain('/tmp');
    github.commit(repository, base_files, 'main');
  });

  describe('with review comments on', () => {
    let reviewing: StartedApp;

    beforeAll(async () => {
      reviewing = await startTestApp(github, {
        PALISADE_REVIEW_COMMENTS: 'true',
        PALISADE_STICKY_COMMENT: 'false',
      });
    });

    afterAll(async () => {
      reviewing?.app.stop();
      await reviewing?.server.stop();
    });

    it("comments once on each finding's changed line, and not again on a rerun", async () => {
      const head = github.commit(repository, {
        ...base_files,
        'infra/main.tf': base_files['infra/main.tf']!.replace(
          'publicly_accessible = false',
          'publicly_accessible = true',
        ),
      });
      const pull = github.openPull(repository, 11, base, head);
      await deliver(reviewing, 'pull_request', pullRequestEvent(repository, 'opened', pull));
      await reviewing.app.idle();
      const comments = github.reviewComments.filter((c) => c.pullNumber === 11);
      expect(comments.length).toBeGreaterThan(0);
      const changedLine =
        (base_files['infra/main.tf'] ?? '')
          .split('\n')
          .findIndex((line) => line.includes('publicly_accessible')) + 1;
      expect(comments.every((c) => c.path === 'infra/main.tf' && c.line === changedLine)).toBe(true);
      expect(comments.every((c) => /<!-- palisade:finding [0-9a-f]+ -->/.test(c.body))).toBe(true);
      expect(github.comments.filter((c) => c.issueNumber === 11)).toHaveLength(0);

      const run = github.checkRuns.find((r) => r.externalId === '11')!;
      await deliver(reviewing, 'check_run', checkRunRerequested(repository, run));
      await reviewing.app.idle();
      expect(github.reviewComments.filter((c) => c.pullNumber === 11)).toHaveLength(comments.length);
    });
  });
});
