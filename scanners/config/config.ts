import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import addFormatsPlugin from 'ajv-formats';
import { isNode, type Node, parseDocument } from 'yaml';
import { UsageError } from '../core/errors.js';
import { packagePath } from '../core/package.js';
import type { Category, Severity } from '../core/types.js';
import { DEFAULT_TRUSTED_ACTIONS } from '../model/pipeline.js';
import { DEFAULT_SECRET_SETTINGS, type SecretSettings } from '../secrets/settings.js';

const addFormats = addFormatsPlugin as unknown as typeof addFormatsPlugin.default;

export const CONFIG_FILE_NAMES = ['.palisade.yml', '.palisade.yaml'];
export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;

/** `.palisade.yml` as written (kebab-case keys), see schemas/palisade-config.schema.json. */
export interface ConfigFile {
  'fail-on'?: Severity | 'none';
  rules?: { enable?: string[]; disable?: string[]; severity?: Record<string, Severity> };
  categories?: { enable?: Category[]; disable?: Category[] };
  exclude?: string[];
  overrides?: Array<{
    paths: string[];
    rules?: { disable?: string[]; severity?: Record<string, Severity> };
    categories?: { disable?: Category[] };
  }>;
  'custom-rules'?: string;
  baseline?: string;
  'inline-ignores'?: boolean;
  'diff-scope'?: 'lines' | 'files';
  limits?: { 'max-file-size'?: number | string; 'max-files'?: number };
  secrets?: { enabled?: boolean; disable?: string[]; entropy?: { base64?: number; hex?: number } };
  pipeline?: { 'trusted-actions'?: string[] };
  terraform?: { 'var-files'?: string[] };
}

/** The effective configuration, with paths resolved and defaults applied. */
export interface PalisadeConfig {
  /** The file it came from, if any. */
  source?: string;
  failOn: Severity | 'none';
  rules: { enable?: string[]; disable: string[]; severity: Record<string, Severity> };
  categories: { enable?: Category[]; disable: Category[] };
  exclude: string[];
  overrides: NonNullable<ConfigFile['overrides']>;
  customRules?: string;
  baseline?: string;
  inlineIgnores: boolean;
  diffScope: 'lines' | 'files';
  maxFileSize: number;
  maxFiles?: number;
  /** Secret detection settings (`secrets:`). */
  secrets: SecretSettings;
  /** Pipeline audit policy: actions whose tag pins are accepted. */
  pipeline: { trustedActions: string[] };
  /** Terraform variable files applied to every Terraform folder, as absolute paths. */
  varFiles?: string[];
}

let validateConfig: ReturnType<Ajv['compile']> | undefined;

/** The default configuration. */
export function defaultConfig(): PalisadeConfig {
  return {
    failOn: 'high',
    rules: { disable: [], severity: {} },
    categories: { disable: [] },
    exclude: [],
    overrides: [],
    inlineIgnores: true,
    diffScope: 'lines',
    maxFileSize: DEFAULT_MAX_FILE_SIZE,
    secrets: DEFAULT_SECRET_SETTINGS,
    pipeline: { trustedActions: [...DEFAULT_TRUSTED_ACTIONS] },
  };
}

/** Finds the config file in a folder, if there is one. */
export function findConfigFile(folder: string): string | undefined {
  return CONFIG_FILE_NAMES.map((name) => path.join(folder, name)).find((file) => existsSync(file));
}

