/**
 * A fake GitHub REST API serving one repository's settings, for the posture collector's tests. Requests are
 * matched to operations of GitHub's OpenAPI description and checked, and every answer GitHub documents is
 * checked against the operation's response schema (test/helpers/github-openapi.ts); answers start from
 * GitHub's documented examples. A setting can be denied: GitHub then answers 403 "Resource not accessible
 * by integration" (as it does for an App without the permission, on any operation, whether or not the
 * description lists 403), or 404 where GitHub hides the answer that way.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkResponse, githubExample, githubOperations, matchRequest } from '../helpers/github-openapi.js';

// biome-ignore lint/suspicious/noExplicitAny: GitHub's JSON is edited in place.
type Json = any;

const ROUTES: Array<[string, string]> = [
  ['get', '/repos/{owner}/{repo}'],
  ['get', '/repos/{owner}/{repo}/branches/{branch}'],
  ['get', '/repos/{owner}/{repo}/branches/{branch}/protection'],
  ['get', '/repos/{owner}/{repo}/rules/branches/{branch}'],
  ['get', '/repos/{owner}/{repo}/vulnerability-alerts'],
  ['get', '/repos/{owner}/{repo}/actions/permissions/workflow'],
  ['get', '/repos/{owner}/{repo}/actions/runners'],
];

/** Denied: 403, as for an App without the permission. */
export const DENIED = 'denied' as const;

export interface FakeRepositorySettings {
  owner: string;
  name: string;
  visibility: 'public' | 'private' | 'internal';
  archived?: boolean;
  defaultBranch: string;
  headSha: string;
  /** Whether the token has admin rights: without them GitHub omits security_and_analysis. */
  admin: boolean;
  secretScanning: 'enabled' | 'disabled';
  pushProtection: 'enabled' | 'disabled';
  /** Classic branch protection (the fields the test sets; the rest from GitHub's example), or none. */
  protection: Json | null | typeof DENIED;
  /** Rules as GET .../rules/branches/{branch} returns them. */
  rules: Json[] | typeof DENIED;
  dependabotAlerts: boolean;
  workflow:
    | { default_workflow_permissions: 'read' | 'write'; can_approve_pull_request_reviews: boolean }
    | typeof DENIED;
  runners: number | typeof DENIED;
  /** Answer every request with a 403 rate limit instead. */
  rateLimited?: boolean;
}

export interface RecordedSettingsRequest {
  operation: string;
  status: number;
  authorization?: string;
}

export class FakeGitHubSettings {
  readonly requests: RecordedSettingsRequest[] = [];
  readonly violations: string[] = [];
  url = '';
  private server?: Server;

  constructor(public settings: FakeRepositorySettings) {}

  async start(): Promise<string> {
    githubOperations(ROUTES);
    this.server = createServer((request, response) => {
      this.handle(request, response).catch((error: unknown) => {
        this.violations.push(`fake server error: ${(error as Error).message}`);
        response.writeHead(500).end();
      });
    });
    const server = this.server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    // The client keeps connections alive; close them, or close() waits for them.
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    request.resume(); // these are all GETs: nothing to read
    const method = request.method ?? 'GET';
    const url = new URL(request.url ?? '/', this.url);
    const matched = matchRequest(githubOperations(ROUTES), method, url, this.violations);
    if (!matched) {
      this.violations.push(`no GitHub operation for ${method} ${url.pathname}`);
      response.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"Not Found"}');
      return;
    }
    const { op, params } = matched;
    const s = this.settings;
    const send = (
      status: number,
      payload?: unknown,
      headers: Record<string, string> = {},
      documented = true,
    ) => {
      if (documented) checkResponse(op, method, status, payload, this.violations);
      this.requests.push({
        operation: `${method} ${op.template}`,
        status,
        authorization: request.headers.authorization,
      });
      response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      response.end(payload === undefined ? '' : JSON.stringify(payload));
    };
    const error = (message: string) => ({ message, documentation_url: 'https://docs.github.com/rest' });
    const deny = () =>
      send(403, { ...error('Resource not accessible by integration'), status: '403' }, {}, false);

    if (!/^(token|bearer) \S+$/i.test(request.headers.authorization ?? ''))
      return send(401, error('Requires authentication'), {}, false);
    if (s.rateLimited)
      return send(
        403,
        error('API rate limit exceeded'),
        { 'x-ratelimit-remaining': '0', 'retry-after': '60' },
        false,
      );
    if (params.get('owner') !== s.owner || params.get('repo') !== s.name)
      return send(404, error('Not Found'));
    if (params.has('branch') && params.get('branch') !== s.defaultBranch)
      return send(404, error('Branch not found'));

