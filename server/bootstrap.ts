/** First start: the default organisation, an admin API token and an admin dashboard user. */
import { hashPassword } from './auth/passwords.js';
import { generateApiToken, generatePassword, hashToken } from './auth/secrets.js';
import type { Organization, Storage } from './storage/storage.js';

export interface BootstrapOptions {
  /** The initial admin API token; generated when absent. */
  adminToken?: string;
  /** The initial password of the `admin` user; generated when absent. */
  adminPassword?: string;
}

export interface BootstrapResult {
  organization: Organization;
  /** False when the database was already set up: nothing was created. */
  created: boolean;
  /** Present only when generated now: to be shown once, never stored in clear. */
  generatedToken?: string;
  generatedPassword?: string;
}

export const DEFAULT_ORGANIZATION = 'default';
export const ADMIN_USERNAME = 'admin';

/** Sets up an empty database; on a database that has an organisation already, changes nothing. */
export async function bootstrap(storage: Storage, options: BootstrapOptions = {}): Promise<BootstrapResult> {
  if ((await storage.countOrganizations()) > 0) {
    const organization = await storage.findOrganizationBySlug(DEFAULT_ORGANIZATION);
    if (!organization) throw new Error(`the database has organisations but no "${DEFAULT_ORGANIZATION}" one`);
    return { organization, created: false };
  }
  const organization = await storage.createOrganization(DEFAULT_ORGANIZATION, 'Default organisation');
  const token = options.adminToken ?? generateApiToken();
  const password = options.adminPassword ?? generatePassword();
  await storage.createApiToken({
    organizationId: organization.id,
    name: 'bootstrap-admin',
    role: 'admin',
    tokenHash: hashToken(token),
  });
  await storage.createUser({
    organizationId: organization.id,
    username: ADMIN_USERNAME,
    passwordHash: await hashPassword(password),
    role: 'admin',
  });
  await storage.appendAudit({
    organizationId: organization.id,
    actor: 'system',
    action: 'bootstrap',
    target: null,
    details: { token: 'bootstrap-admin', user: ADMIN_USERNAME },
  });
  return {
    organization,
    created: true,
    generatedToken: options.adminToken === undefined ? token : undefined,
    generatedPassword: options.adminPassword === undefined ? password : undefined,
  };
}
