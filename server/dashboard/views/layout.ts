/** The page frame: head with the one stylesheet, navigation, the signed-in user and a sign-out form. */
import { html, type SafeHtml } from '../html.js';

export interface PageUser {
  name: string;
  role: string;
  csrfToken: string;
}

export interface Page {
  title: string;
  body: SafeHtml;
  user?: PageUser;
  /** Which navigation entry is current. */
  section?: 'overview' | 'findings' | 'posture' | 'graph' | 'users' | 'account';
  stylesheet: string;
}

/** A whole HTML document around `page.body`. */
export function layout(page: Page): string {
  const navLink = (href: string, label: string, section: Page['section']) =>
    html`<a href="${href}"${page.section === section ? html` aria-current="page"` : ''}>${label}</a>`;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title} · Palisade</title>
<link rel="stylesheet" href="${page.stylesheet}">
</head>
<body>
<a class="skip-link" href="#main">Skip to the content</a>
<header class="top">
  <a class="brand" href="/">Palisade</a>
  ${
    page.user
      ? html`<nav>${navLink('/', 'Overview', 'overview')}${navLink('/findings', 'Findings', 'findings')}${navLink(
          '/posture',
          'Posture',
          'posture',
        )}${navLink('/graph', 'Graph', 'graph')}${
          page.user.role === 'admin' ? navLink('/users', 'Users', 'users') : ''
        }${navLink('/account', 'Account', 'account')}</nav>
  <form class="signout" method="post" action="/logout">
    <span>${page.user.name} (${page.user.role})</span>
    <input type="hidden" name="csrf" value="${page.user.csrfToken}">
    <button type="submit">Sign out</button>
  </form>`
      : ''
  }
</header>
<main id="main" tabindex="-1">
${page.body}
</main>
</body>
</html>
`.markup;
}

/** A short UTC timestamp for tables, from an ISO string. */
export function formatTime(iso: string | null): string {
  return iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : '—';
}

/** A severity or status badge. */
export function badge(kind: 'severity' | 'status', value: string): SafeHtml {
  return html`<span class="badge ${kind}-${value}">${value.replace('_', ' ')}</span>`;
}
