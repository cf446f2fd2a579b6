/**
 * Code to cloud: the IaC inventory and CODEOWNERS of each scanned branch, cloud account inventories with their
 * import history, the links between the two, and what the analysis job derives from them (finding
 * priorities, resource traits, attack paths, secure scores with daily history, and its per-organisation
 * dirty flag).
 */
import { type AnyDatabase, identityColumn } from './columns.js';

export async function up(db: AnyDatabase): Promise<void> {
  const id = identityColumn(db);

  // One row per scanned branch: whose full scan the inventory is from, and the branch's CODEOWNERS text.
  await db.schema
    .createTable('branch_inventories')
    .addColumn('id', 'integer', id)
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('repository_id', 'integer', (c) => c.notNull().references('repositories.id'))
    .addColumn('branch', 'text', (c) => c.notNull())
    .addColumn('inventory_scan_id', 'integer', (c) => c.references('scans.id'))
    .addColumn('commit_sha', 'text')
    .addColumn('resource_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('codeowners', 'text')
    .addColumn('codeowners_scan_id', 'integer', (c) => c.references('scans.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('branch_inventories_identity', ['repository_id', 'branch'])
    .execute();
  await db.schema
    .createIndex('branch_inventories_by_organization')
    .on('branch_inventories')
    .columns(['organization_id', 'repository_id'])
    .execute();

  await db.schema
    .createTable('iac_resources')
    .addColumn('id', 'integer', id)
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('inventory_id', 'integer', (c) => c.notNull().references('branch_inventories.id'))
    .addColumn('family', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('kind', 'text')
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('module_path', 'text')
    .addColumn('name', 'text')
    .addColumn('file', 'text', (c) => c.notNull())
    .addColumn('line', 'integer', (c) => c.notNull())
    .addColumn('trace_tag', 'text')
    // JSON: string tags (secret-looking ones dropped) and the addresses this resource references.
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('reference_addresses', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('iac_resources_by_inventory')
    .on('iac_resources')
    .columns(['inventory_id', 'address'])
    .execute();

  await db.schema
    .createTable('cloud_accounts')
    .addColumn('id', 'integer', id)
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('cloud_accounts_identity', ['organization_id', 'provider', 'account_id'])
    .execute();

  // Every import that changed something: the history behind trends. The latest per (account, source) is current.
  await db.schema
    .createTable('cloud_snapshots')
    .addColumn('id', 'integer', id)
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('cloud_account_id', 'integer', (c) => c.notNull().references('cloud_accounts.id'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('content_sha256', 'text', (c) => c.notNull())
    .addColumn('observed_at', 'text')
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addColumn('resources', 'integer', (c) => c.notNull())
    .addColumn('checks', 'integer', (c) => c.notNull())
    .addColumn('failing_checks', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('cloud_snapshots_by_account')
    .on('cloud_snapshots')
    .columns(['cloud_account_id', 'source', 'id'])
    .execute();

  // A deployed resource, merged over the sources that report it; `observations` keeps each source's view.
  await db.schema
    .createTable('cloud_resources')
    .addColumn('id', 'integer', id)
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('cloud_account_id', 'integer', (c) => c.notNull().references('cloud_accounts.id'))
    .addColumn('uid', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('kind', 'text')
    .addColumn('region', 'text')
    .addColumn('name', 'text')
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('terraform_address', 'text')
    .addColumn('cloudformation_stack', 'text')
    .addColumn('cloudformation_logical_id', 'text')
    .addColumn('related', 'text', (c) => c.notNull())
    .addColumn('observations', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('cloud_resources_identity', ['cloud_account_id', 'uid'])
    .execute();
  await db.schema
    .createIndex('cloud_resources_by_organization')
    .on('cloud_resources')
    .columns(['organization_id', 'id'])
    .execute();

  await db.schema
    .createTable('cloud_checks')
    .addColumn('id', 'integer', id)
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('cloud_account_id', 'integer', (c) => c.notNull().references('cloud_accounts.id'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('resource_uid', 'text', (c) => c.notNull())
    .addColumn('check_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('categories', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('cloud_checks_by_resource')
    .on('cloud_checks')
    .columns(['cloud_account_id', 'resource_uid'])
    .execute();
  await db.schema
    .createIndex('cloud_checks_by_source')
    .on('cloud_checks')
    .columns(['cloud_account_id', 'source'])
    .execute();

  // Written by the analysis job, replaced as a whole per organisation each run.
  await db.schema
    .createTable('resource_links')
    .addColumn('id', 'integer', id)
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('iac_resource_id', 'integer', (c) => c.notNull().references('iac_resources.id'))
    .addColumn('cloud_resource_id', 'integer', (c) => c.notNull().references('cloud_resources.id'))
    .addColumn('method', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('resource_links_by_iac')
    .on('resource_links')
    .columns(['iac_resource_id'])
    .execute();
  await db.schema
    .createIndex('resource_links_by_cloud')
    .on('resource_links')
    .columns(['cloud_resource_id'])
    .execute();
  await db.schema
    .createIndex('resource_links_by_organization')
    .on('resource_links')
    .columns(['organization_id'])
    .execute();

  await db.schema
    .createTable('resource_traits')
    .addColumn('id', 'integer', id)
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id'))
    // `iac:<iac_resources.id>` or `cloud:<cloud_resources.id>`.
    .addColumn('resource_key', 'text', (c) => c.notNull())
    .addColumn('trait', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('resource_traits_by_key')
    .on('resource_traits')
    .columns(['organization_id', 'resource_key'])
    .execute();

  await db.schema
    .createTable('attack_paths')
    .addColumn('id', 'integer', id)
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('rank', 'integer', (c) => c.notNull())
    .addColumn('path_key', 'text', (c) => c.notNull())
    .addColumn('severity', 'text')
    .addColumn('hops', 'integer', (c) => c.notNull())
    .addColumn('admin_privilege', 'integer', (c) => c.notNull())
    .addColumn('sentence', 'text', (c) => c.notNull())
    // JSON: nodes, edges and finding ids.
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('attack_paths_by_organization')
    .on('attack_paths')
    .columns(['organization_id', 'rank'])
    .execute();

  // One row per scope, subject and day: today's row is rewritten by each run, earlier days are history.
  await db.schema
    .createTable('secure_scores')
    .addColumn('id', 'integer', id)
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('scope', 'text', (c) => c.notNull())
    // '' for the organisation, the repository id, or the cloud account id.
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('points', 'double precision', (c) => c.notNull())
    .addColumn('max_points', 'double precision', (c) => c.notNull())
    .addColumn('percent', 'double precision')
    .addColumn('controls', 'text', (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('secure_scores_identity', ['organization_id', 'scope', 'subject', 'day'])
    .execute();

  // requested > completed: the organisation's data changed since its last analysis.
  await db.schema
    .createTable('analysis_state')
    .addColumn('organization_id', 'integer', (c) => c.primaryKey().references('organizations.id'))
    .addColumn('requested', 'integer', (c) => c.notNull())
    .addColumn('completed', 'integer', (c) => c.notNull())
    .addColumn('lease_until', 'text')
    .addColumn('last_run_at', 'text')
    .addColumn('last_error', 'text')
    // 1 when the last run's attack-path search hit its work budget and stopped early.
    .addColumn('attack_paths_truncated', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema.alterTable('findings').addColumn('priority_score', 'integer').execute();
  // JSON: { factors, reasons } of the score.
  await db.schema.alterTable('findings').addColumn('priority_details', 'text').execute();
  await db.schema
    .createIndex('findings_by_priority')
    .on('findings')
    .columns(['organization_id', 'priority_score', 'id'])
    .execute();
}

export async function down(db: AnyDatabase): Promise<void> {
  await db.schema.dropIndex('findings_by_priority').execute();
  await db.schema.alterTable('findings').dropColumn('priority_details').execute();
  await db.schema.alterTable('findings').dropColumn('priority_score').execute();
  for (const table of [
    'analysis_state',
    'secure_scores',
    'attack_paths',
    'resource_traits',
    'resource_links',
    'cloud_checks',
    'cloud_resources',
    'cloud_snapshots',
    'cloud_accounts',
    'iac_resources',
    'branch_inventories',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