/** Reads and validates a config file; a bad file is a UsageError naming the file, line and key. */
export function loadConfigFile(file: string): PalisadeConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read config: ${(error as Error).message}`, file);
  }
  return parseConfig(text, file);
}

/** Parses and validates config text. */
export function parseConfig(text: string, file = '.palisade.yml'): PalisadeConfig {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const syntaxError = doc.errors[0];
  if (syntaxError) {
    const line = lineOf(text, syntaxError.pos[0]);
    throw new UsageError(`invalid YAML: ${syntaxError.message.split(' at line ')[0]}`, file, line);
  }
  const raw = (doc.toJS({ maxAliasCount: 50 }) ?? {}) as ConfigFile;
  if (!validateConfig) {
    const schema = JSON.parse(readFileSync(packagePath('schemas/palisade-config.schema.json'), 'utf8'));
    validateConfig = addFormats(new Ajv({ allErrors: true, strict: false, useDefaults: false })).compile(
      schema,
    );
  }
  if (!validateConfig(raw)) {
    const error = mostSpecific(validateConfig.errors ?? []);
    const segments = error.instancePath.split('/').slice(1).map(unescapePointer);
    const key =
      error.params && 'additionalProperty' in error.params
        ? String(error.params.additionalProperty)
        : undefined;
    const node = doc.getIn(key ? [...segments, key] : segments, true);
    const keyNode = key ? findKeyNode(doc.getIn(segments, true), key) : undefined;
    const offset = (keyNode ?? (isNode(node) ? node : undefined))?.range?.[0] ?? 0;
    const where = segments.join('.');
    const what = key ? `unknown key "${key}"` : describe(error);
    throw new UsageError(where ? `${where}: ${what}` : what, file, lineOf(text, offset));
  }
  const base = path.dirname(path.resolve(file));
  const config = defaultConfig();
  return {
    ...config,
    source: path.resolve(file),
    failOn: raw['fail-on'] ?? config.failOn,
    rules: {
      enable: raw.rules?.enable,
      disable: raw.rules?.disable ?? [],
      severity: raw.rules?.severity ?? {},
    },
    categories: { enable: raw.categories?.enable, disable: raw.categories?.disable ?? [] },
    exclude: raw.exclude ?? [],
    overrides: raw.overrides ?? [],
    customRules: raw['custom-rules'] ? path.resolve(base, raw['custom-rules']) : undefined,
    baseline: raw.baseline ? path.resolve(base, raw.baseline) : undefined,
    inlineIgnores: raw['inline-ignores'] ?? true,
    diffScope: raw['diff-scope'] ?? 'lines',
    maxFileSize: parseSize(raw.limits?.['max-file-size']) ?? config.maxFileSize,
    maxFiles: raw.limits?.['max-files'],
    secrets: {
      enabled: raw.secrets?.enabled ?? true,
      disable: raw.secrets?.disable ?? [],
      entropy: {
        base64: raw.secrets?.entropy?.base64 ?? DEFAULT_SECRET_SETTINGS.entropy.base64,
        hex: raw.secrets?.entropy?.hex ?? DEFAULT_SECRET_SETTINGS.entropy.hex,
      },
    },
    pipeline: { trustedActions: raw.pipeline?.['trusted-actions'] ?? config.pipeline.trustedActions },
    varFiles: raw.terraform?.['var-files']?.map((file) => path.resolve(base, file)),
  };
}

const UNITS: Record<string, number> = {
  B: 1,
  KB: 1e3,
  MB: 1e6,
  GB: 1e9,
  KIB: 1024,
  MIB: 1024 ** 2,
  GIB: 1024 ** 3,
};

/** Parses `5MB`, `512KiB` or a plain number of bytes. */
export function parseSize(size: number | string | undefined): number | undefined {
  if (size === undefined || typeof size === 'number') return size;
  const match = /^([0-9]+(?:\.[0-9]+)?)\s*([A-Za-z]+)$/.exec(size.trim());
  const unit = match?.[2] ? UNITS[match[2].toUpperCase()] : undefined;
  if (!match || !unit) throw new UsageError(`invalid size "${size}" (use e.g. 5MB or 512KiB)`);
  return Math.round(Number(match[1]) * unit);
}

/** The deepest error is the one that names the offending key; oneOf noise is dropped. */
function mostSpecific(errors: ErrorObject[]): ErrorObject {
  const useful = errors.filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'if');
  const pool = useful.length ? useful : errors;
  return pool.reduce((best, e) => (e.instancePath.length > best.instancePath.length ? e : best), pool[0]!);
}

function describe(error: ErrorObject): string {
  if (error.keyword === 'enum')
    return `must be one of ${(error.params.allowedValues as unknown[]).join(', ')}`;
  return error.message ?? 'is invalid';
}

function findKeyNode(parent: unknown, key: string): Node | undefined {
  const items = (parent as { items?: Array<{ key?: Node & { value?: unknown } }> } | undefined)?.items;
  return items?.find((pair) => pair.key?.value === key)?.key;
}

function unescapePointer(segment: string): string | number {
  const text = segment.replace(/~1/g, '/').replace(/~0/g, '~');
  return /^\d+$/.test(text) ? Number(text) : text;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
