/**
 * Trends read a daily rollup of the finding events instead of grouping every event in the window: at a
 * million findings a 30-day trend read a million events joined to their findings (seconds); the rollup
 * holds a row per day, repository, event and severity. Scans and triage decisions add to it as they write
 * their events.
 */
import { sql } from 'kysely';
import type { AnyDatabase } from './columns.js';

export async function up(db: AnyDatabase): Promise<void> {
  await db.schema
    .createTable('finding_event_days')
    .addColumn('organization_id', 'integer', (c) => c.notNull())
    .addColumn('repository_id', 'integer', (c) => c.notNull())
    /** YYYY-MM-DD (UTC) of the events. */
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    // '' for no status (an opening): part of the key, so never NULL.
    .addColumn('from_status', 'text', (c) => c.notNull())
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('finding_event_days_key', [
      'organization_id',
      'repository_id',
      'day',
      'kind',
      'from_status',
      'to_status',
      'severity',
    ])
    .execute();
  await db.schema
    .createIndex('finding_event_days_by_day')
    .on('finding_event_days')
    .columns(['organization_id', 'day'])
    .execute();
  await sql`insert into finding_event_days
      (organization_id, repository_id, day, kind, from_status, to_status, severity, count)
    select findings.organization_id, findings.repository_id, substr(finding_events.created_at, 1, 10),
      finding_events.kind, coalesce(finding_events.from_status, ''), finding_events.to_status,
      findings.severity, count(*)
    from finding_events join findings on findings.id = finding_events.finding_id
    group by findings.organization_id, findings.repository_id, substr(finding_events.created_at, 1, 10),
      finding_events.kind, coalesce(finding_events.from_status, ''), finding_events.to_status, findings.severity`.execute(
    db,
  );
  // Mean time to remediate reads the findings closed in the window.
  await db.schema
    .createIndex('findings_by_mitigated')
    .on('findings')
    .columns(['organization_id', 'status', 'mitigated_at'])
    .execute();
}

export async function down(db: AnyDatabase): Promise<void> {
  await db.schema.dropIndex('findings_by_mitigated').execute();
  await db.schema.dropTable('finding_event_days').execute();
}
