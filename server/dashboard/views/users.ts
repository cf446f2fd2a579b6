/** User management for admins, and the account page where anyone changes their own password. */
import { USER_ROLES } from '../../domain/roles.js';
import type { UserView } from '../../storage/storage.js';
import { html, type SafeHtml } from '../html.js';
import { formatTime } from './layout.js';

/** A message after a form: an error, or what was done (with a generated password to show once). */
export interface UsersNotice {
  error?: string;
  done?: string;
  /** A generated password: shown in this page only, never stored in clear. */
  password?: { username: string; value: string };
}

function roleSelect(current: string): SafeHtml {
  return html`<select name="role">${USER_ROLES.map(
    (role) => html`<option value="${role}"${role === current ? html` selected` : ''}>${role}</option>`,
  )}</select>`;
}

/** The users page body: the organisation's users with their actions, and the form to create one. */
export function usersView(options: {
  users: UserView[];
  csrfToken: string;
  selfId: number;
  oidcEnabled: boolean;
  notice?: UsersNotice;
}): SafeHtml {
  const { users, csrfToken, notice } = options;
  const csrf = html`<input type="hidden" name="csrf" value="${csrfToken}">`;
  return html`<h1>Users</h1>
${notice?.error ? html`<p class="error" role="alert">${notice.error}</p>` : ''}
${notice?.done ? html`<p role="status">${notice.done}</p>` : ''}
${
  notice?.password
    ? html`<p role="status">Password of <strong>${notice.password.username}</strong> (shown once, note it now):
  <code>${notice.password.value}</code></p>`
    : ''
}
<table class="users">
  <thead><tr><th>User</th><th>Sign-in</th><th>Role</th><th>State</th><th>Last sign-in</th><th>Password</th></tr></thead>
  <tbody>
  ${users.map(
    (user) => html`<tr>
    <td>${user.username}${user.id === options.selfId ? html` <span class="muted">(you)</span>` : ''}</td>
    <td>${user.source === 'oidc' ? 'SSO' : 'password'}</td>
    <td><form method="post" action="/users/${user.id}">${csrf}
      ${roleSelect(user.role)} <button type="submit" name="action" value="role">Change</button></form></td>
    <td><form method="post" action="/users/${user.id}">${csrf}
      ${user.disabled ? html`disabled <button type="submit" name="action" value="enable">Enable</button>` : html`enabled <button type="submit" name="action" value="disable">Disable</button>`}
    </form></td>
    <td class="nowrap">${formatTime(user.lastSignInAt)}</td>
    <td>${
      user.source === 'local'
        ? html`<form method="post" action="/users/${user.id}/password">${csrf}
      <button type="submit">Reset</button></form>`
        : html`<span class="muted">at the identity provider</span>`
    }</td>
  </tr>`,
  )}
  </tbody>
</table>
<h2>Create a user</h2>
<form class="triage" method="post" action="/users">
  ${csrf}
  <label>Username <input name="username" required maxlength="200" autocomplete="off"></label>
  <label>Role ${roleSelect('viewer')}</label>
  <label>Password (empty: generate one) <input name="password" type="password" maxlength="1000" autocomplete="new-password"></label>
  <button type="submit">Create</button>
</form>
${
  options.oidcEnabled
    ? html`<p class="muted">Users who sign in with SSO are created at their first sign-in. A local user's name is
never given to an SSO identity.</p>`
    : ''
}`;
}

/** The account page body: the user's own password, when they have one here. */
export function accountView(options: {
  username: string;
  role: string;
  source: 'local' | 'oidc';
  csrfToken: string;
  error?: string;
  done?: string;
}): SafeHtml {
  return html`<h1>Account</h1>
<p>${options.username} <span class="muted">${options.role}</span></p>
${options.error ? html`<p class="error" role="alert">${options.error}</p>` : ''}
${options.done ? html`<p role="status">${options.done}</p>` : ''}
${
  options.source === 'oidc'
    ? html`<p>You sign in with SSO: change your password at your identity provider.</p>`
    : html`<h2>Change password</h2>
<form class="triage" method="post" action="/account/password">
  <input type="hidden" name="csrf" value="${options.csrfToken}">
  <label>Current password <input name="currentPassword" type="password" required maxlength="1000" autocomplete="current-password"></label>
  <label>New password (12 characters or more) <input name="newPassword" type="password" required minlength="12" maxlength="1000" autocomplete="new-password"></label>
  <button type="submit">Change password</button>
</form>`
}`;
}
