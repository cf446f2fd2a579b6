/** The server's settings from environment variables, with their defaults. */
import path from 'node:path';
import { isLoopbackHttp, OIDC_CALLBACK_PATH, type OidcSettings } from './auth/oidc.js';
import { type CodeHosts, parseCodeHosts } from './domain/code-url.js';
import { parseSlaDays, type SlaDays } from './domain/governance.js';
import { readExportSinks } from './export/config.js';
import type { SinkConfig } from './export/sinks.js';

export interface ServerConfig {
  host: string;
  port: number;
  dataDir: string;
  /** PostgreSQL instead of embedded SQLite (DATABASE_URL). */
  databaseUrl?: string;
  adminToken?: string;
  adminPassword?: string;
  demo: boolean;
  trustProxy: boolean;
  /** Uploads with at least this many findings are queued (PALISADE_ASYNC_INGEST_THRESHOLD). */
  asyncIngestThreshold: number;
  /** Lease of a background job, renewed while it runs (PALISADE_JOB_LEASE_SECONDS). */
  jobLeaseMs: number;
  /** Continuous export sinks (PALISADE_EXPORTS). */
  exports: SinkConfig[];
  /** OIDC sign-in, when PALISADE_OIDC_ISSUER is set. */
  oidc?: OidcSettings;
  /** Self-hosted code hosts for links to source (PALISADE_CODE_HOSTS). */
  codeHosts: CodeHosts;
  /** Days to fix an open finding, by severity (PALISADE_SLA_DAYS). */
  slaDays: SlaDays;
}

/** The settings from HOST, PORT and the PALISADE_* variables (see docs/server.md), checked. */
export function readServerConfig(env: NodeJS.ProcessEnv, cwd = process.cwd()): ServerConfig {
  const port = Number(env.PORT ?? '8080');
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`PORT must be a port number (0-65535), not "${env.PORT}"`);
  }
  const adminToken = nonEmpty(env.PALISADE_ADMIN_TOKEN);
  if (adminToken !== undefined && adminToken.length < 20) {
    throw new Error('PALISADE_ADMIN_TOKEN must be at least 20 characters long');
  }
  const adminPassword = nonEmpty(env.PALISADE_ADMIN_PASSWORD);
  if (adminPassword !== undefined && adminPassword.length < 12) {
    throw new Error('PALISADE_ADMIN_PASSWORD must be at least 12 characters long');
  }
  const databaseUrl = nonEmpty(env.DATABASE_URL);
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error('DATABASE_URL must be a postgres:// or postgresql:// URL');
  }
  const asyncIngestThreshold = positiveInteger(env, 'PALISADE_ASYNC_INGEST_THRESHOLD', 5_000);
  const jobLeaseMs = positiveInteger(env, 'PALISADE_JOB_LEASE_SECONDS', 60) * 1000;
  return {
    host: nonEmpty(env.HOST) ?? '127.0.0.1',
    port,
    dataDir: path.resolve(cwd, nonEmpty(env.PALISADE_DATA_DIR) ?? 'data'),
    databaseUrl,
    adminToken,
    adminPassword,
    demo: env.PALISADE_DEMO !== '0' && env.PALISADE_DEMO !== 'false',
    trustProxy: env.PALISADE_TRUST_PROXY === '1' || env.PALISADE_TRUST_PROXY === 'true',
    asyncIngestThreshold,
    jobLeaseMs,
    exports: readExportSinks(env),
    oidc: readOidcSettings(env),
    codeHosts: parseCodeHosts(nonEmpty(env.PALISADE_CODE_HOSTS)),
    slaDays: parseSlaDays(nonEmpty(env.PALISADE_SLA_DAYS)),
  };
}

/** OIDC sign-in from the PALISADE_OIDC_* variables; undefined when PALISADE_OIDC_ISSUER is unset. */
export function readOidcSettings(env: NodeJS.ProcessEnv): OidcSettings | undefined {
  const issuer = nonEmpty(env.PALISADE_OIDC_ISSUER);
  if (issuer === undefined) return undefined;
  const issuerUrl = parseUrl('PALISADE_OIDC_ISSUER', issuer);
  if (issuerUrl.protocol !== 'https:' && !isLoopbackHttp(issuerUrl)) {
    throw new Error('PALISADE_OIDC_ISSUER must be an https:// URL (http:// only on localhost)');
  }
  const required = (name: string) => {
    const value = nonEmpty(env[name]);
    if (value === undefined) throw new Error(`${name} is required when PALISADE_OIDC_ISSUER is set`);
    return value;
  };
  const publicUrl = nonEmpty(env.PALISADE_PUBLIC_URL);
  const redirect =
    nonEmpty(env.PALISADE_OIDC_REDIRECT_URL) ??
    (publicUrl === undefined
      ? undefined
      : new URL(OIDC_CALLBACK_PATH.slice(1), `${publicUrl.replace(/\/+$/, '')}/`).href);
  if (redirect === undefined) {
    throw new Error(
      'PALISADE_OIDC_REDIRECT_URL or PALISADE_PUBLIC_URL is required when PALISADE_OIDC_ISSUER is set',
    );
  }
  const redirectUrl = parseUrl('PALISADE_OIDC_REDIRECT_URL', redirect);
  if (!redirectUrl.pathname.endsWith(OIDC_CALLBACK_PATH)) {
    throw new Error(
      `PALISADE_OIDC_REDIRECT_URL must end with ${OIDC_CALLBACK_PATH}, not "${redirectUrl.pathname}"`,
    );
  }
  const allowedDomains = (nonEmpty(env.PALISADE_OIDC_ALLOWED_DOMAINS) ?? '')
    .split(',')
    .map((domain) => domain.trim().toLowerCase().replace(/^@/, ''))
    .filter((domain) => domain !== '');
  return {
    issuer,
    clientId: required('PALISADE_OIDC_CLIENT_ID'),
    clientSecret: required('PALISADE_OIDC_CLIENT_SECRET'),
    redirectUrl: redirectUrl.href,
    organization: nonEmpty(env.PALISADE_OIDC_ORGANIZATION) ?? 'default',
    roleClaim: nonEmpty(env.PALISADE_OIDC_ROLE_CLAIM),
    allowedDomains,
    scopes: nonEmpty(env.PALISADE_OIDC_SCOPES) ?? 'openid email profile',
  };
}

function parseUrl(name: string, value: string): URL {
  try {
    return new URL(value);
  } catch {
    throw new Error(`${name} must be a URL, not "${value}"`);
  }
}

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = nonEmpty(env[name]);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name} must be a whole number of 1 or more, not "${raw}"`);
  return value;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
