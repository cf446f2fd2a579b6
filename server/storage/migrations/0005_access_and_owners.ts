/**
 * Access and ownership: dashboard users signed in through OIDC or disabled, finding owners (assigned by a
 * person or derived), and the indexes behind the owner, age and trend queries.
 */
import { sql } from 'kysely';
import type { AnyDatabase } from './columns.js';

export async function up(db: AnyDatabase): Promise<void> {
  // 'local' (a password) or 'oidc' (provisioned by an OIDC sign-in, password_hash empty).
  await db.schema
    .alterTable('users')
    .addColumn('auth_source', 'text', (c) => c.notNull().defaultTo('local'))
    .execute();
  // "<issuer> <sub>" of an OIDC user: the identity it signs in with, whatever its username.
  await db.schema.alterTable('users').addColumn('oidc_subject', 'text').execute();
  await db.schema.alterTable('users').addColumn('disabled_at', 'text').execute();
  await db.schema.alterTable('users').addColumn('last_sign_in_at', 'text').execute();
  await db.schema.createIndex('users_by_oidc_subject').on('users').column('oidc_subject').unique().execute();
  await db.schema
    .createIndex('users_by_organization')
    .on('users')
    .columns(['organization_id', 'id'])
    .execute();
  await db.schema.createIndex('sessions_by_user').on('sessions').column('user_id').execute();

  await db.schema.alterTable('findings').addColumn('owner', 'text').execute();
  // Who set the owner: 'assigned' (a person, never overwritten by a derivation), 'codeowners' or 'tag'.
  await db.schema.alterTable('findings').addColumn('owner_source', 'text').execute();
  await db.schema
    .createIndex('findings_by_owner')
    .on('findings')
    .columns(['organization_id', 'owner', 'severity_rank', 'id'])
    .execute();
  await db.schema
    .createIndex('findings_by_first_seen')
    .on('findings')
    .columns(['organization_id', 'first_seen_at', 'id'])
    .execute();

  // Events carry their organisation, so that trends read one index range instead of joining every event.
  await db.schema.alterTable('finding_events').addColumn('organization_id', 'integer').execute();
  await sql`update finding_events set organization_id = (
    select findings.organization_id from findings where findings.id = finding_events.finding_id
  )`.execute(db);
  await db.schema
    .createIndex('finding_events_by_organization')
    .on('finding_events')
    .columns(['organization_id', 'created_at'])
    .execute();
}

export async function down(db: AnyDatabase): Promise<void> {
  for (const index of [
    'finding_events_by_organization',
    'findings_by_first_seen',
    'findings_by_owner',
    'sessions_by_user',
    'users_by_organization',
    'users_by_oidc_subject',
  ]) {
    await db.schema.dropIndex(index).execute();
  }
  await db.schema.alterTable('finding_events').dropColumn('organization_id').execute();
  for (const column of ['owner_source', 'owner']) {
    await db.schema.alterTable('findings').dropColumn(column).execute();
  }
  for (const column of ['last_sign_in_at', 'disabled_at', 'oidc_subject', 'auth_source']) {
    await db.schema.alterTable('users').dropColumn(column).execute();
  }
}
