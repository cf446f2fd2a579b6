/** The server's settings from environment variables, with their defaults. */
import path from 'node:path';

export interface ServerConfig {
  host: string;
  port: number;
  dataDir: string;
  adminToken?: string;
  adminPassword?: string;
  demo: boolean;
  trustProxy: boolean;
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
  return {
    host: nonEmpty(env.HOST) ?? '127.0.0.1',
    port,
    dataDir: path.resolve(cwd, nonEmpty(env.PALISADE_DATA_DIR) ?? 'data'),
    adminToken,
    adminPassword,
    demo: env.PALISADE_DEMO !== '0' && env.PALISADE_DEMO !== 'false',
    trustProxy: env.PALISADE_TRUST_PROXY === '1' || env.PALISADE_TRUST_PROXY === 'true',
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
