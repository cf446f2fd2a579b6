/** The server's settings from environment variables, with their defaults. */
import path from 'node:path';
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
  };
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
