/** Chooses the database: PostgreSQL when a URL is given, else embedded SQLite in the data folder. */
import { openPostgresStorage } from './postgres.js';
import { openSqliteStorage } from './sqlite.js';
import type { Storage } from './storage.js';

export interface StorageLocation {
  dataDir: string;
  /** postgres:// or postgresql:// URL; SQLite under dataDir when absent. */
  databaseUrl?: string;
}

/** Opens and migrates the configured database. */
export async function openStorage(location: StorageLocation): Promise<Storage> {
  return location.databaseUrl
    ? openPostgresStorage(location.databaseUrl)
    : openSqliteStorage(location.dataDir);
}
