/**
 * A fake GitHub (REST API under `/api/v3`, as GitHub Enterprise Server serves it) for the App's tests. Every
 * request is matched to an operation of GitHub's OpenAPI description and checked against it, and every JSON
 * answer is checked against the operation's response schema (test/helpers/github-openapi.ts); answers start
 * from GitHub's documented examples. It verifies the App's JWT (RS256, signed with the App's private key),
 * issues installation tokens, and keeps repositories (commits as trees of files), pull requests, check runs,
 * issue comments and review comments in memory. Faults (a 429 with retry-after) can be injected.
 */
import { execFileSync } from 'node:child_process';
import {
  createHash,
  type createPublicKey,
  createVerify,
  generateKeyPairSync,
  randomBytes,
} from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { text as readBody } from 'node:stream/consumers';
import {
  checkedBody,
  checkResponse,
  githubExample,
  githubOperations,
  githubUser,
  matchRequest,
} from '../helpers/github-openapi.js';

// biome-ignore lint/suspicious/noExplicitAny: GitHub's JSON is edited in place.
type Json = any;

const ROUTES: Array<[string, string]> = [
  ['post', '/app/installations/{installation_id}/access_tokens'],
  ['get', '/app/installations'],
  ['get', '/installation/repositories'],
  ['get', '/repos/{owner}/{repo}'],
  ['get', '/repos/{owner}/{repo}/branches/{branch}'],
  ['get', '/repos/{owner}/{repo}/contents/{path}'],
  ['get', '/repos/{owner}/{repo}/git/trees/{tree_sha}'],
  ['get', '/repos/{owner}/{repo}/git/blobs/{file_sha}'],
  ['get', '/repos/{owner}/{repo}/pulls/{pull_number}'],
  ['get', '/repos/{owner}/{repo}/pulls/{pull_number}/files'],
  ['get', '/repos/{owner}/{repo}/pulls/{pull_number}/comments'],
  ['post', '/repos/{owner}/{repo}/pulls/{pull_number}/reviews'],
  ['post', '/repos/{owner}/{repo}/check-runs'],
  ['patch', '/repos/{owner}/{repo}/check-runs/{check_run_id}'],
  ['get', '/repos/{owner}/{repo}/issues/{issue_number}/comments'],
  ['post', '/repos/{owner}/{repo}/issues/{issue_number}/comments'],
  ['patch', '/repos/{owner}/{repo}/issues/comments/{comment_id}'],
  ['get', '/user'],
  // Repository settings, read by the posture collector (scanners/posture/github.ts).
  ['get', '/repos/{owner}/{repo}/branches/{branch}/protection'],
  ['get', '/repos/{owner}/{repo}/rules/branches/{branch}'],
  ['get', '/repos/{owner}/{repo}/vulnerability-alerts'],
  ['get', '/repos/{owner}/{repo}/actions/permissions/workflow'],
  ['get', '/repos/{owner}/{repo}/actions/runners'],
];

export const APP_ID = 4242;
export const INSTALLATION_ID = 777;
const BOT_LOGIN = 'palisade[bot]';

export interface FakeEntry {
  content: Buffer;
  /** 100644 file, 100755 executable, 120000 symbolic link (content: its target), 160000 submodule. */
  mode: string;
}

export type FileSpec = string | { content: string; mode: '100644' | '100755' | '120000' | '160000' };

export interface FakePullFile {
  filename: string;
  status: 'added' | 'modified' | 'removed' | 'renamed';
  patch?: string;
  additions: number;
  deletions: number;
  sha: string;
}

export interface FakePull {
  number: number;
  base: string;
  head: string;
  files: FakePullFile[];
  state: 'open' | 'closed';
  /** `owner/name` of the head repository (a fork when it differs). */
  headRepository: string;
}

export interface FakeRepository {
  owner: string;
  name: string;
  id: number;
  defaultBranch: string;
  commits: Map<string, Map<string, FakeEntry>>;
  branches: Map<string, string>;
  pulls: Map<number, FakePull>;
}

