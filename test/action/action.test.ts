/**
 * The bundled action, run as a runner runs it, against a git repository made from examples/ and a fake
 * GitHub API that checks every call against GitHub's OpenAPI description.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packagePath } from '../../scanners/core/package.js';
import { sarifValidator } from '../helpers/schemas.js';
import { makeTempDir } from '../helpers/tmp.js';
import { FakeGitHub } from './fake-github.js';
import { pullRequestOpened, push } from './payloads.js';
import { type ActionRun, runAction } from './run-action.js';

const REPO = { owner: 'acme', name: 'shop' };
const TOKEN = 'ghs_writeToken';
const FORK_TOKEN = 'ghs_readOnlyForkToken';
const MARKER = '<!-- palisade:sticky -->';
// biome-ignore lint/suspicious/noExplicitAny: SARIF is read as plain JSON.
type Json = any;

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();
}

const CRON_PRIVILEGED = `apiVersion: batch/v1
kind: CronJob
metadata:
  name: orders-cleanup
  namespace: shop
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: cleanup
              image: ghcr.io/example/orders-cleanup:1.4.2
              securityContext:
                privileged: true
`;
// The second push fixes the privileged container and shares the host's process namespace instead.
const CRON_HOST_PID = CRON_PRIVILEGED.replace(
  '          restartPolicy: OnFailure\n',
  '          restartPolicy: OnFailure\n          hostPID: true\n',
).replace('privileged: true', 'privileged: false');

interface Fixture {
  origin: string;
  base: string;
  merge1: string;
  merge2: string;
}

/**
 * origin: main (B) from examples/ with the RDS instance private; pull request 7 makes it public and adds a
 * privileged CronJob (F1), then a second push (F2) swaps privileged for hostPID. refs/pull/7/merge points at
 * the merge of each head into B, as GitHub's pull request merge ref does.
 */
function makeOrigin(): Fixture {
  const origin = makeTempDir({}, 'palisade-origin-');
  cpSync(packagePath('examples'), origin, { recursive: true });
  const tf = path.join(origin, 'terraform/main.tf');
  const publicDb = readFileSync(tf, 'utf8');
  writeFileSync(tf, publicDb.replace('publicly_accessible = true', 'publicly_accessible = false'));
  git(origin, 'init', '-q', '-b', 'main');
  git(origin, 'config', 'uploadpack.allowAnySHA1InWant', 'true');
  git(origin, 'add', '-A');
  git(origin, 'commit', '-q', '-m', 'base');
  const base = git(origin, 'rev-parse', 'HEAD');
  git(origin, 'checkout', '-q', '-b', 'feature');
  writeFileSync(tf, publicDb);
  writeFileSync(path.join(origin, 'kubernetes/cron.yaml'), CRON_PRIVILEGED);
  git(origin, 'add', '-A');
  git(origin, 'commit', '-q', '-m', 'public database and cleanup job');
  const head1 = git(origin, 'rev-parse', 'HEAD');
  writeFileSync(path.join(origin, 'kubernetes/cron.yaml'), CRON_HOST_PID);
  git(origin, 'commit', '-q', '-am', 'cleanup job without privileges');
  const head2 = git(origin, 'rev-parse', 'HEAD');
  const mergeOf = (head: string) => {
    git(origin, 'checkout', '-q', '--detach', base);
    git(origin, 'merge', '-q', '--no-ff', '-m', `Merge ${head} into ${base}`, head);
    return git(origin, 'rev-parse', 'HEAD');
  };
  const merge1 = mergeOf(head1);
  const merge2 = mergeOf(head2);
  git(origin, 'checkout', '-q', 'main');
  return { origin, base, merge1, merge2 };
}

/** What actions/checkout does by default: one commit, fetched by SHA, detached. */
function shallowCheckout(origin: string, sha: string): string {
  const workspace = makeTempDir({}, 'palisade-workspace-');
  git(workspace, 'init', '-q');
  git(workspace, 'remote', 'add', 'origin', `file://${origin}`);
  git(workspace, 'fetch', '-q', '--no-tags', '--depth=1', 'origin', sha);
  git(workspace, 'checkout', '-q', '--detach', 'FETCH_HEAD');
  return workspace;
}

let fixture: Fixture;
let github: FakeGitHub;
let apiUrl: string;

