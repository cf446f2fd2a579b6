/**
 * `palisade gitlab mr` against a fake GitLab that checks the documented request fields and keeps state:
 * the first run opens discussions and the summary note (falling back to a general discussion where GitLab
 * rejects the position), the second run after a fix resolves that finding's discussion, edits the summary
 * in place and creates nothing twice.
 */

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../scanners/cli/main.js';
import type { ScanResult } from '../../../scanners/core/types.js';
import { makeTempDir, removeTempDirs } from '../../helpers/tmp.js';
import { type GitRepository, makeRepository } from '../helpers.js';
import { FakeGitlab, type RecordedRequest } from './fake-gitlab.js';

const TOKEN = 'glpat-group-token';
const SUMMARY_MARKER = '<!-- palisade:gitlab-summary -->';

async function cli(args: string[], cwd: string, env: Record<string, string>) {
  let stdout = '';
  let stderr = '';
  const code = await main(['node', 'palisade', ...args], {
    cwd,
    env,
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    isTTY: { stdout: false, stderr: false },
  });
  return { code, stdout, stderr };
}

/** A diff-mode JSON report of the repository's branch, as the CI template writes it. */
async function scanReport(repository: GitRepository, file: string): Promise<ScanResult> {
  const { code, stderr } = await cli(
    ['scan', '--diff-base', repository.baseSha, '--format', 'json', '--output', file, '--quiet'],
    repository.dir,
    {},
  );
  expect(code, stderr).toBe(1);
  return JSON.parse(readFileSync(file, 'utf8')) as ScanResult;
}

const markerOf = (body: string) => /<!-- palisade:finding ([0-9a-f]+) -->/.exec(body)?.[1];
const positionOf = (request: RecordedRequest) =>
  Object.fromEntries(
    Object.entries(request.body ?? {})
      .filter(([key]) => key.startsWith('position['))
      .map(([key, value]) => [key.slice(9, -1), value]),
  );

