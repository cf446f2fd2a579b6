/** Indexes for the finding queries measured at a million findings (npm run bench:server). */
import type { AnyDatabase } from './columns.js';

export async function up(db: AnyDatabase): Promise<void> {
  // Filters by severity or category, sorted by severity, stop after a page instead of sorting the set.
  await db.schema
    .createIndex('findings_by_severity')
    .on('findings')
    .columns(['organization_id', 'severity', 'severity_rank', 'id'])
    .execute();
  await db.schema
    .createIndex('findings_by_category')
    .on('findings')
    .columns(['organization_id', 'category', 'severity_rank', 'id'])
    .execute();
  // One repository's findings in severity order.
  await db.schema
    .createIndex('findings_by_repository')
    .on('findings')
    .columns(['repository_id', 'severity_rank', 'id'])
    .execute();
  // Open counts per repository and severity are read from the index alone.
  await db.schema
    .createIndex('findings_open_by_repository')
    .on('findings')
    .columns(['organization_id', 'status', 'repository_id', 'severity'])
    .execute();
}

export async function down(db: AnyDatabase): Promise<void> {
  for (const index of [
    'findings_by_severity',
    'findings_by_category',
    'findings_by_repository',
    'findings_open_by_repository',
  ]) {
    await db.schema.dropIndex(index).execute();
  }
}