export interface CheckRun {
  id: number;
  repository: string;
  name: string;
  headSha: string;
  externalId: string | null;
  status: string;
  conclusion: string | null;
  title: string | null;
  summary: string | null;
  annotations: Json[];
  /** Annotations sent in each create or update request, in order. */
  annotationRequests: number[];
  startedAt: string;
  completedAt: string | null;
}

export interface StoredComment {
  id: number;
  repository: string;
  issueNumber: number;
  body: string;
  login: string;
  type: 'Bot' | 'User';
}

export interface StoredReviewComment {
  id: number;
  repository: string;
  pullNumber: number;
  path: string;
  line: number;
  body: string;
  login: string;
  type: 'Bot' | 'User';
}

export interface RecordedRequest {
  method: string;
  /** Path as requested, with the /api/v3 prefix and the query. */
  path: string;
  operation: string;
  status: number;
  body?: unknown;
}

export interface Fault {
  /** `METHOD template`, e.g. `POST /repos/{owner}/{repo}/check-runs`. */
  operation: string;
  status: number;
  message: string;
  headers: Record<string, string>;
  /** How many requests it answers before the operation works again. */
  times: number;
}

const PREFIX = '/api/v3';

export class FakeGitHub {
  readonly repositories = new Map<string, FakeRepository>();
  readonly blobs = new Map<string, Buffer>();
  readonly checkRuns: CheckRun[] = [];
  readonly comments: StoredComment[] = [];
  readonly reviewComments: StoredReviewComment[] = [];
  readonly requests: RecordedRequest[] = [];
  readonly violations: string[] = [];
  readonly faults: Fault[] = [];
  /** The App's private key (PEM), for PRIVATE_KEY. */
  readonly privateKey: string;
  /** False: the installation may not write pull requests (no comments, no reviews). */
  pullRequestsWritable = true;
  private readonly publicKey: ReturnType<typeof createPublicKey>;
  private readonly tokens = new Set<string>();
  private server?: Server;
  private nextId = 5000;
  url = '';

  constructor() {
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKey = pair.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
    this.publicKey = pair.publicKey;
  }

  /** GHE_HOST for the App: host and port of the fake. */
  get host(): string {
    return new URL(this.url).host;
  }

