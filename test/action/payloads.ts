/**
 * Webhook payloads for the action's GITHUB_EVENT_PATH, built from GitHub's webhook description
 * (@octokit/openapi-webhooks): every required field is filled from the schema (its examples where it gives
 * them), the fields the test cares about are set, and the result is validated against the same schema.
 */
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { packagePath } from '../../scanners/core/package.js';

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

type Schema = Record<string, unknown>;
// biome-ignore lint/suspicious/noExplicitAny: webhook payloads are deep JSON the test edits in place.
type Json = any;

const ID = 'https://palisade.test/webhooks.json';
let description: { components: { schemas: Record<string, Schema> } } | undefined;
let ajv: Ajv | undefined;

function load() {
  if (!description) {
    const file = packagePath('node_modules/@octokit/openapi-webhooks/generated/api.github.com.json');
    description = JSON.parse(readFileSync(file, 'utf8'));
    ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
    ajv.addSchema({ $id: ID, components: description?.components });
  }
  return { description: description!, ajv: ajv! };
}

function resolve(schema: Schema): Schema {
  let current = schema;
  for (let hops = 0; typeof current.$ref === 'string' && hops < 20; hops++) {
    const name = /^#\/components\/schemas\/(.+)$/.exec(current.$ref as string)?.[1];
    current = (name && load().description.components.schemas[name]) || {};
  }
  return current;
}

/** The smallest instance that satisfies `schema`, preferring documented examples. */
function sample(input: Schema, depth = 0): unknown {
  const schema = resolve(input);
  if (depth > 40) return null;
  // Some array schemas list example items rather than example arrays: only an example of the right type counts.
  if (Array.isArray(schema.examples) && schema.examples.length && accepts(schema, schema.examples[0]))
    return structuredClone(schema.examples[0]);
  if (schema.example !== undefined) return structuredClone(schema.example);
  if (Array.isArray(schema.enum)) return schema.enum.find((v) => v !== null) ?? schema.enum[0];
  if (schema.const !== undefined) return schema.const;
  for (const key of ['oneOf', 'anyOf'] as const) {
    const options = schema[key] as Schema[] | undefined;
    if (options?.length) {
      const chosen = options.find((o) => resolve(o).type !== 'null') ?? options[0]!;
      return sample(chosen, depth + 1);
    }
  }
  if (Array.isArray(schema.allOf))
    return Object.assign({}, ...(schema.allOf as Schema[]).map((part) => sample(part, depth + 1)));
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  const type = types.find((t) => t !== 'null') ?? types[0];
  if (type === 'object' || schema.properties) {
    const object: Record<string, unknown> = {};
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    for (const name of (schema.required as string[] | undefined) ?? [])
      object[name] = properties[name] ? sample(properties[name], depth + 1) : null;
    return object;
  }
  if (type === 'array') {
    const minimum = Number(schema.minItems ?? 0);
    return Array.from({ length: minimum }, () => sample((schema.items ?? {}) as Schema, depth + 1));
  }
  if (type === 'string') {
    if (schema.format === 'date-time') return '2026-11-28T14:00:00Z';
    if (schema.format === 'uri' || schema.format === 'uri-template') return 'https://api.github.com/';
    if (schema.format === 'email') return 'octocat@example.com';
    return 'x';
  }
  if (type === 'integer' || type === 'number') return 1;
  if (type === 'boolean') return false;
  return null;
}

function build(schemaName: string, adjust: (payload: Record<string, Json>) => void): Record<string, unknown> {
  const payload = sample({ $ref: `#/components/schemas/${schemaName}` }) as Record<string, Json>;
  adjust(payload);
  assertWebhookPayload(schemaName, payload);
  return payload;
}

/**
 * Brings an example payload (from @octokit/webhooks-examples, recorded when GitHub's schema was older) up to
 * the current schema `schemaName`: missing required fields are filled from the schema, values of the wrong
 * type are replaced by a sample, and everything that already conforms is kept as recorded.
 */
