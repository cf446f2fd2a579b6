/**
 * A fake Azure DevOps Git REST API for pull request threads and statuses. It answers the client's OPTIONS
 * location lookup, checks the fields documented for each endpoint (Pull Request Threads - Create / Update,
 * Pull Request Thread Comments - Update, Pull Request Statuses - Create, Pull Request Iterations - List),
 * replies the way the service does (enums as strings) and keeps its state across runs.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type RecordedRequest as ApiRequest, FakeApi } from '../../helpers/fake-api.js';

export interface FakeComment {
  id: number;
  parentCommentId: number;
  content: string;
  commentType: string;
}

export interface FakeThread {
  id: number;
  status: string;
  comments: FakeComment[];
  threadContext?: {
    filePath: string;
    rightFileStart: { line: number; offset: number };
    rightFileEnd: { line: number; offset: number };
  } | null;
  pullRequestThreadContext?: unknown;
  isDeleted: boolean;
}

export type RecordedRequest = ApiRequest<Record<string, unknown>>;

export interface FakeAzureOptions {
  token: string;
  /** Collection path, e.g. `acme` for https://dev.azure.com/acme/. */
  organization: string;
  project: string;
  repositoryId: string;
  pullRequestId: number;
  /** Iteration ids of the pull request; the last is the latest push. */
  iterations: number[];
}

const THREAD_STATUS = ['unknown', 'active', 'fixed', 'wontFix', 'closed', 'byDesign', 'pending'];
const STATUS_STATE = [
  'notSet',
  'pending',
  'succeeded',
  'failed',
  'error',
  'notApplicable',
  'partiallySucceeded',
];

const LOCATIONS = [
  [
    'ab6e2e5d-a0b7-4153-b64a-a4efe0d49449',
    'pullRequestThreads',
    '{project}/_apis/{area}/repositories/{repositoryId}/pullRequests/{pullRequestId}/threads/{threadId}',
  ],
  [
    '965a3ec7-5ed8-455a-bdcb-835a5ea7fe7b',
    'pullRequestThreadComments',
    '{project}/_apis/{area}/repositories/{repositoryId}/pullRequests/{pullRequestId}/threads/{threadId}/comments/{commentId}',
  ],
  [
    'd43911ee-6958-46b0-a42b-8445b8a0d004',
    'pullRequestIterations',
    '{project}/_apis/{area}/repositories/{repositoryId}/pullRequests/{pullRequestId}/iterations/{iterationId}',
  ],
  [
    'b5f6bb4f-8d1e-4d79-8d11-4c9172c99c35',
    'pullRequestStatuses',
    '{project}/_apis/{area}/repositories/{repositoryId}/pullRequests/{pullRequestId}/statuses/{statusId}',
  ],
].map(([id, resourceName, routeTemplate]) => ({
  id,
  area: 'git',
  resourceName,
  routeTemplate,
  resourceVersion: 2,
  minVersion: '1.0',
  maxVersion: '7.2',
  releasedVersion: '7.1',
}));

export class FakeAzureDevOps extends FakeApi<Record<string, unknown>> {
  readonly threads = new Map<number, FakeThread>();
  readonly statuses: Record<string, unknown>[] = [];
  /** When set, writes are refused the way the service refuses a build identity without the permission. */
  denyContribute = false;
  private nextThread = 1;
  private nextComment = 1;

  constructor(readonly options: FakeAzureOptions) {
    super();
  }

  /** Returns the collection URL. */
  async start(): Promise<string> {
    const origin = await this.listen((response, error) => send(response, 500, { message: error.message }));
    return `${origin}/${this.options.organization}/`;
  }

  protected async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://fake');
    const method = request.method ?? 'GET';
    const query = Object.fromEntries(url.searchParams);
    const text = await readText(request);
    let body: Record<string, unknown> | undefined;
    if (text) body = JSON.parse(text) as Record<string, unknown>;
    const reply = (status: number, payload: unknown) => {
      this.requests.push({ method, path: url.pathname, query, body, status });
      send(response, status, payload);
    };
    const reject = (status: number, why: string) => {
      this.violations.push(`${method} ${url.pathname}: ${why}`);
      reply(status, { message: why, typeKey: 'InvalidArgumentValueException' });
    };

    if (request.headers.authorization !== `Bearer ${this.options.token}`) return reject(401, 'unauthorized');
    const { organization, project, repositoryId, pullRequestId } = this.options;
    if (method === 'OPTIONS' && url.pathname === `/${organization}/_apis/git`) {
      return reply(200, { count: LOCATIONS.length, value: LOCATIONS });
    }
    const prefix = `/${organization}/${encodeURIComponent(project)}/_apis/git/repositories/${repositoryId}/pullRequests/${pullRequestId}`;
    if (!url.pathname.startsWith(prefix)) return reject(404, `unknown resource ${url.pathname}`);
    // The version goes in the query or, as the Node client sends it, in the Accept header.
    const apiVersion =
      query['api-version'] ?? /api-version=([^;,\s]+)/.exec(String(request.headers.accept ?? ''))?.[1] ?? '';
    if (!/^\d+\.\d+(-preview(\.\d+)?)?$/.test(apiVersion)) return reject(400, 'api-version is missing');
    const rest = url.pathname.slice(prefix.length);
    const writing = method !== 'GET';
    if (writing && this.denyContribute) {
      this.requests.push({ method, path: url.pathname, query, body, status: 403 });
      return send(response, 403, {
        message:
          "TF401027: You need the Git 'PullRequestContribute' permission to perform this action. Details: identity 'Build\\acme', scope 'repository'.",
        typeKey: 'GitNeedsPermissionException',
      });
    }

