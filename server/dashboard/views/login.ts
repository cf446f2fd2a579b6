/** The sign-in form. */
import { html } from '../html.js';

/** The sign-in page body, with the CSRF token of the form and an optional error. */
export function loginView(options: { csrfToken: string; next: string; username?: string; error?: string }) {
  return html`<section class="login">
<h1>Sign in</h1>
${options.error ? html`<p class="error" role="alert">${options.error}</p>` : ''}
<form method="post" action="/login">
  <input type="hidden" name="csrf" value="${options.csrfToken}">
  <input type="hidden" name="next" value="${options.next}">
  <label>Username <input name="username" autocomplete="username" required value="${options.username ?? ''}"></label>
  <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
  <button type="submit">Sign in</button>
</form>
</section>`;
}
