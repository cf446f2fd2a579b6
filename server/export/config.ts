/**
 * Export sinks from PALISADE_EXPORTS: a JSON array, or `@/path/to/exports.json`. Secrets (the Splunk token,
 * the webhook secret) are better given as `tokenEnv` / `secretEnv`, the name of a variable that holds them.
 */
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import type { SinkConfig } from './sinks.js';

const name = { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$' } as const;
const url = { type: 'string', pattern: '^https?://' } as const;
const secretRef = (field: string) => ({
  oneOf: [{ required: [field] }, { required: [`${field}Env`] }],
});

const sink = (type: string, required: string[], properties: Record<string, unknown>, extra = {}) => ({
  type: 'object',
  required: ['name', 'type', ...required],
  properties: { name, type: { const: type }, ...properties },
  ...extra,
});

// A discriminated union on `type`: errors then name the field of the sink type given.
const SINKS_SCHEMA = {
  type: 'array',
  items: {
    type: 'object',
    required: ['type'],
    discriminator: { propertyName: 'type' },
    oneOf: [
      sink('ocsf-file', ['path'], { path: { type: 'string', minLength: 1 } }),
      sink('ocsf-http', ['url'], {
        url,
        headers: { type: 'object', additionalProperties: { type: 'string' } },
      }),
      sink('cef-syslog', ['host', 'port', 'protocol'], {
        host: { type: 'string', minLength: 1 },
        port: { type: 'integer', minimum: 1, maximum: 65535 },
        protocol: { enum: ['udp', 'tcp'] },
        framing: { enum: ['newline', 'octet-counting'] },
        facility: { type: 'integer', minimum: 0, maximum: 23 },
      }),
      sink(
        'splunk-hec',
        ['url'],
        {
          url,
          token: { type: 'string', minLength: 1 },
          tokenEnv: { type: 'string', minLength: 1 },
          index: { type: 'string' },
          source: { type: 'string' },
          sourcetype: { type: 'string' },
        },
        secretRef('token'),
      ),
      sink(
        'webhook',
        ['url'],
        { url, secret: { type: 'string', minLength: 16 }, secretEnv: { type: 'string', minLength: 1 } },
        secretRef('secret'),
      ),
    ],
  },
} as const;

let validate: ReturnType<Ajv['compile']> | undefined;

/** The sinks configured in the environment (none when PALISADE_EXPORTS is unset). Throws on a bad setting. */
export function readExportSinks(env: NodeJS.ProcessEnv): SinkConfig[] {
  const raw = env.PALISADE_EXPORTS?.trim();
  if (!raw) return [];
  const text = raw.startsWith('@') ? readFileSync(raw.slice(1), 'utf8') : raw;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`PALISADE_EXPORTS is not valid JSON: ${(error as Error).message}`);
  }
  validate ??= new Ajv({ allErrors: false, strict: false, discriminator: true }).compile(SINKS_SCHEMA);
  if (!validate(parsed)) {
    const problem = validate.errors?.[0];
    throw new Error(`PALISADE_EXPORTS${problem?.instancePath ?? ''}: ${problem?.message ?? 'invalid'}`);
  }
  const sinks = parsed as Array<SinkConfig & { tokenEnv?: string; secretEnv?: string }>;
  const names = new Set<string>();
  return sinks.map((sink) => {
    if (names.has(sink.name)) throw new Error(`PALISADE_EXPORTS: two sinks are named "${sink.name}"`);
    names.add(sink.name);
    if (sink.type === 'splunk-hec' && sink.tokenEnv) return { ...sink, token: fromEnv(env, sink.tokenEnv) };
    if (sink.type === 'webhook' && sink.secretEnv) return { ...sink, secret: fromEnv(env, sink.secretEnv) };
    return sink;
  });
}

function fromEnv(env: NodeJS.ProcessEnv, variable: string): string {
  const value = env[variable];
  if (!value) throw new Error(`PALISADE_EXPORTS names ${variable}, which is not set`);
  return value;
}