  async start(): Promise<string> {
    githubOperations(ROUTES);
    this.server = createServer((request, response) => {
      this.handle(request, response).catch((error: unknown) => {
        this.violations.push(`fake server error: ${(error as Error).stack}`);
        response.writeHead(500).end();
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  addRepository(owner: string, name: string): FakeRepository {
    const repository: FakeRepository = {
      owner,
      name,
      id: 1_000 + this.repositories.size,
      defaultBranch: 'main',
      commits: new Map(),
      branches: new Map(),
      pulls: new Map(),
    };
    this.repositories.set(`${owner}/${name}`, repository);
    return repository;
  }

  /** Records a commit whose tree holds `files`, and points `branch` at it when given; returns its sha. */
  commit(repository: FakeRepository, files: Record<string, FileSpec>, branch?: string): string {
    const tree = new Map<string, FakeEntry>();
    for (const [name, spec] of Object.entries(files)) {
      const entry =
        typeof spec === 'string'
          ? { content: Buffer.from(spec, 'utf8'), mode: '100644' }
          : { content: Buffer.from(spec.content, 'utf8'), mode: spec.mode };
      tree.set(name, entry);
      if (entry.mode !== '160000') this.blobs.set(blobSha(entry.content), entry.content);
    }
    const sha = createHash('sha1')
      .update(`${repository.owner}/${repository.name}:${randomBytes(8).toString('hex')}`)
      .digest('hex');
    repository.commits.set(sha, tree);
    if (branch) repository.branches.set(branch, sha);
    return sha;
  }

  /** A pull request from `head` into `base`, with GitHub's file list and patches (from `git diff`). */
  openPull(
    repository: FakeRepository,
    number: number,
    base: string,
    head: string,
    options: { headRepository?: string; omitPatch?: string[] } = {},
  ): FakePull {
    const pull: FakePull = {
      number,
      base,
      head,
      files: pullFiles(repository.commits.get(base)!, repository.commits.get(head)!, options.omitPatch ?? []),
      state: 'open',
      headRepository: options.headRepository ?? `${repository.owner}/${repository.name}`,
    };
    repository.pulls.set(number, pull);
    return pull;
  }

  /** Moves a pull request's head to a new commit (a push to its branch). */
  pushToPull(repository: FakeRepository, pull: FakePull, head: string): void {
    pull.head = head;
    pull.files = pullFiles(repository.commits.get(pull.base)!, repository.commits.get(head)!, []);
  }

  seedComment(
    repository: string,
    issueNumber: number,
    body: string,
    login: string,
    type: 'Bot' | 'User',
  ): StoredComment {
    const comment = { id: this.nextId++, repository, issueNumber, body, login, type };
    this.comments.push(comment);
    return comment;
  }

  /** Requests the App made to the API (everything but authentication). */
  apiRequests(): RecordedRequest[] {
    return this.requests.filter((r) => !r.operation.includes('/access_tokens'));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.url);
    const raw = await readBody(request);
    const method = request.method ?? 'GET';
    if (!url.pathname.startsWith(`${PREFIX}/`)) {
      this.violations.push(`request outside ${PREFIX}: ${method} ${url.pathname}`);
      response.writeHead(404).end();
      return;
    }
    const apiUrl = new URL(url.href);
    apiUrl.pathname = url.pathname.slice(PREFIX.length);
    const matched = matchRequest(githubOperations(ROUTES), method, apiUrl, this.violations);
    if (!matched) {
      this.violations.push(`no GitHub operation for ${method} ${apiUrl.pathname}`);
      response.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"Not Found"}');
      return;
    }
    const { op, params } = matched;
    const body = checkedBody(op, raw, request.headers['content-type'], this.violations);
    const record = (status: number) =>
      this.requests.push({
        method,
        path: url.pathname + url.search,
        operation: `${method} ${op.template}`,
        status,
        body,
      });
    const reply = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      checkResponse(op, method, status, payload, this.violations);
      record(status);
      response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      response.end(JSON.stringify(payload));
    };
    const sendRaw = (text: Buffer) => {
      record(200);
      response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(text);
    };
    const notFound = () =>
      reply(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
    const forbidden = () =>
      reply(403, {
        message: 'Resource not accessible by integration',
        documentation_url: 'https://docs.github.com/rest',
      });

    const fault = this.faults.find((f) => f.operation === `${method} ${op.template}` && f.times > 0);
    if (fault) {
      fault.times--;
      record(fault.status);
      response
        .writeHead(fault.status, { 'content-type': 'application/json; charset=utf-8', ...fault.headers })
        .end(JSON.stringify({ message: fault.message, documentation_url: 'https://docs.github.com/rest' }));
      return;
    }

    const authorization = request.headers.authorization ?? '';
    if (op.template.startsWith('/app/')) {
      if (!this.verifyJwt(authorization))
        return reply(401, {
          message: 'A JSON web token could not be decoded',
          documentation_url: 'https://docs.github.com/rest',
        });
      if (op.template === '/app/installations') return reply(200, [this.installation()]);
      if (Number(params.get('installation_id')) !== INSTALLATION_ID) return notFound();
      const token = `ghs_${randomBytes(18).toString('hex')}`;
      this.tokens.add(token);
      const issued = githubExample('post', op.template, 201);
      Object.assign(issued, {
        token,
        expires_at: new Date(Date.now() + 3600_000).toISOString().replace(/\.\d+Z$/, 'Z'),
        permissions: this.permissions(),
        repository_selection: 'all',
      });
      delete issued.repositories;
      return reply(201, issued);
    }
    const token = /^token (.+)$/i.exec(authorization)?.[1];
    if (!token || !this.tokens.has(token))
      return reply(401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' });
    if (op.template === '/user') return forbidden();
    if (op.template === '/installation/repositories') {
      const all = [...this.repositories.values()].map((r) => this.repositoryJson(r));
      return reply(200, { total_count: all.length, repository_selection: 'all', repositories: all });
    }
    const repository = this.repositories.get(`${params.get('owner')}/${params.get('repo')}`);
    if (!repository) return notFound();
    const full = `${repository.owner}/${repository.name}`;
    const page = Math.max(1, Number(params.get('page') ?? 1));
    const perPage = Math.min(100, Number(params.get('per_page') ?? 30));
    const paged = <T>(all: T[]): { slice: T[]; headers: Record<string, string> } => {
      const headers: Record<string, string> = {};
      if (page * perPage < all.length) {
        const next = new URL(url.href);
        next.searchParams.set('page', String(page + 1));
        next.searchParams.set('per_page', String(perPage));
        headers.link = `<${next.href}>; rel="next"`;
      }
      return { slice: all.slice((page - 1) * perPage, page * perPage), headers };
    };

    switch (`${method} ${op.template}`) {
      case 'GET /repos/{owner}/{repo}':
        return reply(200, this.repositoryJson(repository));
      case 'GET /repos/{owner}/{repo}/branches/{branch}': {
        const sha = repository.branches.get(params.get('branch') ?? '');
        if (!sha) return notFound();
        const branch = githubExample('get', op.template, 200);
        branch.name = params.get('branch');
        branch.protected = false;
        (branch.commit as Json).sha = sha;
        return reply(200, branch);
      }
      case 'GET /repos/{owner}/{repo}/contents/{path}': {
        const ref = params.get('ref') ?? repository.branches.get(repository.defaultBranch) ?? '';
        const tree = repository.commits.get(repository.branches.get(ref) ?? ref);
        const entry = tree?.get(params.get('path') ?? '');
        if (!entry) return notFound();
        if (!/raw/.test(request.headers.accept ?? ''))
          this.violations.push('contents: the App reads files raw (Accept: application/vnd.github.raw)');
        return sendRaw(entry.content);
      }
      case 'GET /repos/{owner}/{repo}/git/trees/{tree_sha}': {
        const tree = repository.commits.get(params.get('tree_sha') ?? '');
        if (!tree) return notFound();
        return reply(200, this.treeJson(repository, params.get('tree_sha') ?? '', tree));
      }
      case 'GET /repos/{owner}/{repo}/git/blobs/{file_sha}': {
        const sha = params.get('file_sha') ?? '';
        const content = this.blobs.get(sha);
        if (!content) return notFound();
        return reply(200, {
          sha,
          node_id: `B_${sha.slice(0, 12)}`,
          size: content.length,
          url: `https://api.github.com/repos/${full}/git/blobs/${sha}`,
          content: content.toString('base64'),
          encoding: 'base64',
        });
      }
      case 'GET /repos/{owner}/{repo}/pulls/{pull_number}': {
        const pull = repository.pulls.get(Number(params.get('pull_number')));
        if (!pull) return notFound();
        return reply(200, this.pullJson(repository, pull));
      }
      case 'GET /repos/{owner}/{repo}/pulls/{pull_number}/files': {
        const pull = repository.pulls.get(Number(params.get('pull_number')));
        if (!pull) return notFound();
        // GitHub lists at most 3,000 files.
        const { slice, headers } = paged(pull.files.slice(0, 3000));
        return reply(
          200,
          slice.map((file) => this.pullFileJson(full, file)),
          headers,
        );
      }
      case 'GET /repos/{owner}/{repo}/pulls/{pull_number}/comments': {
        const number = Number(params.get('pull_number'));
        const all = this.reviewComments.filter((c) => c.repository === full && c.pullNumber === number);
        const { slice, headers } = paged(all);
        return reply(
          200,
          slice.map((c) => this.reviewCommentJson(c)),
          headers,
        );
      }
      case 'POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews': {
        if (!this.pullRequestsWritable) return forbidden();
        const number = Number(params.get('pull_number'));
        const input = body as {
          comments?: Array<{ path: string; line: number; body: string }>;
          body?: string;
        };
        for (const comment of input.comments ?? [])
          this.reviewComments.push({
            id: this.nextId++,
            repository: full,
            pullNumber: number,
            path: comment.path,
            line: comment.line,
            body: comment.body,
            login: BOT_LOGIN,
            type: 'Bot',
          });
        const review = githubExample('post', op.template, 200);
        Object.assign(review, {
          id: this.nextId++,
          body: input.body ?? '',
          state: 'COMMENTED',
          user: githubUser(BOT_LOGIN, 'Bot'),
        });
        return reply(200, review);
      }
      case 'POST /repos/{owner}/{repo}/check-runs': {
        const input = body as Json;
        const run: CheckRun = {
          id: this.nextId++,
          repository: full,
          name: input.name,
          headSha: input.head_sha,
          externalId: input.external_id ?? null,
          status: input.status ?? 'queued',
          conclusion: input.conclusion ?? null,
          title: input.output?.title ?? null,
          summary: input.output?.summary ?? null,
          annotations: [...(input.output?.annotations ?? [])],
          annotationRequests: [input.output?.annotations?.length ?? 0],
          startedAt: input.started_at ?? new Date().toISOString(),
          completedAt: null,
        };
        this.checkRuns.push(run);
        return reply(201, this.checkRunJson(run));
      }
      case 'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}': {
        const run = this.checkRuns.find(
          (r) => r.id === Number(params.get('check_run_id')) && r.repository === full,
        );
        if (!run) return notFound();
        const input = body as Json;
        if (run.status === 'completed' && input.status && input.status !== 'completed')
          this.violations.push(`check run ${run.id} moved back from completed`);
        if (input.status) run.status = input.status;
        if (input.conclusion) {
          run.conclusion = input.conclusion;
          run.status = 'completed';
        }
        if (input.completed_at) run.completedAt = input.completed_at;
        if (input.output) {
          run.title = input.output.title;
          run.summary = input.output.summary;
          run.annotations.push(...(input.output.annotations ?? []));
          run.annotationRequests.push(input.output.annotations?.length ?? 0);
        }
        return reply(200, this.checkRunJson(run));
      }
      case 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments': {
        const number = Number(params.get('issue_number'));
        const { slice, headers } = paged(
          this.comments.filter((c) => c.repository === full && c.issueNumber === number),
        );
        return reply(
          200,
          slice.map((c) => this.commentJson(c)),
          headers,
        );
      }
      case 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments': {
        if (!this.pullRequestsWritable) return forbidden();
        const comment = this.seedComment(
          full,
          Number(params.get('issue_number')),
          (body as Json).body,
          BOT_LOGIN,
          'Bot',
        );
        return reply(201, this.commentJson(comment), { location: String(this.commentJson(comment).url) });
      }
      case 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}': {
        if (!this.pullRequestsWritable) return forbidden();
        const comment = this.comments.find(
          (c) => c.id === Number(params.get('comment_id')) && c.repository === full,
        );
        if (!comment) return notFound();
        comment.body = (body as Json).body;
        return reply(200, this.commentJson(comment));
      }
      // An unprotected default branch without rulesets, Dependabot alerts off, write-all workflow tokens.
      case 'GET /repos/{owner}/{repo}/branches/{branch}/protection':
        return reply(404, {
          message: 'Branch not protected',
          documentation_url: 'https://docs.github.com/rest',
        });
      case 'GET /repos/{owner}/{repo}/rules/branches/{branch}':
        return reply(200, []);
      case 'GET /repos/{owner}/{repo}/vulnerability-alerts':
        return reply(404, {
          message: 'Vulnerability alerts are disabled.',
          documentation_url: 'https://docs.github.com/rest',
        });
      case 'GET /repos/{owner}/{repo}/actions/permissions/workflow':
        return reply(200, { default_workflow_permissions: 'write', can_approve_pull_request_reviews: true });
      case 'GET /repos/{owner}/{repo}/actions/runners':
        return reply(200, { total_count: 0, runners: [] });
      default:
        this.violations.push(`fake has no handler for ${method} ${op.template}`);
        return notFound();
    }
  }

