/**
 * Read paths measured at a million findings (npm run bench:server): open counts kept per repository, so
 * that the repository list reads one row per repository instead of grouping every open finding, and `id`
 * in the status index, so that "newest open, by severity" reads a page in index order on PostgreSQL.
 */
import { sql } from 'kysely';
import type { AnyDatabase } from './columns.js';

export async function up(db: AnyDatabase): Promise<void> {
  await db.schema.dropIndex('findings_by_status').execute();
  await db.schema
    .createIndex('findings_by_status')
    .on('findings')
    .columns(['organization_id', 'status', 'severity_rank', 'id'])
    .execute();

  await db.schema
    .createTable('repository_open_counts')
    .addColumn('repository_id', 'integer', (c) => c.primaryKey().references('repositories.id'))
    .addColumn('organization_id', 'integer', (c) => c.notNull())
    .addColumn('critical', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('high', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('medium', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('low', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('info', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`insert into repository_open_counts (repository_id, organization_id, critical, high, medium, low, info)
    select repositories.id, repositories.organization_id,
      count(case when findings.severity = 'critical' then 1 end),
      count(case when findings.severity = 'high' then 1 end),
      count(case when findings.severity = 'medium' then 1 end),
      count(case when findings.severity = 'low' then 1 end),
      count(case when findings.severity = 'info' then 1 end)
    from repositories left join findings
      on findings.repository_id = repositories.id and findings.status = 'open'
    group by repositories.id, repositories.organization_id`.execute(db);
}

export async function down(db: AnyDatabase): Promise<void> {
  await db.schema.dropTable('repository_open_counts').execute();
  await db.schema.dropIndex('findings_by_status').execute();
  await db.schema
    .createIndex('findings_by_status')
    .on('findings')
    .columns(['organization_id', 'status', 'severity_rank'])
    .execute();
}
