/** The sign-in form. */
import { html, withQuery } from '../html.js';

/**
 * The sign-in page body, with the CSRF token of the form and an optional error; `sso` adds the "Sign in with
 * SSO" link (a link, not a form: the CSP's form-action would stop the redirect to the identity provider).
 */
export function loginView(options: {
  csrfToken: string;
  next: string;
  username?: string;
  error?: string;
  sso?: boolean;
}) {
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
${options.sso ? html`<p class="sso"><a class="button" href="${withQuery('/login/oidc', { next: options.next === '/' ? undefined : options.next })}">Sign in with SSO</a></p>` : ''}
</section>`;
}

/**
 * The document the OIDC callback answers with: the browser follows it from this site, so the new
 * SameSite=Strict session cookie goes with the next request (a redirect from the identity provider's
 * navigation would leave it behind).
 */
export function signedInDocument(next: string, stylesheet: string): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="refresh" content="0;url=${next}">
<title>Signed in · Palisade</title>
<link rel="stylesheet" href="${stylesheet}">
</head>
<body><main><p>Signed in. <a href="${next}">Continue</a></p></main></body>
</html>
`.markup;
}