  /** RS256 JWT signed with the App's key, issued to the App. */
  private verifyJwt(authorization: string): boolean {
    const jwt = /^bearer (.+)$/i.exec(authorization)?.[1];
    const [header, payload, signature] = jwt?.split('.') ?? [];
    if (!header || !payload || !signature) return false;
    const verifier = createVerify('RSA-SHA256');
    verifier.update(`${header}.${payload}`);
    if (!verifier.verify(this.publicKey, Buffer.from(signature, 'base64url'))) return false;
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
      iss?: unknown;
      exp?: number;
    };
    return String(claims.iss) === String(APP_ID) && (claims.exp ?? 0) * 1000 > Date.now();
  }

  private permissions(): Record<string, string> {
    return {
      checks: 'write',
      contents: 'read',
      metadata: 'read',
      pull_requests: this.pullRequestsWritable ? 'write' : 'read',
    };
  }

  private installation(): Json {
    const installation = githubExample('get', '/app/installations', 200) as unknown as Json[];
    return { ...installation[0], id: INSTALLATION_ID, app_id: APP_ID, permissions: this.permissions() };
  }

  private repositoryJson(repository: FakeRepository): Json {
    const json = githubExample('get', '/repos/{owner}/{repo}', 200) as Json;
    const full = `${repository.owner}/${repository.name}`;
    Object.assign(json, {
      id: repository.id,
      name: repository.name,
      full_name: full,
      default_branch: repository.defaultBranch,
      html_url: `https://github.test/${full}`,
      private: false,
      visibility: 'public',
      archived: false,
      language: 'HCL',
      // What an installation with Administration: read sees.
      security_and_analysis: {
        secret_scanning: { status: 'disabled' },
        secret_scanning_push_protection: { status: 'disabled' },
      },
    });
    json.owner.login = repository.owner;
    // Not a fork: GitHub's example describes one, with a parent and source that predate the current schema.
    delete json.parent;
    delete json.source;
    json.fork = false;
    return json;
  }

  private treeJson(repository: FakeRepository, sha: string, tree: Map<string, FakeEntry>): Json {
    const full = `${repository.owner}/${repository.name}`;
    const folders = new Set<string>();
    for (const name of tree.keys()) {
      const parts = name.split('/');
      for (let i = 1; i < parts.length; i++) folders.add(parts.slice(0, i).join('/'));
    }
    const entries: Json[] = [...folders].sort().map((folder) => ({
      path: folder,
      mode: '040000',
      type: 'tree',
      sha: createHash('sha1').update(`tree:${folder}`).digest('hex'),
      url: `https://api.github.com/repos/${full}/git/trees/${folder}`,
    }));
    for (const [name, entry] of [...tree].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (entry.mode === '160000') {
        entries.push({
          path: name,
          mode: '160000',
          type: 'commit',
          sha: entry.content.toString('utf8').trim(),
        });
        continue;
      }
      const blob = blobSha(entry.content);
      entries.push({
        path: name,
        mode: entry.mode,
        type: 'blob',
        sha: blob,
        size: entry.content.length,
        url: `https://api.github.com/repos/${full}/git/blobs/${blob}`,
      });
    }
    return {
      sha,
      url: `https://api.github.com/repos/${full}/git/trees/${sha}`,
      tree: entries,
      truncated: false,
    };
  }

  private pullJson(repository: FakeRepository, pull: FakePull): Json {
    const json = githubExample('get', '/repos/{owner}/{repo}/pulls/{pull_number}', 200) as Json;
    json.number = pull.number;
    json.state = pull.state;
    // GitHub's example predates the team `type` field its schema now requires.
    json.requested_teams = [];
    json.head.sha = pull.head;
    json.base.sha = pull.base;
    json.changed_files = pull.files.length;
    json.base.repo = { ...json.base.repo, ...this.repositoryJson(repository) };
    return json;
  }

  private pullFileJson(full: string, file: FakePullFile): Json {
    const json: Json = {
      sha: file.sha,
      filename: file.filename,
      status: file.status,
      additions: file.additions,
      deletions: file.deletions,
      changes: file.additions + file.deletions,
      blob_url: `https://github.test/${full}/blob/${file.sha}/${file.filename}`,
      raw_url: `https://github.test/${full}/raw/${file.sha}/${file.filename}`,
      contents_url: `https://api.github.com/repos/${full}/contents/${file.filename}`,
    };
    if (file.patch !== undefined) json.patch = file.patch;
    return json;
  }

  private checkRunJson(run: CheckRun): Json {
    const json = githubExample(
      'post',
      '/repos/{owner}/{repo}/check-runs',
      201,
      'example-of-in-progress-conclusion',
    ) as Json;
    Object.assign(json, {
      id: run.id,
      head_sha: run.headSha,
      name: run.name,
      external_id: run.externalId,
      status: run.status,
      conclusion: run.conclusion,
      started_at: run.startedAt,
      completed_at: run.completedAt,
      pull_requests: [],
    });
    json.output = {
      title: run.title,
      summary: run.summary,
      text: null,
      annotations_count: run.annotations.length,
      annotations_url: `https://api.github.com/repos/${run.repository}/check-runs/${run.id}/annotations`,
    };
    return json;
  }

  private commentJson(comment: StoredComment): Json {
    const api = `https://api.github.com/repos/${comment.repository}`;
    return {
      id: comment.id,
      node_id: `IC_${comment.id}`,
      url: `${api}/issues/comments/${comment.id}`,
      html_url: `https://github.test/${comment.repository}/pull/${comment.issueNumber}#issuecomment-${comment.id}`,
      body: comment.body,
      user: githubUser(comment.login, comment.type),
      created_at: '2026-11-28T14:00:00Z',
      updated_at: '2026-11-28T14:00:00Z',
      issue_url: `${api}/issues/${comment.issueNumber}`,
      author_association: comment.type === 'Bot' ? 'NONE' : 'CONTRIBUTOR',
    };
  }

  private reviewCommentJson(comment: StoredReviewComment): Json {
    const example = githubExample(
      'get',
      '/repos/{owner}/{repo}/pulls/{pull_number}/comments',
      200,
    ) as unknown as Json[];
    return {
      ...example[0],
      id: comment.id,
      path: comment.path,
      line: comment.line,
      body: comment.body,
      user: githubUser(comment.login, comment.type),
    };
  }
}

