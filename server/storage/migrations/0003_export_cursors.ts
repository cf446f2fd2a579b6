/** Continuous export: how far each sink has read the finding events, and its retry state. */
import type { AnyDatabase } from './columns.js';

export async function up(db: AnyDatabase): Promise<void> {
  await db.schema
    .createTable('export_cursors')
    .addColumn('sink', 'text', (c) => c.primaryKey())
    .addColumn('last_event_id', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('next_attempt_at', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: AnyDatabase): Promise<void> {
  await db.schema.dropTable('export_cursors').execute();
}
