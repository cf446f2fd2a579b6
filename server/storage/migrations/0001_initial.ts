/** The first schema: organisations, repositories, scans, findings and their history, access and audit. */
import { type AnyDatabase, identityColumn } from './columns.js';

// Written with the schema builder only, so the same migration runs on SQLite and PostgreSQL.

/** Creates every table and index of the first version. */
export async function up(db: AnyDatabase): Promise<void> {
  const id = identityColumn(db);

  await db.schema
    .createTable('organizations')
    .addColumn('id', 'integer', id)
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('repositories')
    .addColumn('id', 'integer', id)
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('repositories_identity', ['organization_id', 'provider', 'owner', 'name'])
    .execute();

  await db.schema
    .createTable('scans')
    .addColumn('id', 'integer', id)
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('repository_id', 'integer', (c) => c.notNull().references('repositories.id'))
    .addColumn('branch', 'text', (c) => c.notNull())
    .addColumn('commit_sha', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('run_id', 'text', (c) => c.notNull())
    .addColumn('run_url', 'text')
    .addColumn('pull_request', 'text')
    .addColumn('tool_name', 'text', (c) => c.notNull())
    .addColumn('tool_version', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('findings_total', 'integer', (c) => c.notNull())
    .addColumn('findings_new', 'integer', (c) => c.notNull())
    .addColumn('findings_closed', 'integer', (c) => c.notNull())
    .addColumn('findings_reopened', 'integer', (c) => c.notNull())
    .addColumn('severity_counts', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    // Idempotency: a retried upload of the same run finds the scan it already made.
    .addUniqueConstraint('scans_idempotency', ['repository_id', 'commit_sha', 'kind', 'run_id'])
    .execute();
  await db.schema
    .createIndex('scans_by_repository')
    .on('scans')
    .columns(['repository_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('findings')
    .addColumn('id', 'integer', id)
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('repository_id', 'integer', (c) => c.notNull().references('repositories.id'))
    .addColumn('branch', 'text', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('rule_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('severity_rank', 'integer', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('file', 'text', (c) => c.notNull())
    .addColumn('start_line', 'integer', (c) => c.notNull())
    .addColumn('start_column', 'integer', (c) => c.notNull())
    .addColumn('end_line', 'integer', (c) => c.notNull())
    .addColumn('end_column', 'integer', (c) => c.notNull())
    .addColumn('resource', 'text')
    .addColumn('help_uri', 'text', (c) => c.notNull())
    .addColumn('remediation', 'text', (c) => c.notNull())
    .addColumn('cwe', 'text', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('secret_sha256', 'text')
    .addColumn('secret_preview', 'text')
    .addColumn('suppression_kind', 'text')
    .addColumn('suppression_justification', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_reason', 'text')
    .addColumn('status_owner', 'text')
    .addColumn('status_expires_at', 'text')
    .addColumn('first_seen_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('mitigated_at', 'text')
    .addColumn('first_scan_id', 'integer', (c) => c.notNull().references('scans.id'))
    .addColumn('last_scan_id', 'integer', (c) => c.notNull().references('scans.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    // A finding's identity on a branch is its fingerprint, never its line.
    .addUniqueConstraint('findings_identity', ['repository_id', 'branch', 'fingerprint'])
    .execute();
  await db.schema
    .createIndex('findings_by_status')
    .on('findings')
    .columns(['organization_id', 'status', 'severity_rank'])
    .execute();
  await db.schema
    .createIndex('findings_by_rule')
    .on('findings')
    .columns(['organization_id', 'rule_id'])
    .execute();
  await db.schema
    .createIndex('findings_by_last_seen')
    .on('findings')
    .columns(['organization_id', 'last_seen_at'])
    .execute();

  await db.schema
    .createTable('finding_events')
    .addColumn('id', 'integer', id)
    .addColumn('finding_id', 'integer', (c) => c.notNull().references('findings.id'))
    .addColumn('scan_id', 'integer', (c) => c.references('scans.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('actor', 'text')
    .addColumn('reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('finding_events_by_finding')
    .on('finding_events')
    .column('finding_id')
    .execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'integer', id)
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'integer', id)
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'integer', id)
    .addColumn('organization_id', 'integer', (c) => c.references('organizations.id'))
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target', 'text')
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('audit_log_by_organization')
    .on('audit_log')
    .columns(['organization_id', 'created_at'])
    .execute();
}

/** Drops everything the first version created. */
export async function down(db: AnyDatabase): Promise<void> {
  for (const table of [
    'audit_log',
    'sessions',
    'users',
    'api_tokens',
    'finding_events',
    'findings',
    'scans',
    'repositories',
    'organizations',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