describe('palisade gitlab mr', () => {
  let repository: GitRepository;
  let gitlab: FakeGitlab;
  let env: Record<string, string>;
  const reports = makeTempDir({}, 'palisade-mr-');

  beforeAll(async () => {
    repository = makeRepository();
    gitlab = new FakeGitlab({
      token: TOKEN,
      projectId: '42',
      mergeRequestIid: 7,
      diffRefs: {
        base_sha: repository.baseSha,
        start_sha: repository.baseSha,
        head_sha: repository.git('rev-parse', 'HEAD'),
      },
      // GitLab's diff holds the Dockerfile but not deploy.env (a stale diff): those positions are rejected.
      diffLines: new Map([['worker.Dockerfile', new Set([1, 2, 3])]]),
    });
    const url = await gitlab.start();
    env = {
      CI_SERVER_URL: url,
      CI_PROJECT_ID: '42',
      CI_MERGE_REQUEST_IID: '7',
      CI_MERGE_REQUEST_DIFF_BASE_SHA: repository.baseSha,
      CI_JOB_URL: `${url}/acme/service/-/jobs/1`,
      PALISADE_GITLAB_TOKEN: TOKEN,
    };
  });
  afterAll(async () => {
    await gitlab.stop();
    removeTempDirs();
  });

  it('first run: diff discussions, a general discussion where the position is rejected, one summary note', async () => {
    const reportFile = path.join(reports, 'first.json');
    const report = await scanReport(repository, reportFile);
    const { code, stderr } = await cli(['gitlab', 'mr', '--report', reportFile], repository.dir, env);
    expect(code, stderr).toBe(0);

    expect(gitlab.requestsMatching('GET', /\/merge_requests\/7$/)).toHaveLength(1);
    expect(gitlab.requestsMatching('GET', /\/discussions$/)).toHaveLength(1);
    expect(gitlab.requestsMatching('GET', /\/notes$/)).toHaveLength(1);

    const dockerfile = report.findings.filter((f) => f.location.file === 'worker.Dockerfile');
    const secrets = report.findings.filter((f) => f.location.file === 'deploy.env');
    expect(dockerfile.length).toBeGreaterThanOrEqual(1);
    expect(secrets).toHaveLength(2);

    // Every position carries the merge request's diff_refs and the finding's file and line.
    const posts = gitlab.requestsMatching('POST', /\/discussions$/);
    const positioned = posts.filter((r) => Object.keys(positionOf(r)).length > 0);
    expect(positioned).toHaveLength(dockerfile.length + secrets.length);
    for (const request of positioned) {
      const position = positionOf(request);
      const finding = report.findings.find((f) => f.fingerprint === markerOf(request.body?.body ?? ''));
      expect(finding, request.body?.body).toBeDefined();
      expect(position).toEqual({
        position_type: 'text',
        base_sha: gitlab.options.diffRefs.base_sha,
        start_sha: gitlab.options.diffRefs.start_sha,
        head_sha: gitlab.options.diffRefs.head_sha,
        old_path: finding!.location.file,
        new_path: finding!.location.file,
        new_line: String(finding!.location.startLine),
      });
    }
    // deploy.env positions were rejected (400) and posted again without a position.
    expect(positioned.filter((r) => r.status === 400).map((r) => positionOf(r).new_path)).toEqual([
      'deploy.env',
      'deploy.env',
    ]);
    expect(gitlab.violations).toHaveLength(2);
    const general = posts.filter((r) => Object.keys(positionOf(r)).length === 0);
    expect(general.map((r) => markerOf(r.body?.body ?? '')).sort()).toEqual(
      secrets.map((f) => f.fingerprint).sort(),
    );

    const discussions = [...gitlab.discussions.values()];
    const diffNotes = discussions.filter((d) => d.notes[0]?.type === 'DiffNote');
    expect(diffNotes.map((d) => markerOf(d.notes[0]!.body)).sort()).toEqual(
      dockerfile.map((f) => f.fingerprint).sort(),
    );
    expect(discussions.filter((d) => d.notes[0]?.type === 'DiscussionNote')).toHaveLength(2);
    const summaries = gitlab.allNotes().filter((n) => n.body.includes(SUMMARY_MARKER));
    expect(summaries).toHaveLength(1);
    expect(summaries[0]!.body).toContain(`${report.findings.length} findings`);
  });

  it('second run after a fix: resolves that discussion, edits the summary in place, creates nothing twice', async () => {
    const firstReport = JSON.parse(readFileSync(path.join(reports, 'first.json'), 'utf8')) as ScanResult;
    const fixed = firstReport.findings.find((f) => f.ruleId === 'PAL-DOCKER-005');
    expect(fixed).toBeDefined();
    const summaryBefore = gitlab.allNotes().find((n) => n.body.includes(SUMMARY_MARKER))!;
    const summaryText = summaryBefore.body;
    const postsBefore = gitlab.requests.filter((r) => r.method === 'POST').length;

    // Drop the curl | sh line; the other Dockerfile findings and the secrets stay.
    const head = repository.commit({ 'worker.Dockerfile': 'FROM ubuntu:22.04\nCMD ["app"]\n' }, 'fix');
    gitlab.options.diffRefs.head_sha = head;
    const reportFile = path.join(reports, 'second.json');
    const report = await scanReport(repository, reportFile);
    expect(report.findings.some((f) => f.fingerprint === fixed!.fingerprint)).toBe(false);

    const { code, stderr } = await cli(['gitlab', 'mr', '--report', reportFile], repository.dir, env);
    expect(code, stderr).toBe(0);

    expect(gitlab.requests.filter((r) => r.method === 'POST')).toHaveLength(postsBefore);
    const resolves = gitlab.requestsMatching('PUT', /\/discussions\/[0-9a-f]+$/);
    expect(resolves).toHaveLength(1);
    expect(resolves[0]!.query).toEqual({ resolved: 'true' });
    const resolved = [...gitlab.discussions.values()].filter((d) => d.notes[0]!.resolved);
    expect(resolved.map((d) => markerOf(d.notes[0]!.body))).toEqual([fixed!.fingerprint]);

    const edits = gitlab.requestsMatching('PUT', /\/notes\/\d+$/);
    expect(edits.map((r) => r.path)).toEqual([
      expect.stringMatching(new RegExp(`/notes/${summaryBefore.id}$`)),
    ]);
    const summaries = gitlab.allNotes().filter((n) => n.body.includes(SUMMARY_MARKER));
    expect(summaries).toHaveLength(1);
    expect(summaries[0]!.body).not.toBe(summaryText);
    expect(summaries[0]!.body).toContain('1 resolved as fixed');
    expect(gitlab.violations).toHaveLength(2);
  });

  it('third run with the finding back: reopens its discussion instead of opening another', async () => {
    const postsBefore = gitlab.requests.filter((r) => r.method === 'POST').length;
    const head = repository.commit(
      {
        'worker.Dockerfile':
          'FROM ubuntu:22.04\nRUN curl -fsSL https://get.example.com/install.sh | sh\nCMD ["app"]\n',
      },
      'regress',
    );
    gitlab.options.diffRefs.head_sha = head;
    const reportFile = path.join(reports, 'third.json');
    await scanReport(repository, reportFile);
    const { code, stderr } = await cli(['gitlab', 'mr', '--report', reportFile], repository.dir, env);
    expect(code, stderr).toBe(0);
    expect(gitlab.requests.filter((r) => r.method === 'POST')).toHaveLength(postsBefore);
    const reopen = gitlab.requestsMatching('PUT', /\/discussions\/[0-9a-f]+$/).at(-1);
    expect(reopen?.query).toEqual({ resolved: 'false' });
    expect([...gitlab.discussions.values()].filter((d) => d.notes[0]!.resolved)).toHaveLength(0);
    expect(gitlab.allNotes().find((n) => n.body.startsWith(SUMMARY_MARKER))?.body).toContain('1 reopened');
  });

  it('refuses to run without a token and says job tokens cannot post notes', async () => {
    const { PALISADE_GITLAB_TOKEN: _token, ...withoutToken } = env;
    const before = gitlab.requests.length;
    const { code, stderr } = await cli(
      ['gitlab', 'mr', '--report', path.join(reports, 'third.json')],
      repository.dir,
      withoutToken,
    );
    expect(code).toBe(2);
    expect(stderr).toMatch(/PALISADE_GITLAB_TOKEN.*job tokens cannot post notes/);
    expect(gitlab.requests.length).toBe(before);
  });

  it('reports a refused token with exit status 3 and a hint', async () => {
    const { code, stderr } = await cli(
      ['gitlab', 'mr', '--report', path.join(reports, 'third.json')],
      repository.dir,
      { ...env, PALISADE_GITLAB_TOKEN: 'glpat-wrong' },
    );
    expect(code).toBe(3);
    expect(stderr).toMatch(/HTTP 401.*job tokens cannot post notes/);
  });
});
