/** Opens the embedded SQLite database under the data folder, in WAL mode, behind the Storage interface. */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { preparedRowInsert } from './bulk-insert.js';
import type { Database } from './database.js';
import { KyselyStorage } from './kysely-storage.js';

/** The database file inside a data folder. */
export function sqliteFile(dataDir: string): string {
  return path.join(dataDir, 'palisade.sqlite');
}

/** Opens (creating when needed) and migrates the SQLite database in `dataDir`. */
export async function openSqliteStorage(dataDir: string): Promise<KyselyStorage> {
  mkdirSync(dataDir, { recursive: true });
  const database = new SqliteDatabase(sqliteFile(dataDir));
  // WAL lets readers go on while a scan is being written; NORMAL sync is safe in WAL mode and much faster.
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  // Measured on bench:server, 1,000,000 findings on 2 cores: checkpointing every 40,000 WAL pages (160 MiB)
  // instead of SQLite's 1,000 copies each index page a scan dirtied once rather than many times: 68 s at 1,000,
  // 54 s at 10,000, 47 s at 40,000. After a checkpoint the WAL file is cut back to 64 MiB.
  // 64 MiB of page cache (instead of 2 MiB) and memory-mapped reads of index pages: 58 s -> 49 s.
  database.pragma('wal_autocheckpoint = 40000');
  database.pragma('journal_size_limit = 67108864');
  database.pragma('cache_size = -65536');
  database.pragma('mmap_size = 268435456');
  const storage = new KyselyStorage(
    new Kysely<Database>({ dialect: new SqliteDialect({ database }) }),
    'sqlite',
    preparedRowInsert(database),
  );
  await storage.migrate();
  // The planner picks indexes from statistics: without them it reads every open finding to find one owner's.
  // On open and every hour, statistics for the tables that changed enough to need them. Without bit 0x10, the
  // analysis reads whole indexes: the light default samples 2,000 rows per index, and at a million findings that
  // made every index look alike (the owner filter then read 200,000 critical findings instead of 8,000).
  // A full analysis costs about 2 s at a million findings, and SQLite runs one only after large changes.
  const optimize = () => database.pragma('optimize=0x10002');
  optimize();
  const hourly = setInterval(() => {
    if (database.open) optimize();
  }, 3_600_000);
  hourly.unref();
  return storage;
}