export function conformWebhookPayload<T>(schemaName: string, payload: T): T {
  return conform({ $ref: `#/components/schemas/${schemaName}` }, payload, 0) as T;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function accepts(schema: Schema, value: unknown): boolean {
  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
  const actual = typeOf(value);
  if (schema.format === 'date-time' && actual === 'string' && !/^\d{4}-\d\d-\d\dT/.test(value as string))
    return false;
  if (!types.length)
    return schema.properties ? actual === 'object' : schema.items ? actual === 'array' : true;
  return types.includes(actual) || (actual === 'integer' && types.includes('number'));
}

function conform(input: Schema, value: unknown, depth: number): unknown {
  const schema = resolve(input);
  if (depth > 40) return value;
  for (const key of ['oneOf', 'anyOf'] as const) {
    const options = (schema[key] as Schema[] | undefined)?.map(resolve);
    if (options?.length) {
      const option = options.find(
        (o) => accepts(o, value) && (!Array.isArray(o.enum) || o.enum.includes(value)),
      );
      return option ? conform(option, value, depth + 1) : sample(options[0]!, depth + 1);
    }
  }
  if (Array.isArray(schema.allOf))
    return (schema.allOf as Schema[]).reduce((current, part) => conform(part, current, depth + 1), value);
  if (!accepts(schema, value) || (Array.isArray(schema.enum) && !schema.enum.includes(value)))
    return sample(schema, depth + 1);
  if (typeOf(value) === 'object' && schema.properties) {
    const object = value as Record<string, unknown>;
    const properties = schema.properties as Record<string, Schema>;
    for (const name of (schema.required as string[] | undefined) ?? [])
      if (!(name in object)) object[name] = properties[name] ? sample(properties[name], depth + 1) : null;
    for (const [name, property] of Object.entries(properties))
      if (name in object) object[name] = conform(property, object[name], depth + 1);
  }
  if (Array.isArray(value) && schema.items)
    return value.map((item) => conform(schema.items as Schema, item, depth + 1));
  return value;
}

/** Throws unless `payload` matches GitHub's webhook schema `schemaName` (e.g. `webhook-push`). */
export function assertWebhookPayload(schemaName: string, payload: unknown): void {
  const validate = load().ajv.getSchema(`${ID}#/components/schemas/${schemaName}`);
  if (!validate) throw new Error(`no webhook schema ${schemaName}`);
  if (!validate(payload))
    throw new Error(
      `${schemaName} payload does not match GitHub's schema: ${JSON.stringify(validate.errors?.slice(0, 5))}`,
    );
}

export interface RepositoryInfo {
  owner: string;
  name: string;
}

function setRepository(repository: Record<string, Json>, repo: RepositoryInfo, fork = false): void {
  repository.name = repo.name;
  repository.full_name = `${repo.owner}/${repo.name}`;
  repository.owner.login = repo.owner;
  repository.fork = fork;
}

/** A `pull_request` `opened` event: `baseSha` and `headSha` as given; `fork` makes the head a fork. */
export function pullRequestOpened(
  repo: RepositoryInfo,
  options: { number: number; baseSha: string; headSha: string; fork?: boolean },
): Record<string, unknown> {
  return build('webhook-pull-request-opened', (payload) => {
    payload.number = options.number;
    setRepository(payload.repository, repo);
    const pr = payload.pull_request;
    pr.number = options.number;
    pr.base.sha = options.baseSha;
    pr.base.ref = 'main';
    setRepository(pr.base.repo, repo);
    pr.head.sha = options.headSha;
    pr.head.ref = 'feature';
    setRepository(pr.head.repo, options.fork ? { owner: 'outsider', name: repo.name } : repo, options.fork);
  });
}

/** A `push` event to main. */
export function push(
  repo: RepositoryInfo,
  options: { before: string; after: string },
): Record<string, unknown> {
  return build('webhook-push', (payload) => {
    payload.ref = 'refs/heads/main';
    payload.before = options.before;
    payload.after = options.after;
    setRepository(payload.repository, repo);
  });
}