beforeAll(async () => {
  fixture = makeOrigin();
  github = new FakeGitHub({ owner: REPO.owner, repo: REPO.name, readOnlyTokens: new Set([FORK_TOKEN]) });
  apiUrl = await github.start();
});

afterAll(async () => {
  await github?.stop();
});

function fileAnnotations(run: ActionRun) {
  return run.annotations.filter((a) => a.properties.has('file'));
}

function expectCleanRun(run: ActionRun) {
  expect(run.stderr).not.toContain('NATIVE-ADDON');
  expect(github.violations).toEqual([]);
}

function sarifOf(workspace: string, run: ActionRun) {
  return JSON.parse(readFileSync(path.join(workspace, run.outputs.get('sarif-file') ?? ''), 'utf8'));
}

describe('pull request, diff-only by default, sticky comment', () => {
  const prEvent = (headSha: string, number = 7, fork = false) =>
    pullRequestOpened(REPO, { number, baseSha: fixture.base, headSha, fork });

  it('annotates only changed lines, writes SARIF and outputs, creates one comment, fails on high', async () => {
    // Noise on the pull request: other people's comments over two pages, and a look-alike of ours.
    for (let i = 0; i < 120; i++) github.seedComment(7, `Looks good ${i}`);
    const spoof = github.seedComment(7, `${MARKER}\nfake report`, 'mallory');
    const workspace = shallowCheckout(fixture.origin, fixture.merge1);
    const run = await runAction({
      workspace,
      eventName: 'pull_request',
      event: prEvent(fixture.merge1),
      env: { GITHUB_SHA: fixture.merge1, GITHUB_REF: 'refs/pull/7/merge' },
      apiUrl,
      token: TOKEN,
    });
    expectCleanRun(run);
    expect(run.stdout).toContain(`Fetching the diff base ${fixture.base}`);

    const annotated = fileAnnotations(run);
    const places = new Set(annotated.map((a) => `${a.properties.get('file')}`));
    expect([...places].sort()).toEqual(['kubernetes/cron.yaml', 'terraform/main.tf']);
    const tfLine =
      readFileSync(path.join(workspace, 'terraform/main.tf'), 'utf8')
        .split('\n')
        .findIndex((line) => line.includes('publicly_accessible')) + 1;
    const publicDb = annotated.find((a) => a.properties.get('title')?.includes('PAL-AWS-RDS-002'));
    expect(publicDb?.level).toBe('error');
    expect(publicDb?.properties.get('line')).toBe(String(tfLine));
    expect(run.stdout).toMatch(
      /^::error title=Palisade PAL-K8S-001 \(high\)[^\n]*,file=kubernetes\/cron\.yaml,line=17,/m,
    );

    const findings = Number(run.outputs.get('findings'));
    expect(findings).toBeGreaterThan(2);
    expect(run.outputs.get('sarif-file')).toBe('palisade.sarif');
    const sarif = sarifOf(workspace, run);
    expect(sarifValidator()(sarif)).toBe(true);
    expect(sarif.runs[0].results).toHaveLength(findings);
    // The counts agree with the SARIF: critical and high are its error-level results, the two at least.
    const errors = sarif.runs[0].results.filter((r: Json) => r.level === 'error').length;
    const high = Number(run.outputs.get('high'));
    expect(high).toBeGreaterThanOrEqual(2);
    expect(high + Number(run.outputs.get('critical'))).toBe(errors);
    expect(
      sarif.runs[0].results.map((r: Json) => r.locations[0].physicalLocation.artifactLocation.uri),
    ).toContain('kubernetes/cron.yaml');

    // fail-on defaults to high (the config's default): the high findings fail the step.
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`::error::Palisade: ${errors} findings at or above high (fail-on)`);

    const ours = github.comments.filter((c) => c.issueNumber === 7 && c.login === 'github-actions[bot]');
    expect(ours).toHaveLength(1);
    expect(ours[0]?.body.startsWith(MARKER)).toBe(true);
    expect(ours[0]?.body).toContain('first scan of this pull request');
    expect(ours[0]?.body).toContain(`| High | ${high} | ${high} | 0 |`);
    expect(ours[0]?.body.length).toBeLessThanOrEqual(65_536);
    expect(spoof.body).toBe(`${MARKER}\nfake report`);
    // Both pages of comments were read before deciding to create one.
    const listed = github.requests.filter((r) => r.operation.startsWith('GET /repos'));
    expect(listed.map((r) => new URL(r.path, apiUrl).searchParams.get('page') ?? '1')).toEqual(['1', '2']);

    expect(run.summary).toContain('## Palisade scan:');
    expect(run.summary).toContain('PAL-AWS-RDS-002');
    expect(run.summaryBytes).toBeLessThan(1024 * 1024);
  });

  it('updates the same comment on the next push, with new and fixed findings', async () => {
    const before = github.comments.filter((c) => c.issueNumber === 7).length;
    const workspace = shallowCheckout(fixture.origin, fixture.merge2);
    const run = await runAction({
      workspace,
      eventName: 'pull_request',
      event: prEvent(fixture.merge2),
      env: { GITHUB_SHA: fixture.merge2, GITHUB_REF: 'refs/pull/7/merge' },
      inputs: { 'fail-on': 'critical' },
      apiUrl,
      token: TOKEN,
    });
    expectCleanRun(run);
    expect(run.status).toBe(0);
    expect(github.comments.filter((c) => c.issueNumber === 7)).toHaveLength(before);
    const writes = github.requests.filter((r) => r.method !== 'GET');
    expect(writes.map((r) => r.operation)).toEqual([
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
      'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
    ]);
    const body =
      github.comments.find((c) => c.login === 'github-actions[bot]' && c.issueNumber === 7)?.body ?? '';
    expect(body).toContain('1 new');
    expect(body).toContain('1 fixed since the last push');
    expect(body).toMatch(
      /<summary>New findings \(1\)<\/summary>[\s\S]*PAL-K8S-\d+[\s\S]*kubernetes\/cron\.yaml/,
    );
    expect(body).toMatch(/<summary>Fixed since the last push \(1\)<\/summary>[\s\S]*PAL-K8S-001/);
    expect(body).toContain('<details>');
  });

  it('on a fork pull request (read-only token) degrades to annotations and summary, without failing', async () => {
    const workspace = shallowCheckout(fixture.origin, fixture.merge1);
    const run = await runAction({
      workspace,
      eventName: 'pull_request',
      event: prEvent(fixture.merge1, 8, true),
      env: { GITHUB_SHA: fixture.merge1, GITHUB_REF: 'refs/pull/8/merge' },
      inputs: { 'fail-on': 'none' },
      apiUrl,
      token: FORK_TOKEN,
    });
    expectCleanRun(run);
    expect(run.status).toBe(0);
    expect(github.requests.at(-1)).toMatchObject({ method: 'POST', status: 403 });
    expect(github.comments.filter((c) => c.issueNumber === 8)).toHaveLength(0);
    expect(run.stdout).toMatch(
      /^::warning::comment: not posted, the token cannot write to this pull request/m,
    );
    expect(fileAnnotations(run).length).toBeGreaterThan(0);
    expect(run.summary).toContain('**Pull request comment:** not posted');
    // The rendered comment is still there for a workflow_run job with a write token to post.
    const saved = readFileSync(run.outputs.get('comment-file') ?? '', 'utf8');
    expect(saved.startsWith(MARKER)).toBe(true);
    expect(saved).toMatch(/\| High \| (\d+) \| \1 \| 0 \|/);
    expect(run.outputs.get('findings')).toMatch(/^[1-9]\d*$/);
  });
});

