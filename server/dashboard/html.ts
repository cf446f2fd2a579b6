/**
 * HTML templating that escapes by construction: every value interpolated into `html` is escaped unless it
 * is itself the result of `html`, so user-controlled text can only ever become text.
 */

/** Markup that is already safe: produced by `html` from escaped parts. */
export class SafeHtml {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

export type Interpolation =
  | SafeHtml
  | string
  | number
  | boolean
  | null
  | undefined
  | readonly Interpolation[];

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for HTML content and quoted attributes. Control characters become their visible Unicode
 * pictures (U+2400 block) and bidirectional overrides a visible code, so that neither can hide or reorder
 * what a reader sees.
 */
export function escapeHtml(text: string): string {
  return text
    .replace(/[&<>"']/g, (character) => ENTITIES[character]!)
    .replace(/[\u0000-\u0008\u000b-\u001f]/g, (character) =>
      String.fromCharCode(0x2400 + character.charCodeAt(0)),
    )
    .replace(/\u007f/g, '\u2421')
    .replace(
      /[\u202a-\u202e\u2066-\u2069\u200e\u200f]/g,
      (character) => `[U+${character.charCodeAt(0).toString(16).toUpperCase()}]`,
    );
}

function render(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.markup;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/** Tagged template: `html\`<p>${text}</p>\`` escapes `text`; nested `html` results are kept as markup. */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let markup = strings[0]!;
  for (let index = 0; index < values.length; index++) markup += render(values[index]!) + strings[index + 1]!;
  return new SafeHtml(markup);
}

/** The URL when it is http(s), else null: a finding's help link must never become `javascript:`. */
export function safeLink(uri: string): string | null {
  try {
    const url = new URL(uri);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** A path with a query string from the defined, non-empty values of `params`. */
export function withQuery(path: string, params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}