/** Git's blob id: SHA-1 of `blob <size>\0<content>`. */
export function blobSha(content: Buffer): string {
  return createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex');
}

/** GitHub's pull request file list: status and the hunks of `git diff` (3 lines of context) per file. */
function pullFiles(
  base: Map<string, FakeEntry>,
  head: Map<string, FakeEntry>,
  omitPatch: string[],
): FakePullFile[] {
  const files: FakePullFile[] = [];
  const names = [...new Set([...base.keys(), ...head.keys()])].sort();
  let work: string | undefined;
  try {
    for (const name of names) {
      const before = base.get(name);
      const after = head.get(name);
      if (before && after && before.content.equals(after.content) && before.mode === after.mode) continue;
      const sha = after ? blobSha(after.content) : blobSha(before!.content);
      if (!before || !after) {
        const lines = (after ?? before)!.content.toString('utf8').replace(/\n$/, '').split('\n');
        const header = after ? `@@ -0,0 +1,${lines.length} @@` : `@@ -1,${lines.length} +0,0 @@`;
        const patch = `${header}\n${lines.map((line) => `${after ? '+' : '-'}${line}`).join('\n')}`;
        files.push({
          filename: name,
          status: after ? 'added' : 'removed',
          patch: omitPatch.includes(name) ? undefined : patch,
          additions: after ? lines.length : 0,
          deletions: after ? 0 : lines.length,
          sha,
        });
        continue;
      }
      work ??= mkdtempSync(path.join(tmpdir(), 'palisade-fake-diff-'));
      const a = path.join(work, 'a');
      const b = path.join(work, 'b');
      writeFileSync(a, before.content);
      writeFileSync(b, after.content);
      let diff = '';
      try {
        execFileSync('git', ['diff', '--no-index', '--no-color', '--unified=3', a, b], { encoding: 'utf8' });
      } catch (error) {
        // git diff --no-index exits 1 when the files differ.
        diff = String((error as { stdout?: string }).stdout ?? '');
      }
      const hunks = diff.slice(diff.indexOf('\n@@') + 1);
      files.push({
        filename: name,
        status: 'modified',
        patch: omitPatch.includes(name) ? undefined : hunks.replace(/\n$/, ''),
        additions: hunks.split('\n').filter((l) => l.startsWith('+')).length,
        deletions: hunks.split('\n').filter((l) => l.startsWith('-')).length,
        sha,
      });
    }
  } finally {
    if (work) rmSync(work, { recursive: true, force: true });
  }
  return files;
}
