/** Background ingestion: large uploads wait here, claimed by one worker at a time, until recorded. */
import { type AnyDatabase, identityColumn } from './columns.js';

export async function up(db: AnyDatabase): Promise<void> {
  const id = identityColumn(db);

  await db.schema
    .createTable('ingest_jobs')
    .addColumn('id', 'integer', id)
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('repository', 'text', (c) => c.notNull())
    .addColumn('commit_sha', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('run_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    // The validated upload as JSON (no secret values: the same checks as a direct upload); emptied when done.
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('findings_count', 'integer', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('scan_id', 'integer', (c) => c.references('scans.id'))
    .addColumn('error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('finished_at', 'text')
    // A retried upload of a run still waiting finds its job rather than queueing the work twice.
    .addUniqueConstraint('ingest_jobs_idempotency', [
      'organization_id',
      'provider',
      'owner',
      'repository',
      'commit_sha',
      'kind',
      'run_id',
    ])
    .execute();
  await db.schema.createIndex('ingest_jobs_by_status').on('ingest_jobs').columns(['status', 'id']).execute();
}

export async function down(db: AnyDatabase): Promise<void> {
  await db.schema.dropTable('ingest_jobs').execute();
}
