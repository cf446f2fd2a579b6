/**
 * Starts the App as `npm run app` does (startApp with a standard Probot environment: APP_ID, PRIVATE_KEY,
 * WEBHOOK_SECRET, PORT, GHE_HOST, GHE_PROTOCOL=http) against the fake GitHub, and delivers webhooks signed
 * with WEBHOOK_SECRET, built from @octokit/webhooks-examples and checked against GitHub's webhook schemas.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { type RunningApp, startApp } from '../../app/main.js';
import { packagePath } from '../../scanners/core/package.js';
import { assertWebhookPayload, conformWebhookPayload } from '../action/payloads.js';
import { APP_ID, type FakeGitHub, type FakeRepository, INSTALLATION_ID } from './fake-github.js';

// biome-ignore lint/suspicious/noExplicitAny: webhook payloads are deep JSON edited in place.
type Json = any;

export const WEBHOOK_SECRET = 'palisade-test-webhook-secret';

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface StartedApp extends RunningApp {
  url: string;
}

/** Probot's standard environment for the App on `port` against the fake GitHub, with `extra` on top. */
export function appEnvironment(
  github: FakeGitHub,
  port: number,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    APP_ID: String(APP_ID),
    PRIVATE_KEY: github.privateKey,
    WEBHOOK_SECRET,
    PORT: String(port),
    HOST: '127.0.0.1',
    GHE_HOST: github.host,
    GHE_PROTOCOL: 'http',
    LOG_LEVEL: 'fatal',
    LOG_FORMAT: 'json',
    ...extra,
  };
}

/** The App on a free port, configured by environment variables only. */
export async function startTestApp(
  github: FakeGitHub,
  extra: Record<string, string> = {},
): Promise<StartedApp> {
  const port = await freePort();
  const running = await startApp(appEnvironment(github, port, extra));
  return { ...running, url: `http://127.0.0.1:${port}` };
}

export interface Delivery {
  status: number;
  id: string;
  text: string;
}

/** POSTs a webhook as GitHub does; `secret` defaults to the App's (a wrong one tests verification). */
export async function deliver(
  app: { url: string },
  event: string,
  payload: unknown,
  options: { id?: string; secret?: string } = {},
): Promise<Delivery> {
  const body = JSON.stringify(payload);
  const id = options.id ?? randomUUID();
  const signature = `sha256=${createHmac('sha256', options.secret ?? WEBHOOK_SECRET)
    .update(body)
    .digest('hex')}`;
  const response = await fetch(`${app.url}/api/github/webhooks`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-github-event': event,
      'x-github-delivery': id,
      'x-hub-signature-256': signature,
      'user-agent': 'GitHub-Hookshot/palisade-test',
    },
    body,
  });
  return { status: response.status, id, text: await response.text() };
}

let examples: Array<{ name: string; examples: Json[] }> | undefined;

/** A copy of GitHub's example payload for `event` (and `action`), from @octokit/webhooks-examples. */
function example(event: string, action?: string): Json {
  examples ??= JSON.parse(
    readFileSync(packagePath('node_modules/@octokit/webhooks-examples/api.github.com/index.json'), 'utf8'),
  );
  const found = examples
    ?.find((e) => e.name === event)
    ?.examples.find((e) => action === undefined || e.action === action);
  if (!found) throw new Error(`no webhook example for ${event}.${action}`);
  return structuredClone(found);
}

function adaptRepository(target: Json, repository: FakeRepository): void {
  target.name = repository.name;
  target.full_name = `${repository.owner}/${repository.name}`;
  target.id = repository.id;
  target.default_branch = repository.defaultBranch;
  target.html_url = `https://github.test/${repository.owner}/${repository.name}`;
  if (target.owner) target.owner.login = repository.owner;
}

function withInstallation(payload: Json): void {
  payload.installation = { id: INSTALLATION_ID, node_id: 'MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uNzc3' };
}

/** The example brought up to GitHub's current webhook schema, then checked against it. */
function checked(schema: string, payload: Json): Json {
  const conformed = conformWebhookPayload(schema, payload);
  assertWebhookPayload(schema, conformed);
  return conformed;
}

/** pull_request `opened`, `synchronize` or `reopened`; `fork` makes the head an outsider's fork. */
export function pullRequestEvent(
  repository: FakeRepository,
  action: 'opened' | 'synchronize' | 'reopened',
  pull: { number: number; base: string; head: string; files: unknown[] },
  fork = false,
): Json {
  const payload = example('pull_request', action);
  adaptRepository(payload.repository, repository);
  withInstallation(payload);
  payload.number = pull.number;
  const pr = payload.pull_request;
  pr.number = pull.number;
  pr.state = 'open';
  pr.changed_files = pull.files.length;
  pr.base.sha = pull.base;
  pr.base.ref = repository.defaultBranch;
  adaptRepository(pr.base.repo, repository);
  pr.head.sha = pull.head;
  pr.head.ref = 'feature';
  adaptRepository(pr.head.repo, repository);
  if (fork) {
    pr.head.repo.full_name = `outsider/${repository.name}`;
    pr.head.repo.owner.login = 'outsider';
    pr.head.repo.fork = true;
    pr.head.label = 'outsider:feature';
  }
  if (action === 'synchronize') {
    payload.before = pull.base;
    payload.after = pull.head;
  }
  return checked(`webhook-pull-request-${action}`, payload);
}

/** check_run `rerequested` for a check run the App created (its external id holds the pull request). */
export function checkRunRerequested(
  repository: FakeRepository,
  run: { id: number; headSha: string; externalId: string | null },
): Json {
  const payload = example('check_run', 'rerequested');
  adaptRepository(payload.repository, repository);
  withInstallation(payload);
  payload.check_run.id = run.id;
  payload.check_run.head_sha = run.headSha;
  payload.check_run.external_id = run.externalId ?? '';
  // A fork's check run comes without pull requests: the App must not rely on them.
  payload.check_run.pull_requests = [];
  return checked('webhook-check-run-rerequested', payload);
}

export function pushEvent(
  repository: FakeRepository,
  before: string,
  after: string,
  branch = repository.defaultBranch,
): Json {
  const payload = example('push');
  adaptRepository(payload.repository, repository);
  withInstallation(payload);
  payload.ref = `refs/heads/${branch}`;
  payload.before = before;
  payload.after = after;
  payload.deleted = false;
  return checked('webhook-push', payload);
}

export function installationCreated(repositories: FakeRepository[]): Json {
  const payload = example('installation', 'created');
  withInstallation(payload);
  payload.installation = {
    ...example('installation', 'created').installation,
    id: INSTALLATION_ID,
    app_id: APP_ID,
  };
  payload.repositories = repositories.map((r) => ({
    id: r.id,
    node_id: `R_${r.id}`,
    name: r.name,
    full_name: `${r.owner}/${r.name}`,
    private: false,
  }));
  return checked('webhook-installation-created', payload);
}