    switch (op.template) {
      case '/repos/{owner}/{repo}':
        return send(200, this.repository());
      case '/repos/{owner}/{repo}/branches/{branch}': {
        const branch: Json = githubExample('get', op.template, 200);
        branch.name = s.defaultBranch;
        branch.commit.sha = s.headSha;
        // GitHub marks a branch protected when branch protection or a ruleset covers it.
        branch.protected = s.protection !== null || s.rules === DENIED || s.rules.length > 0;
        return send(200, branch);
      }
      case '/repos/{owner}/{repo}/branches/{branch}/protection': {
        if (s.protection === DENIED) return deny();
        if (s.protection === null) return send(404, error('Branch not protected'));
        const protection: Json = githubExample('get', op.template, 200);
        // Only what the test sets: an unset section is absent, as GitHub leaves it out.
        for (const key of [
          'required_status_checks',
          'required_pull_request_reviews',
          'allow_force_pushes',
          'allow_deletions',
          'enforce_admins',
          'restrictions',
        ])
          delete protection[key];
        return send(200, { ...protection, ...s.protection });
      }
      case '/repos/{owner}/{repo}/rules/branches/{branch}': {
        if (s.rules === DENIED) return deny();
        const perPage = Number(params.get('per_page') ?? 30);
        const page = Number(params.get('page') ?? 1);
        return send(200, s.rules.slice((page - 1) * perPage, page * perPage));
      }
      case '/repos/{owner}/{repo}/vulnerability-alerts':
        // 404 for "disabled", and for a token that may not know (GitHub hides it from non-admins).
        return s.dependabotAlerts && s.admin ? send(204) : send(404, error('Not Found'));
      case '/repos/{owner}/{repo}/actions/permissions/workflow':
        return s.workflow === DENIED ? deny() : send(200, s.workflow);
      case '/repos/{owner}/{repo}/actions/runners': {
        if (s.runners === DENIED) return deny();
        const example: Json = githubExample('get', op.template, 200);
        const runner = example.runners[0];
        const runners = Array.from(
          { length: Math.min(s.runners, Number(params.get('per_page') ?? 30)) },
          (_, i) => ({
            ...runner,
            id: i + 1,
            name: `runner-${i + 1}`,
          }),
        );
        return send(200, { total_count: s.runners, runners });
      }
    }
    this.violations.push(`unhandled ${op.template}`);
    send(404, error('Not Found'));
  }

  private repository(): Json {
    const s = this.settings;
    const repository: Json = githubExample('get', '/repos/{owner}/{repo}', 200);
    repository.name = s.name;
    repository.full_name = `${s.owner}/${s.name}`;
    repository.owner.login = s.owner;
    repository.html_url = `https://github.com/${s.owner}/${s.name}`;
    repository.visibility = s.visibility;
    repository.private = s.visibility !== 'public';
    repository.archived = s.archived ?? false;
    repository.default_branch = s.defaultBranch;
    // Not a fork; and GitHub's example leaves out `language`, which its schema requires.
    delete repository.parent;
    delete repository.source;
    repository.language = 'TypeScript';
    repository.permissions = { admin: s.admin, maintain: s.admin, push: true, triage: true, pull: true };
    if (s.admin) {
      repository.security_and_analysis = {
        advanced_security: { status: 'disabled' },
        secret_scanning: { status: s.secretScanning },
        secret_scanning_push_protection: { status: s.pushProtection },
      };
    } else {
      delete repository.security_and_analysis;
    }
    return repository;
  }
}

/** A rule of GET .../rules/branches/{branch} in ruleset `rulesetId`. */
export function branchRule(type: string, rulesetId: number, parameters?: Json): Json {
  return {
    type,
    ...(parameters ? { parameters } : {}),
    ruleset_source_type: 'Organization',
    ruleset_source: 'acme',
    ruleset_id: rulesetId,
  };
}

/** A repository where every setting is at its weakest and the token is an administrator's. */
export function weakRepository(): FakeRepositorySettings {
  return {
    owner: 'acme',
    name: 'web',
    visibility: 'public',
    defaultBranch: 'main',
    headSha: '6dcb09b5b57875f334f61aebed695e2e4193db5e',
    admin: true,
    secretScanning: 'disabled',
    pushProtection: 'disabled',
    protection: null,
    rules: [],
    dependabotAlerts: false,
    workflow: { default_workflow_permissions: 'write', can_approve_pull_request_reviews: true },
    runners: 2,
  };
}
