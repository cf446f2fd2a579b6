/** Opens a PostgreSQL database behind the same Storage interface and migrations as SQLite. */
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database.js';
import { KyselyStorage } from './kysely-storage.js';

/** Connections per replica: ingestion holds one for a transaction, reads share the rest. */
const POOL_SIZE = 10;

/** Connects to `url` (postgres://…) and migrates the schema; the pool closes with the storage. */
export async function openPostgresStorage(url: string): Promise<KyselyStorage> {
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE });
  // A dropped connection must not crash the server: the pool replaces it on next use.
  pool.on('error', () => {});
  const storage = new KyselyStorage(
    new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }),
    'postgres',
  );
  try {
    await storage.migrate();
  } catch (error) {
    await storage.close();
    throw error;
  }
  return storage;
}

/** The database URL with any password replaced, for logs and error messages. */
export function redactDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://(unparsable URL)';
  }
}