    if (method === 'GET' && rest === '/iterations') {
      return reply(200, {
        count: this.options.iterations.length,
        value: this.options.iterations.map((id) => ({ id, description: `push ${id}` })),
      });
    }
    if (method === 'GET' && rest === '/threads') {
      const value = [...this.threads.values()].map(serializeThread);
      return reply(200, { count: value.length, value });
    }
    if (method === 'POST' && rest === '/threads') {
      const problem = this.checkNewThread(body);
      if (problem) return reject(400, problem);
      const comments = (body!.comments as Array<{ content: string; parentCommentId?: number }>).map((c) => ({
        id: this.nextComment++,
        parentCommentId: c.parentCommentId ?? 0,
        content: c.content,
        commentType: 'text',
      }));
      const thread: FakeThread = {
        id: this.nextThread++,
        status: statusName(body!.status) ?? 'active',
        comments,
        threadContext: (body!.threadContext as FakeThread['threadContext']) ?? null,
        pullRequestThreadContext: body!.pullRequestThreadContext ?? null,
        isDeleted: false,
      };
      this.threads.set(thread.id, thread);
      return reply(200, serializeThread(thread));
    }
    const threadMatch = /^\/threads\/(\d+)$/.exec(rest);
    if (method === 'PATCH' && threadMatch) {
      const thread = this.threads.get(Number(threadMatch[1]));
      if (!thread) return reject(404, 'thread not found');
      const status = statusName(body?.status);
      if (!status) return reject(400, 'status is missing or not a CommentThreadStatus');
      thread.status = status;
      return reply(200, serializeThread(thread));
    }
    const commentMatch = /^\/threads\/(\d+)\/comments\/(\d+)$/.exec(rest);
    if (method === 'PATCH' && commentMatch) {
      const thread = this.threads.get(Number(commentMatch[1]));
      const comment = thread?.comments.find((c) => c.id === Number(commentMatch[2]));
      if (!comment) return reject(404, 'comment not found');
      if (typeof body?.content !== 'string' || !body.content) return reject(400, 'content is missing');
      comment.content = body.content;
      return reply(200, comment);
    }
    if (method === 'POST' && rest === '/statuses') {
      const context = body?.context as { genre?: unknown; name?: unknown } | undefined;
      const state = typeof body?.state === 'number' ? STATUS_STATE[body.state] : body?.state;
      if (typeof context?.name !== 'string' || !context.name) return reject(400, 'context.name is missing');
      if (!['pending', 'succeeded', 'failed', 'error', 'notApplicable'].includes(String(state)))
        return reject(400, 'state is not a GitStatusState');
      const status = { id: this.statuses.length + 1, ...body, state };
      this.statuses.push(status);
      return reply(200, status);
    }
    return reject(404, `no such endpoint: ${method} ${rest}`);
  }

  /** Pull Request Threads - Create: comments, and for a file thread a right-side range and iteration context. */
  private checkNewThread(body: Record<string, unknown> | undefined): string | undefined {
    const comments = body?.comments as Array<Record<string, unknown>> | undefined;
    if (!Array.isArray(comments) || comments.length !== 1) return 'a new thread needs one comment';
    if (typeof comments[0]!.content !== 'string' || !comments[0]!.content)
      return 'comment content is missing';
    if (comments[0]!.commentType !== 1 && comments[0]!.commentType !== 'text')
      return 'commentType must be text';
    if (body!.status !== undefined && !statusName(body!.status)) return 'status is not a CommentThreadStatus';
    const context = body!.threadContext as
      | Record<string, { line?: unknown; offset?: unknown } | string>
      | undefined;
    if (!context) return undefined;
    if (typeof context.filePath !== 'string' || !context.filePath.startsWith('/'))
      return 'filePath must start with /';
    const start = context.rightFileStart as { line?: unknown; offset?: unknown } | undefined;
    const end = context.rightFileEnd as { line?: unknown; offset?: unknown } | undefined;
    for (const [name, position] of [
      ['rightFileStart', start],
      ['rightFileEnd', end],
    ] as const) {
      if (!Number.isInteger(position?.line) || (position!.line as number) < 1)
        return `${name}.line must be >= 1`;
      if (!Number.isInteger(position?.offset) || (position!.offset as number) < 1)
        return `${name}.offset must be >= 1`;
    }
    if ((end!.line as number) < (start!.line as number)) return 'rightFileEnd is before rightFileStart';
    const iteration = (
      body!.pullRequestThreadContext as { iterationContext?: Record<string, unknown> } | undefined
    )?.iterationContext;
    const latest = this.options.iterations.at(-1);
    if (iteration?.firstComparingIteration !== 1 || iteration?.secondComparingIteration !== latest)
      return `iterationContext must compare iteration 1 with the latest (${latest})`;
    return undefined;
  }
}

function statusName(value: unknown): string | undefined {
  if (typeof value === 'number') return THREAD_STATUS[value];
  return typeof value === 'string' && THREAD_STATUS.includes(value) ? value : undefined;
}

function serializeThread(thread: FakeThread): Record<string, unknown> {
  return { ...thread, comments: thread.comments.map((c) => ({ ...c })) };
}

async function readText(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(response: ServerResponse, status: number, payload: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(payload));
}
