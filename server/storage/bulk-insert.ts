/**
 * Inserting a scan's new findings and their events: the ingest hot path. SQLite runs one cached prepared
 * statement per row, since compiling and preparing a 30,000-parameter multi-row insert for every batch cost
 * more than SQLite's own work; PostgreSQL gets multi-row inserts, which save a round trip per row.
 */
import type SqliteDatabase from 'better-sqlite3';
import type { Insertable, Transaction } from 'kysely';
import { chunk, MAX_PARAMETERS } from './batches.js';
import type { Database } from './database.js';

type RowsOf<T extends keyof Database> = ReadonlyArray<Insertable<Database[T]>>;

/** Inserts rows that all have the same columns, in order; returns their new ids, in the same order. */
export type BulkInsert = <T extends 'findings' | 'finding_events'>(
  trx: Transaction<Database>,
  table: T,
  rows: RowsOf<T>,
) => Promise<number[]>;

/** Multi-row inserts through kysely, as many rows per statement as the parameter limit allows. */
export const multiRowInsert: BulkInsert = async (trx, table, rows) => {
  const ids: number[] = [];
  const columnsPerRow = rows[0] ? Object.keys(rows[0]).length : 1;
  for (const batch of chunk(rows, Math.floor(MAX_PARAMETERS / columnsPerRow))) {
    // `values` cannot check one row type against a table chosen at run time; BulkInsert's signature does.
    const inserted = await trx
      .insertInto(table)
      .values(batch as never)
      .returning('id')
      .execute();
    for (const row of inserted) ids.push(row.id);
  }
  return ids;
};

/**
 * One prepared statement per table and column list, run per row on the connection kysely's transaction holds
 * (better-sqlite3 is synchronous, so nothing else runs on it meanwhile). Names come from code, never from input.
 */
export function preparedRowInsert(database: SqliteDatabase.Database): BulkInsert {
  const statements = new Map<string, SqliteDatabase.Statement>();
  return async (_trx, table, rows) => {
    const first = rows[0];
    if (!first) return [];
    const columns = Object.keys(first);
    const key = `${table}(${columns.join(',')})`;
    let statement = statements.get(key);
    if (!statement) {
      const names = columns.map((column) => `"${column}"`).join(', ');
      const placeholders = columns.map(() => '?').join(', ');
      statement = database.prepare(`insert into "${table}" (${names}) values (${placeholders})`);
      statements.set(key, statement);
    }
    const ids = new Array<number>(rows.length);
    const values = new Array<unknown>(columns.length);
    for (let index = 0; index < rows.length; index++) {
      const row = rows[index] as Record<string, unknown>;
      for (let column = 0; column < columns.length; column++) values[column] = row[columns[column]!] ?? null;
      ids[index] = Number(statement.run(values).lastInsertRowid);
    }
    return ids;
  };
}
