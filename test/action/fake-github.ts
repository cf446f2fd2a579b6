/**
 * A fake GitHub REST API for the action's tests. Every request is matched to an operation of GitHub's own
 * OpenAPI description (@octokit/openapi, the dereferenced api.github.com file), its parameters and JSON body
 * are validated against that operation, and every response the fake sends is validated against the
 * operation's response schema for that status. It keeps issue comments in memory.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { text as readBody } from 'node:stream/consumers';
import {
  checkedBody,
  checkResponse,
  githubOperations,
  githubUser,
  matchRequest,
} from '../helpers/github-openapi.js';

/** The operations the action may call; anything else is a contract violation. */
const ROUTES: Array<[string, string]> = [
  ['get', '/repos/{owner}/{repo}/issues/{issue_number}/comments'],
  ['post', '/repos/{owner}/{repo}/issues/{issue_number}/comments'],
  ['patch', '/repos/{owner}/{repo}/issues/comments/{comment_id}'],
  ['get', '/user'],
];

const loadOperations = () => githubOperations(ROUTES);

export interface StoredComment {
  id: number;
  issueNumber: number;
  body: string;
  login: string;
  type: 'Bot' | 'User';
  createdAt: string;
  updatedAt: string;
}

export interface FakeGitHubOptions {
  owner: string;
  repo: string;
  /** Tokens that may only read (a fork pull request's GITHUB_TOKEN): writes answer 403. */
  readOnlyTokens?: Set<string>;
}

export interface RecordedRequest {
  method: string;
  path: string;
  operation: string;
  status: number;
  body?: unknown;
}

export class FakeGitHub {
  readonly comments: StoredComment[] = [];
  readonly requests: RecordedRequest[] = [];
  /** Contract violations: requests or responses that do not match GitHub's description. */
  readonly violations: string[] = [];
  private server?: Server;
  private nextId = 1000;
  url = '';

  constructor(private readonly options: FakeGitHubOptions) {}

  async start(): Promise<string> {
    loadOperations();
    this.server = createServer((request, response) => {
      this.handle(request, response).catch((error: unknown) => {
        this.violations.push(`fake server error: ${(error as Error).message}`);
        response.writeHead(500).end();
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** Adds a comment as if someone had written it before the run. */
  seedComment(
    issueNumber: number,
    body: string,
    login = 'octocat',
    type: 'Bot' | 'User' = 'User',
  ): StoredComment {
    const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    const comment = { id: this.nextId++, issueNumber, body, login, type, createdAt: now, updatedAt: now };
    this.comments.push(comment);
    return comment;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.url);
    const raw = await readBody(request);
    const method = request.method ?? 'GET';
    const matched = matchRequest(loadOperations(), method, url, this.violations);
    if (!matched) {
      this.violations.push(`no GitHub operation for ${method} ${url.pathname}`);
      response.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"Not Found"}');
      return;
    }
    const { op, params } = matched;
    const body = checkedBody(op, raw, request.headers['content-type'], this.violations);
    const token = /^(?:token|bearer) (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const reply = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      checkResponse(op, method, status, payload, this.violations);
      this.requests.push({
        method,
        path: url.pathname + url.search,
        operation: `${method} ${op.template}`,
        status,
        body,
      });
      response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      response.end(JSON.stringify(payload));
    };
    const forbidden = {
      message: 'Resource not accessible by integration',
      documentation_url: 'https://docs.github.com/rest',
      status: '403',
    };
    if (!token) return reply(401, { message: 'Requires authentication' });
    if (op.template === '/user') return reply(403, forbidden);
    if (params.get('owner') !== this.options.owner || params.get('repo') !== this.options.repo)
      return reply(404, { message: 'Not Found' });
    const readOnly = this.options.readOnlyTokens?.has(token) ?? false;

    if (method === 'GET') {
      const issueNumber = Number(params.get('issue_number'));
      const perPage = Math.min(100, Number(params.get('per_page') ?? 30));
      const page = Math.max(1, Number(params.get('page') ?? 1));
      const all = this.comments.filter((c) => c.issueNumber === issueNumber);
      const slice = all.slice((page - 1) * perPage, page * perPage);
      const headers: Record<string, string> = {};
      if (page * perPage < all.length) {
        const next = new URL(url.href);
        next.searchParams.set('page', String(page + 1));
        next.searchParams.set('per_page', String(perPage));
        headers.link = `<${next.href}>; rel="next"`;
      }
      return reply(
        200,
        slice.map((c) => this.render(c)),
        headers,
      );
    }
    if (readOnly) return reply(403, forbidden);
    const text = (body as { body: string }).body;
    if (method === 'POST') {
      const comment = this.seedComment(
        Number(params.get('issue_number')),
        text,
        'github-actions[bot]',
        'Bot',
      );
      return reply(201, this.render(comment), { location: String(this.render(comment).url) });
    }
    const comment = this.comments.find((c) => c.id === Number(params.get('comment_id')));
    if (!comment) return reply(404, { message: 'Not Found' });
    comment.body = text;
    comment.updatedAt = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    return reply(200, this.render(comment));
  }

  /** A comment as GitHub's API returns it (issue-comment schema). */
  private render(comment: StoredComment): Record<string, unknown> {
    const { owner, repo } = this.options;
    const api = `https://api.github.com/repos/${owner}/${repo}`;
    return {
      id: comment.id,
      node_id: `IC_${comment.id}`,
      url: `${api}/issues/comments/${comment.id}`,
      html_url: `https://github.com/${owner}/${repo}/pull/${comment.issueNumber}#issuecomment-${comment.id}`,
      body: comment.body,
      user: githubUser(comment.login, comment.type),
      created_at: comment.createdAt,
      updated_at: comment.updatedAt,
      issue_url: `${api}/issues/${comment.issueNumber}`,
      author_association: comment.type === 'Bot' ? 'NONE' : 'CONTRIBUTOR',
    };
  }
}
