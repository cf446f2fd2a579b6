/**
 * GitHub's REST contract for the fake GitHub servers of the tests: operations of GitHub's own OpenAPI
 * description (@octokit/openapi, the dereferenced api.github.com file), with their parameters, JSON request
 * bodies and JSON responses compiled to validators. A fake matches each request to an operation and reports
 * every mismatch, in either direction, as a contract violation.
 */
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { packagePath } from '../../scanners/core/package.js';

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

export interface GitHubOperation {
  method: string;
  template: string;
  pattern: RegExp;
  names: string[];
  parameters: Map<string, { in: string; required: boolean; validate: ValidateFunction }>;
  body?: ValidateFunction;
  /** GitHub requires a body (some operations, like creating an installation token, take an optional one). */
  bodyRequired: boolean;
  responses: Map<number, ValidateFunction | undefined>;
}

interface OpenApiOperation {
  parameters?: Array<{ name: string; in: string; required?: boolean; schema?: object }>;
  requestBody?: { required?: boolean; content?: Record<string, { schema?: object }> };
  responses?: Record<string, { content?: Record<string, { schema?: object }> }>;
}

let description: { paths: Record<string, Record<string, OpenApiOperation>> } | undefined;
let ajv: Ajv | undefined;
const compiled = new Map<string, GitHubOperation>();

/** Reads the 70 MB description once per test file and compiles the operations asked for (cached). */
export function githubOperations(routes: ReadonlyArray<readonly [string, string]>): GitHubOperation[] {
  if (!description) {
    const file = packagePath('node_modules/@octokit/openapi/generated/api.github.com.deref.json');
    description = JSON.parse(readFileSync(file, 'utf8'));
    ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
  }
  return routes.map(([method, template]) => {
    const key = `${method} ${template}`;
    const cached = compiled.get(key);
    if (cached) return cached;
    const operation = description?.paths[template]?.[method];
    if (!operation || !ajv) throw new Error(`GitHub's description has no ${method} ${template}`);
    withJsonSchemaNulls(operation);
    const names: string[] = [];
    const pattern = new RegExp(
      `^${template.replace(/\{(\w+)\}/g, (_, name: string) => {
        names.push(name);
        // A file path in the contents API spans several segments.
        return name === 'path' ? '(.+)' : '([^/]+)';
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
    const op: GitHubOperation = {
      method: method.toUpperCase(),
      template,
      pattern,
      names,
      parameters,
      body: bodySchema ? ajv.compile(bodySchema) : undefined,
      bodyRequired: operation.requestBody?.required === true,
      responses,
    };
    compiled.set(key, op);
    return op;
  });
}

/**
 * OpenAPI 3.0's `nullable: true` as JSON Schema says it (`type: [t, "null"]`), in place; Ajv refuses a
 * `nullable` without a `type`, which GitHub's description has (it then allows anything, null included).
 */
function withJsonSchemaNulls(node: unknown, seen = new Set<object>()): void {
  if (typeof node !== 'object' || node === null || seen.has(node)) return;
  seen.add(node);
  const schema = node as Record<string, unknown>;
  if (schema.nullable === true) {
    if (typeof schema.type === 'string') schema.type = [schema.type, 'null'];
    if (Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum = [...schema.enum, null];
    delete schema.nullable;
  }
  for (const value of Object.values(schema)) withJsonSchemaNulls(value, seen);
}

export interface MatchedRequest {
  op: GitHubOperation;
  /** Path and query parameters, decoded. */
  params: Map<string, string>;
}

/** The operation a request is for, with its parameters checked against their schemas. */
export function matchRequest(
  operations: readonly GitHubOperation[],
  method: string,
  url: URL,
  violations: string[],
): MatchedRequest | undefined {
  const match = operations
    .filter((op) => op.method === method)
    .map((op) => ({ op, groups: op.pattern.exec(url.pathname) }))
    .find((candidate) => candidate.groups);
  if (!match?.groups) return undefined;
  const { op } = match;
  const params = new Map<string, string>();
  for (const [index, name] of op.names.entries())
    params.set(name, decodeURIComponent(match.groups[index + 1] ?? ''));
  for (const [name, value] of url.searchParams) params.set(name, value);
  for (const [name, parameter] of op.parameters) {
    const value = params.get(name);
    if (value === undefined) {
      if (parameter.required) violations.push(`${op.template}: missing parameter ${name}`);
      continue;
    }
    const typed = /^-?\d+$/.test(value) ? Number(value) : value;
    if (!parameter.validate(typed) && !parameter.validate(value))
      violations.push(`${op.template}: parameter ${name}=${value} does not match its schema`);
  }
  return { op, params };
}

/** The JSON body of a request, checked against the operation's request schema. */
export function checkedBody(
  op: GitHubOperation,
  raw: string,
  contentType: string | undefined,
  violations: string[],
): unknown {
  if (!op.body || (raw === '' && !op.bodyRequired)) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    violations.push(`${op.template}: body is not JSON`);
  }
  if (!op.body(body))
    violations.push(`${op.template}: body does not match: ${JSON.stringify(op.body.errors?.slice(0, 5))}`);
  if (contentType?.split(';')[0] !== 'application/json')
    violations.push(`${op.template}: content-type ${contentType}`);
  return body;
}

/** Checks a response the fake is about to send against what GitHub documents for that status. */
export function checkResponse(
  op: GitHubOperation,
  method: string,
  status: number,
  payload: unknown,
  violations: string[],
): void {
  if (!op.responses.has(status))
    violations.push(`${op.template}: GitHub never answers ${status} to ${method}`);
  const validate = op.responses.get(status);
  if (validate && !validate(payload))
    violations.push(
      `${op.template}: our ${status} response does not match: ${JSON.stringify(validate.errors?.slice(0, 5))}`,
    );
}

/** A user (or bot) object as GitHub's API returns it (simple-user schema). */
export function githubUser(login: string, type: string): Record<string, unknown> {
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

/**
 * A copy of the example GitHub documents for an operation's JSON response (the first one, or the one named):
 * a fake starts from it and sets the fields its test is about, so its answers look like GitHub's.
 */
export function githubExample(
  method: string,
  template: string,
  status: number,
  name?: string,
): Record<string, unknown> {
  githubOperations([[method, template]]);
  const content = (
    description?.paths[template]?.[method]?.responses?.[String(status)]?.content as
      | Record<string, { examples?: Record<string, { value?: unknown }> }>
      | undefined
  )?.['application/json'];
  const examples = content?.examples ?? {};
  const chosen = name ? examples[name] : Object.values(examples)[0];
  if (!chosen?.value) throw new Error(`GitHub documents no example for ${status} ${method} ${template}`);
  return structuredClone(chosen.value) as Record<string, unknown>;
}