describe('push: full scan, annotation cap, upload', () => {
  let server: Server;
  let serverUrl: string;
  const uploads: Array<{ authorization?: string; body: Json }> = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        uploads.push({
          authorization: request.headers.authorization,
          body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
        });
        response.writeHead(201, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ url: '/api/v1/scans/42', scan: { counts: { new: 3 } } }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('shows the 10 most severe errors and warnings, says how many more, uploads, exits by fail-on', async () => {
    const workspace = makeTempDir({}, 'palisade-push-');
    cpSync(packagePath('examples'), workspace, { recursive: true });
    // More high and medium findings than GitHub shows per step.
    const deployment = readFileSync(path.join(workspace, 'kubernetes/deployment.yaml'), 'utf8');
    for (const name of ['billing', 'search', 'catalog'])
      writeFileSync(
        path.join(workspace, `kubernetes/${name}.yaml`),
        deployment.replaceAll('orders-api', name),
      );
    const requestsBefore = github.requests.length;
    const run = await runAction({
      workspace,
      eventName: 'push',
      event: push(REPO, { before: fixture.base, after: fixture.merge1 }),
      env: { GITHUB_SHA: fixture.merge1, GITHUB_REF: 'refs/heads/main', GITHUB_REF_NAME: 'main' },
      inputs: { 'fail-on': 'critical', 'server-url': serverUrl, 'server-token': 'pal_secret_token' },
      apiUrl,
      token: TOKEN,
    });
    expectCleanRun(run);
    expect(run.status).toBe(1);
    // Not a pull request: no diff filtering, no comment.
    expect(github.requests.length).toBe(requestsBefore);
    const annotated = fileAnnotations(run);
    const count = (level: string) => annotated.filter((a) => a.level === level).length;
    expect([count('error'), count('warning'), count('notice')]).toEqual([10, 10, 10]);
    // The most severe come first: the critical finding is among the errors shown.
    expect(annotated.find((a) => a.level === 'error')?.properties.get('title')).toContain('(critical)');

    const findings = Number(run.outputs.get('findings'));
    const sarif = sarifOf(workspace, run);
    expect(sarifValidator()(sarif)).toBe(true);
    const levels = sarif.runs[0].results.map((r: Json) => r.level);
    const errors = levels.filter((l: string) => l === 'error').length;
    const warnings = levels.filter((l: string) => l === 'warning').length;
    expect(errors).toBeGreaterThan(10);
    expect(warnings).toBeGreaterThan(10);
    expect(levels).toHaveLength(findings);
    expect(run.summary).toContain(
      `- errors: annotated the 10 most severe of ${errors}; ${errors - 10} more not annotated`,
    );
    expect(run.summary).toContain(
      `- warnings: annotated the 10 most severe of ${warnings}; ${warnings - 10} more not annotated`,
    );
    expect(Number(run.outputs.get('critical'))).toBe(1);

    expect(uploads).toHaveLength(1);
    expect(uploads[0]?.authorization).toBe('Bearer pal_secret_token');
    expect(uploads[0]?.body).toMatchObject({
      provider: 'github',
      organization: 'acme',
      repository: 'shop',
      kind: 'full',
    });
    expect(uploads[0]?.body.findings).toHaveLength(findings);
    expect(run.outputs.get('report-url')).toBe(`${serverUrl}api/v1/scans/42`);
    // The token reaches the log only as the runner's mask command.
    expect(run.stdout).toContain('::add-mask::pal_secret_token');
    expect(run.stdout.replace('::add-mask::pal_secret_token', '')).not.toContain('pal_secret_token');
  });

  it('keeps the job summary under 1 MiB when the report would be larger', async () => {
    // Thousands of findings with long generated names: a cluster's worth of copy-pasted workloads.
    const workspace = makeTempDir({}, 'palisade-large-');
    const container = (i: number) =>
      `        - name: settlement-worker-container-number-${i}\n          image: registry.example.com/app/c${i}:latest\n          securityContext:\n            privileged: true\n`;
    const manifest = (n: number) =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${'payments-settlement-reconciliation-'.repeat(5)}${n}\nspec:\n  selector:\n    matchLabels:\n      app: a${n}\n  template:\n    metadata:\n      labels:\n        app: a${n}\n    spec:\n      containers:\n${Array.from({ length: 25 }, (_, i) => container(i)).join('')}`;
    for (let n = 0; n < 12; n++) writeFileSync(path.join(workspace, `app-${n}.yaml`), manifest(n));
    const run = await runAction({
      workspace,
      eventName: 'push',
      event: push(REPO, { before: fixture.base, after: fixture.merge1 }),
      inputs: { 'fail-on': 'none', annotations: 'false' },
      apiUrl,
      token: TOKEN,
    });
    expectCleanRun(run);
    expect(run.status).toBe(0);
    expect(Number(run.outputs.get('findings'))).toBeGreaterThan(3_000);
    expect(fileAnnotations(run)).toHaveLength(0);
    expect(run.summaryBytes).toBeLessThan(1024 * 1024);
    expect(run.summaryBytes).toBeGreaterThan(512 * 1024);
    expect(run.summary).toMatch(/…and [\d,]+ more findings not shown/);
  });

  it('skips the upload without a server token, and fails after the summary when the server is down', async () => {
    const workspace = makeTempDir(
      { 'k8s/api.yaml': readFileSync(packagePath('examples/kubernetes/deployment.yaml'), 'utf8') },
      'palisade-upload-',
    );
    const event = push(REPO, { before: fixture.base, after: fixture.merge1 });
    const env = { GITHUB_SHA: fixture.merge1, GITHUB_REF: 'refs/heads/main', GITHUB_REF_NAME: 'main' };
    // A fork's run gets no secrets: server-token is empty.
    const noToken = await runAction({
      workspace,
      eventName: 'push',
      event,
      env,
      inputs: { 'fail-on': 'none', 'server-url': serverUrl, path: 'k8s' },
      apiUrl,
      token: TOKEN,
    });
    expectCleanRun(noToken);
    expect(noToken.status).toBe(0);
    // Scanning a sub-folder still reports paths from the repository root, where GitHub looks for them.
    const files = new Set(fileAnnotations(noToken).map((a) => a.properties.get('file')));
    expect([...files]).toEqual(['k8s/api.yaml']);
    const uris = sarifOf(workspace, noToken).runs[0].results.map(
      (r: Json) => r.locations[0].physicalLocation.artifactLocation.uri,
    );
    expect(new Set(uris)).toEqual(new Set(['k8s/api.yaml']));
    expect(noToken.stdout).toMatch(/^::warning::server-url is set but server-token is empty/m);
    // A port nothing listens on: the connection is refused.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const down = await runAction({
      workspace,
      eventName: 'push',
      event,
      env,
      inputs: { 'fail-on': 'none', 'server-url': deadUrl, 'server-token': 'pal_secret_token' },
      apiUrl,
      token: TOKEN,
    });
    expectCleanRun(down);
    expect(down.status).toBe(1);
    expect(down.stdout).toMatch(/^::error::upload to the Palisade server failed: /m);
    expect(down.summary).toContain('**Palisade server:** upload to the Palisade server failed');
    expect(down.summary).toContain('## Palisade scan:');
    expect(Number(down.outputs.get('findings'))).toBeGreaterThan(0);
  });

  it('runs custom rules from the config: YAML conditions and a JavaScript module', async () => {
    const workspace = makeTempDir(
      {
        'deploy/api.yaml': readFileSync(packagePath('examples/kubernetes/deployment.yaml'), 'utf8'),
        '.palisade.yml': 'custom-rules: .palisade/rules\n',
        '.palisade/rules/shop-namespace.mjs': `export default {
  id: 'ACME-K8S-010',
  title: 'Workload deployed to the shared shop namespace',
  severity: 'low',
  category: 'iac',
  description: 'Teams deploy to their own namespaces.',
  cwe: ['CWE-668'],
  remediation: 'Deploy the workload to the namespace of its team.',
  formats: ['kubernetes'],
  check({ model, report }) {
    for (const workload of model.kubernetes?.workloads ?? [])
      if (workload.namespace.value === 'shop')
        report({ resource: workload, attr: workload.namespace, message: 'Deployed to shop.' });
  },
};
`,
        '.palisade/rules/no-host-network/rule.yaml': `id: ACME-K8S-001
title: Workload shares the host network
severity: critical
category: iac
description: A pod on the host network sees every interface of the node.
cwe: [CWE-668]
remediation: Remove hostNetwork, or set it to false.
formats: [kubernetes]
resources: kubernetes.workloads
message: This workload uses the host network.
when:
  attribute: hostNetwork
  equals: true
`,
      },
      'palisade-custom-',
    );
    const run = await runAction({
      workspace,
      eventName: 'push',
      event: push(REPO, { before: fixture.base, after: fixture.merge1 }),
      inputs: { 'fail-on': 'critical' },
      apiUrl,
      token: TOKEN,
    });
    expectCleanRun(run);
    expect(run.status).toBe(1);
    const titles = fileAnnotations(run).map((a) => a.properties.get('title') ?? '');
    expect(titles.some((t) => t.startsWith('Palisade ACME-K8S-001 (critical)'))).toBe(true);
    expect(titles.some((t) => t.startsWith('Palisade ACME-K8S-010 (low)'))).toBe(true);
  });

  it('rejects an invalid input with a failure that names it', async () => {
    const workspace = makeTempDir({ 'main.tf': '' }, 'palisade-bad-input-');
    const run = await runAction({
      workspace,
      eventName: 'push',
      event: push(REPO, { before: fixture.base, after: fixture.merge1 }),
      inputs: { 'fail-on': 'severe' },
      apiUrl,
      token: TOKEN,
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(
      /^::error::Invalid input: fail-on must be one of critical, high, medium, low, info, none, not "severe"$/m,
    );
  });
});
