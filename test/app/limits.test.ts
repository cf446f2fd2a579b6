/**
 * The App under hostile or heavy input: a 3,000-file pull request, more findings than annotations, links
 * and submodules, a rate limit, a redelivered webhook and a fork whose pull request the App may not write to.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeGitHub, type FakeRepository } from './fake-github.js';
import { deliver, pullRequestEvent, type StartedApp, startTestApp } from './harness.js';

const OPEN_SSH = (name: string) => `resource "aws_security_group" "${name}" {
  name        = "${name}"
  description = "bastion"

  ingress {
    description = "SSH from anywhere"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`;

describe('the GitHub App at its limits', () => {
  let github: FakeGitHub;
  let app: StartedApp;
  let repository: FakeRepository;
  let base: string;
  const baseFiles = { 'README.md': '# shop\n' };

  beforeAll(async () => {
    github = new FakeGitHub();
    await github.start();
    repository = github.addRepository('acme', 'shop');
    base = github.commit(repository, baseFiles, 'main');
    app = await startTestApp(github, { PALISADE_MAX_FILES: '300', PALISADE_ANNOTATIONS: '75' });
  });

  afterAll(async () => {
    app?.app.stop();
    await app?.server.stop();
    await github?.stop();
  });

  afterEach(() => {
    expect(github.violations).toEqual([]);
  });

  it('pages through a 3,050-file pull request, fetches within the limit and says what it skipped', async () => {
    const files: Record<string, string> = { ...baseFiles };
    for (let i = 0; i < 3050; i++) files[`docs/page-${String(i).padStart(4, '0')}.md`] = `# Page ${i}\n`;
    const head = github.commit(repository, files);
    const pull = github.openPull(repository, 30, base, head);
    const before = github.requests.length;
    expect((await deliver(app, 'pull_request', pullRequestEvent(repository, 'opened', pull))).status).toBe(
      200,
    );
    await app.app.idle();
    const made = github.requests.slice(before);
    const listings = made.filter(
      (r) => r.operation === 'GET /repos/{owner}/{repo}/pulls/{pull_number}/files',
    );
    expect(listings).toHaveLength(30);
    expect(listings.every((r) => r.path.includes('per_page=100'))).toBe(true);
    const blobs = made.filter((r) => r.operation === 'GET /repos/{owner}/{repo}/git/blobs/{file_sha}');
    expect(blobs).toHaveLength(300);
    const run = github.checkRuns.find((r) => r.externalId === '30')!;
    expect(run).toMatchObject({ status: 'completed', conclusion: 'success' });
    expect(run.summary).toContain(
      'GitHub lists only the first 3000 files of a pull request: 50 changed files were not scanned.',
    );
    expect(run.summary).toContain('Not scanned: 2700 files over the file-count limit (300 files)');
  });

  it('annotates at most the configured cap, 50 per request, and says how many are not annotated', async () => {
    const files: Record<string, string> = { ...baseFiles };
    for (let i = 0; i < 80; i++) files[`stacks/s${i}/main.tf`] = OPEN_SSH(`bastion_${i}`);
    const head = github.commit(repository, files);
    const pull = github.openPull(repository, 31, base, head);
    await deliver(app, 'pull_request', pullRequestEvent(repository, 'opened', pull));
    await app.app.idle();
    const run = github.checkRuns.find((r) => r.externalId === '31')!;
    expect(run).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(run.annotations).toHaveLength(75);
    // The create request carries none; then 50, then the last 25 with the conclusion.
    expect(run.annotationRequests).toEqual([0, 50, 25]);
    expect(run.summary).toMatch(
      /Annotated the 75 most severe findings of (\d+); \d+ more are in the report below/,
    );
    const failures = run.annotations.filter((a) => a.annotation_level === 'failure').length;
    // Most severe first: every failure-level annotation comes before any lower level.
    expect(run.annotations.slice(0, failures).every((a) => a.annotation_level === 'failure')).toBe(true);
  });

  it('never follows a symbolic link or a submodule, says so, and cannot be told to ignore files', async () => {
    const head = github.commit(repository, {
      ...baseFiles,
      // Every committed file is tracked: a .gitignore must not hide the pull request's own files.
      '.gitignore': '*\n',
      'infra/.gitignore': '*.tf\n',
      'infra/main.tf': OPEN_SSH('edge'),
      'infra/passwd.tf': { content: '/etc/passwd', mode: '120000' },
      'vendor/modules': { content: 'c3d1a1f0e5b4d2c1b0a9f8e7d6c5b4a3f2e1d0c9', mode: '160000' },
    });
    const pull = github.openPull(repository, 32, base, head);
    const blobsBefore = github.requests.filter((r) => r.operation.endsWith('/git/blobs/{file_sha}')).length;
    await deliver(app, 'pull_request', pullRequestEvent(repository, 'opened', pull));
    await app.app.idle();
    const run = github.checkRuns.find((r) => r.externalId === '32')!;
    expect(run.status).toBe('completed');
    expect(run.summary).toContain('Not scanned: 1 symbolic links (never followed): `infra/passwd.tf`');
    expect(run.summary).toContain('Not scanned: 1 submodules (not fetched): `vendor/modules`');
    // Only infra/main.tf was downloaded.
    const blobs = github.requests.filter((r) => r.operation.endsWith('/git/blobs/{file_sha}')).length;
    expect(blobs - blobsBefore).toBe(1);
    expect(run.annotations.length).toBeGreaterThan(0);
    expect(run.annotations.every((a) => a.path === 'infra/main.tf')).toBe(true);
  });

  it('waits out a secondary rate limit (429 with retry-after) and carries on', async () => {
    const head = github.commit(repository, { ...baseFiles, 'infra/main.tf': OPEN_SSH('retry') });
    const pull = github.openPull(repository, 33, base, head);
    github.faults.push({
      operation: 'POST /repos/{owner}/{repo}/check-runs',
      status: 429,
      message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
      headers: { 'retry-after': '1' },
      times: 1,
    });
    const before = github.requests.length;
    await deliver(app, 'pull_request', pullRequestEvent(repository, 'opened', pull));
    await app.app.idle();
    const creates = github.requests
      .slice(before)
      .filter((r) => r.operation === 'POST /repos/{owner}/{repo}/check-runs')
      .map((r) => r.status);
    expect(creates).toEqual([429, 201]);
    expect(github.checkRuns.filter((r) => r.externalId === '33')).toHaveLength(1);
    expect(github.checkRuns.find((r) => r.externalId === '33')?.status).toBe('completed');
  });

  it('completes the check run as a failure that says why when GitHub refuses a read', async () => {
    const head = github.commit(repository, { ...baseFiles, 'infra/main.tf': OPEN_SSH('refused') });
    const pull = github.openPull(repository, 36, base, head);
    github.faults.push({
      operation: 'GET /repos/{owner}/{repo}/git/trees/{tree_sha}',
      status: 404,
      message: 'Not Found',
      headers: {},
      times: 1,
    });
    await deliver(app, 'pull_request', pullRequestEvent(repository, 'opened', pull));
    await app.app.idle();
    const run = github.checkRuns.find((r) => r.externalId === '36')!;
    expect(run).toMatchObject({
      status: 'completed',
      conclusion: 'failure',
      title: 'Palisade could not scan this pull request',
    });
    expect(run.summary).toBe('The scan stopped: the GitHub API answered 404. Re-run the check to try again.');
  });

  it('does not post twice for a redelivered webhook', async () => {
    const head = github.commit(repository, { ...baseFiles, 'infra/main.tf': OPEN_SSH('again') });
    const pull = github.openPull(repository, 34, base, head);
    const payload = pullRequestEvent(repository, 'opened', pull);
    const first = await deliver(app, 'pull_request', payload);
    await app.app.idle();
    const second = await deliver(app, 'pull_request', payload, { id: first.id });
    await app.app.idle();
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(github.checkRuns.filter((r) => r.externalId === '34')).toHaveLength(1);
    expect(github.comments.filter((c) => c.issueNumber === 34)).toHaveLength(1);
  });

  it('checks a fork pull request from the base repository, and completes when it may not comment', async () => {
    github.pullRequestsWritable = false;
    try {
      const head = github.commit(repository, { ...baseFiles, 'infra/main.tf': OPEN_SSH('fork') });
      const pull = github.openPull(repository, 35, base, head, { headRepository: 'outsider/shop' });
      const before = github.requests.length;
      await deliver(app, 'pull_request', pullRequestEvent(repository, 'opened', pull, true));
      await app.app.idle();
      const run = github.checkRuns.find((r) => r.externalId === '35')!;
      expect(run).toMatchObject({
        repository: 'acme/shop',
        headSha: head,
        status: 'completed',
        conclusion: 'failure',
      });
      expect(run.annotations.length).toBeGreaterThan(0);
      expect(run.summary).toContain(
        'The pull request comment was not written: the App lacks `pull_requests: write`',
      );
      // Everything came from the base repository: the fork is never asked.
      expect(github.requests.slice(before).every((r) => !r.path.includes('/repos/outsider/'))).toBe(true);
      expect(github.comments.filter((c) => c.issueNumber === 35)).toHaveLength(0);
    } finally {
      github.pullRequestsWritable = true;
    }
  });
});
