/**
 * User management shared by the API and the dashboard: every change checks the organisation, keeps an
 * enabled admin, ends sessions where it must and writes an audit entry. Hashes never leave this layer.
 */
import { hashPassword, verifyPassword } from '../../auth/passwords.js';
import { generatePassword } from '../../auth/secrets.js';
import type { Storage, UserRole, UserView } from '../../storage/storage.js';

export const USERNAME_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._@+-]{0,199}$';
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 1000;

export type ManageError =
  | 'not-found'
  | 'last-admin'
  | 'username-taken'
  | 'invalid-username'
  | 'weak-password'
  | 'oidc-user'
  | 'wrong-password';

export const MANAGE_ERROR_MESSAGES: Record<ManageError, string> = {
  'not-found': 'No such user.',
  'last-admin': 'The organisation needs an enabled admin: this would leave it without one.',
  'username-taken': 'That username is taken.',
  'invalid-username':
    'A username is 1 to 200 letters, digits and . _ @ + -, starting with a letter or digit.',
  'weak-password': `A password is ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters long.`,
  'oidc-user': 'This user signs in through OIDC and has no password here.',
  'wrong-password': 'The current password is wrong.',
};

/** The HTTP status of each error, for the API and the dashboard's forms. */
export const MANAGE_ERROR_STATUS: Record<ManageError, 400 | 403 | 404 | 409> = {
  'not-found': 404,
  'last-admin': 409,
  'username-taken': 409,
  'invalid-username': 400,
  'weak-password': 400,
  'oidc-user': 409,
  'wrong-password': 403,
};

export type Managed<T> = { ok: T } | { error: ManageError };

/** Who acts, for the audit log. */
export interface Actor {
  organizationId: number;
  name: string;
}

function passwordProblem(password: string): boolean {
  return password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH;
}

/** Creates a local user with `password`, or a generated one that is returned to be shown once. */
export async function createLocalUser(
  storage: Storage,
  actor: Actor,
  input: { username: string; role: UserRole; password?: string },
): Promise<Managed<{ user: UserView; generatedPassword?: string }>> {
  if (!new RegExp(USERNAME_PATTERN).test(input.username)) return { error: 'invalid-username' };
  const given = input.password === undefined || input.password === '' ? undefined : input.password;
  if (given !== undefined && passwordProblem(given)) return { error: 'weak-password' };
  if (await storage.findUserByUsername(input.username)) return { error: 'username-taken' };
  const password = given ?? generatePassword();
  let created: Awaited<ReturnType<Storage['createUser']>>;
  try {
    created = await storage.createUser({
      organizationId: actor.organizationId,
      username: input.username,
      role: input.role,
      passwordHash: await hashPassword(password),
    });
  } catch (error) {
    // Two creations of one name at once: the unique constraint decides.
    if (await storage.findUserByUsername(input.username)) return { error: 'username-taken' };
    throw error;
  }
  await storage.appendAudit({
    organizationId: actor.organizationId,
    actor: actor.name,
    action: 'user.create',
    target: `user:${created.id}`,
    details: { username: created.username, role: created.role, generatedPassword: given === undefined },
  });
  const user = (await storage.listUsers(actor.organizationId)).find((view) => view.id === created.id);
  if (!user) throw new Error(`user ${created.id} vanished after it was created`);
  return { ok: { user, generatedPassword: given === undefined ? password : undefined } };
}

/** Changes a user's role and disabled state (either may be absent). */
export async function updateUser(
  storage: Storage,
  actor: Actor,
  userId: number,
  change: { role?: UserRole; disabled?: boolean },
  now: string,
): Promise<Managed<UserView>> {
  const before = await storage.getUser(actor.organizationId, userId);
  if (!before) return { error: 'not-found' };
  let user: UserView | undefined;
  if (change.role !== undefined && change.role !== before.role) {
    const result = await storage.changeUserRole(actor.organizationId, userId, change.role);
    if (result.outcome !== 'changed') return { error: result.outcome };
    user = result.user;
    await storage.appendAudit({
      organizationId: actor.organizationId,
      actor: actor.name,
      action: 'user.role',
      target: `user:${userId}`,
      details: { username: before.username, from: before.role, to: change.role },
    });
  }
  if (change.disabled !== undefined && change.disabled !== (before.disabledAt !== null)) {
    const result = await storage.setUserDisabled(actor.organizationId, userId, change.disabled, now);
    if (result.outcome !== 'changed') return { error: result.outcome };
    user = result.user;
    await storage.appendAudit({
      organizationId: actor.organizationId,
      actor: actor.name,
      action: change.disabled ? 'user.disable' : 'user.enable',
      target: `user:${userId}`,
      details: { username: before.username },
    });
  }
  user ??= (await storage.listUsers(actor.organizationId)).find((view) => view.id === userId);
  return user ? { ok: user } : { error: 'not-found' };
}

/** An admin sets a local user's password (or a generated one, returned to be shown once); sessions end. */
export async function resetPassword(
  storage: Storage,
  actor: Actor,
  userId: number,
  password: string | undefined,
): Promise<Managed<{ username: string; generatedPassword?: string }>> {
  const user = await storage.getUser(actor.organizationId, userId);
  if (!user) return { error: 'not-found' };
  if (user.source !== 'local') return { error: 'oidc-user' };
  const given = password === undefined || password === '' ? undefined : password;
  if (given !== undefined && passwordProblem(given)) return { error: 'weak-password' };
  const next = given ?? generatePassword();
  if (!(await storage.setUserPassword(actor.organizationId, userId, await hashPassword(next), null)))
    return { error: 'not-found' };
  await storage.appendAudit({
    organizationId: actor.organizationId,
    actor: actor.name,
    action: 'user.password.reset',
    target: `user:${userId}`,
    details: { username: user.username, generatedPassword: given === undefined },
  });
  return { ok: { username: user.username, generatedPassword: given === undefined ? next : undefined } };
}

/** A signed-in user changes their own password; their other sessions end, this one stays. */
export async function changeOwnPassword(
  storage: Storage,
  self: { organizationId: number; userId: number; sessionIdHash: string | null },
  currentPassword: string,
  newPassword: string,
): Promise<Managed<true>> {
  const user = await storage.getUser(self.organizationId, self.userId);
  if (!user) return { error: 'not-found' };
  if (user.source !== 'local') return { error: 'oidc-user' };
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    await storage.appendAudit({
      organizationId: self.organizationId,
      actor: `user:${user.username}`,
      action: 'user.password.change.failed',
      target: `user:${user.id}`,
      details: {},
    });
    return { error: 'wrong-password' };
  }
  if (passwordProblem(newPassword)) return { error: 'weak-password' };
  await storage.setUserPassword(
    self.organizationId,
    self.userId,
    await hashPassword(newPassword),
    self.sessionIdHash,
  );
  await storage.appendAudit({
    organizationId: self.organizationId,
    actor: `user:${user.username}`,
    action: 'user.password.change',
    target: `user:${user.id}`,
    details: {},
  });
  return { ok: true };
}
