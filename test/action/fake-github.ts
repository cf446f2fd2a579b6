/**
 * A fake GitHub REST API for the action's tests. Every request is matched to an operation of GitHub's own
 * OpenAPI description (@octokit/openapi, the dereferenced api.github.com file), its parameters and JSON body
 * are validated against that operation, and every response the fake sends is validated against the
 * operation's response schema for that status. It keeps issue comments in memory.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { packagePath } from '../../scanners/core/package.js';

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

interface Operation {
  method: string;
  template: string;
  pattern: RegExp;
  names: string[];
  parameters: Map<string, { in: string; required: boolean; validate: ValidateFunction }>;
  body?: ValidateFunction;
  responses: Map<number, ValidateFunction | undefined>;
}

/** The operations the action may call; anything else is a contract violation. */
const ROUTES: Array<[string, string]> = [
  ['get', '/repos/{owner}/{repo}/issues/{issue_number}/comments'],
  ['post', '/repos/{owner}/{repo}/issues/{issue_number}/comments'],
  ['patch', '/repos/{owner}/{repo}/issues/comments/{comment_id}'],
  ['get', '/user'],
];

let operations: Operation[] | undefined;

/** Reads the 70 MB description once per test file and keeps only the operations above, compiled. */
function loadOperations(): Operation[] {
  if (operations) return operations;
  const file = packagePath('node_modules/@octokit/openapi/generated/api.github.com.deref.json');
  const description = JSON.parse(readFileSync(file, 'utf8')) as {
    paths: Record<string, Record<string, OpenApiOperation>>;
  };
  const ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
  operations = ROUTES.map(([method, template]) => {
    const operation = description.paths[template]?.[method];
    if (!operation) throw new Error(`GitHub's description has no ${method} ${template}`);
    const names: string[] = [];
    const pattern = new RegExp(
      `^${template.replace(/\{(\w+)\}/g, (_, name: string) => {
        names.push(name);
        return '([^/]+)';
      })}$`,
    );
    const parameters = new Map<string, { in: string; required: boolean; validate: ValidateFunction }>();
    for (const parameter of operation.parameters ?? [])
      parameters.set(parameter.name, {
        in: parameter.in,
        required: parameter.required === true,
        validate: ajv.compile(parameter.schema ?? {}),
      });
    const bodySchema = operation.requestBody?.content?.['application/json']?.schema;
    const responses = new Map<number, ValidateFunction | undefined>();
    for (const [status, response] of Object.entries(operation.responses ?? {})) {
      const schema = response.content?.['application/json']?.schema;
      responses.set(Number(status), schema ? ajv.compile(schema) : undefined);
    }
    return {
      method: method.toUpperCase(),
      template,
      pattern,
      names,
      parameters,
      body: bodySchema ? ajv.compile(bodySchema) : undefined,
      responses,
    };
  });
  return operations;
}

interface OpenApiOperation {
  parameters?: Array<{ name: string; in: string; required?: boolean; schema?: object }>;
  requestBody?: { content?: Record<string, { schema?: object }> };
  responses?: Record<string, { content?: Record<string, { schema?: object }> }>;
}

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
    const match = loadOperations()
      .filter((op) => op.method === method)
      .map((op) => ({ op, groups: op.pattern.exec(url.pathname) }))
      .find((candidate) => candidate.groups);
    if (!match?.groups) {
      this.violations.push(`no GitHub operation for ${method} ${url.pathname}`);
      response.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"Not Found"}');
      return;
    }
    const { op } = match;
    const params = new Map<string, string>();
    for (const [index, name] of op.names.entries())
      params.set(name, decodeURIComponent(match.groups[index + 1] ?? ''));
    for (const [name, value] of url.searchParams) params.set(name, value);
    for (const [name, parameter] of op.parameters) {
      const value = params.get(name);
      if (value === undefined) {
        if (parameter.required) this.violations.push(`${op.template}: missing parameter ${name}`);
        continue;
      }
      const typed = /^-?\d+$/.test(value) ? Number(value) : value;
      if (!parameter.validate(typed) && !parameter.validate(value))
        this.violations.push(`${op.template}: parameter ${name}=${value} does not match its schema`);
    }
    let body: unknown;
    if (op.body) {
      try {
        body = JSON.parse(raw);
      } catch {
        this.violations.push(`${op.template}: body is not JSON`);
      }
      if (!op.body(body))
        this.violations.push(`${op.template}: body does not match: ${JSON.stringify(op.body.errors)}`);
      if (request.headers['content-type']?.split(';')[0] !== 'application/json')
        this.violations.push(`${op.template}: content-type ${request.headers['content-type']}`);
    }
    const token = /^(?:token|bearer) (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const reply = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      if (!op.responses.has(status))
        this.violations.push(`${op.template}: GitHub never answers ${status} to ${method}`);
      const validate = op.responses.get(status);
      if (validate && !validate(payload))
        this.violations.push(
          `${op.template}: our ${status} response does not match: ${JSON.stringify(validate.errors)}`,
        );
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
      user: user(comment.login, comment.type),
      created_at: comment.createdAt,
      updated_at: comment.updatedAt,
      issue_url: `${api}/issues/${comment.issueNumber}`,
      author_association: comment.type === 'Bot' ? 'NONE' : 'CONTRIBUTOR',
    };
  }
}

function user(login: string, type: string): Record<string, unknown> {
  const api = `https://api.github.com/users/${encodeURIComponent(login)}`;
  return {
    login,
    id: type === 'Bot' ? 41898282 : 583231,
    node_id: type === 'Bot' ? 'MDM6Qm90NDE4OTgyODI=' : 'MDQ6VXNlcjU4MzIzMQ==',
    avatar_url: 'https://avatars.githubusercontent.com/u/583231?v=4',
    gravatar_id: '',
    url: api,
    html_url: `https://github.com/${encodeURIComponent(login)}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type,
    site_admin: false,
  };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
