/**
 * Trends read the daily rollup (0008) since, so nothing reads finding events by organisation and date any
 * more: the index only cost every scan and triage decision an extra write per event.
 */
import type { AnyDatabase } from './columns.js';

export async function up(db: AnyDatabase): Promise<void> {
  await db.schema.dropIndex('finding_events_by_organization').execute();
}

export async function down(db: AnyDatabase): Promise<void> {
  await db.schema
    .createIndex('finding_events_by_organization')
    .on('finding_events')
    .columns(['organization_id', 'created_at'])
    .execute();
}
