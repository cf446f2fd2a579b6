/** Who may do what: API token roles and dashboard user roles mapped onto the server's permissions. */
import type { TokenRole, UserRole } from '../storage/database.js';

export type Permission = 'ingest' | 'read' | 'triage' | 'admin';

/** Dashboard user roles, least privileged first. */
export const USER_ROLES = ['viewer', 'analyst', 'admin'] as const satisfies readonly UserRole[];

/** Whoever a request acts for: an API token or a signed-in dashboard user, always inside one organisation. */
export type Principal =
  | { kind: 'token'; id: number; organizationId: number; role: TokenRole; name: string }
  | { kind: 'user'; id: number; organizationId: number; role: UserRole; name: string; csrfToken: string };

const TOKEN_PERMISSIONS: Record<TokenRole, ReadonlySet<Permission>> = {
  ingest: new Set(['ingest']),
  read: new Set(['read']),
  admin: new Set(['ingest', 'read', 'triage', 'admin']),
};

const USER_PERMISSIONS: Record<UserRole, ReadonlySet<Permission>> = {
  viewer: new Set(['read']),
  analyst: new Set(['read', 'triage']),
  admin: new Set(['read', 'triage', 'admin']),
};

/** True when the principal's role grants `permission`. */
export function can(principal: Principal, permission: Permission): boolean {
  const granted =
    principal.kind === 'token' ? TOKEN_PERMISSIONS[principal.role] : USER_PERMISSIONS[principal.role];
  return granted.has(permission);
}

/** How the principal appears in audit entries and triage history. */
export function actorName(principal: Principal): string {
  return principal.kind === 'token' ? `token:${principal.name}` : `user:${principal.name}`;
}
