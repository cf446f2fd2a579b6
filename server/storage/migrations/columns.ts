/** Column builders the migrations share, written so that one migration runs on SQLite and PostgreSQL. */
import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's table types.
export type AnyDatabase = Kysely<any>;

/**
 * An auto-numbered primary key: an identity column on PostgreSQL, INTEGER PRIMARY KEY AUTOINCREMENT on
 * SQLite (which has no identity columns).
 */
export function identityColumn(
  db: AnyDatabase,
): (column: ColumnDefinitionBuilder) => ColumnDefinitionBuilder {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  return (column) =>
    postgres ? column.primaryKey().generatedByDefaultAsIdentity() : column.primaryKey().autoIncrement();
}
