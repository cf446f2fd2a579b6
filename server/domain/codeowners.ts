/**
 * CODEOWNERS, as GitHub and GitLab read it.
 *
 * - One rule a line: a pattern, then owners (`@user`, `@org/team`, `@group/subgroup`, GitLab's `@@role`, or
 *   an e-mail address). `#` starts a comment at the start of a line or before a token; `\#` and `\ ` escape
 *   a hash and a space inside a pattern.
 * - Patterns follow gitignore: a leading `/`, or a `/` inside, anchors the pattern at the root; otherwise it
 *   matches at any depth. A trailing `/` matches a directory and everything under it; a pattern whose last
 *   segment is a plain name (`apps/github`, `**\/logs`) also covers everything under a directory of that
 *   name. A pattern whose last segment has a wildcard matches files only, so `docs/*` owns
 *   `docs/getting-started.md` but not `docs/build-app/troubleshooting.md` (GitHub's documented example).
 *   Matching is case-sensitive. Negation (`!`) and `[ ]` ranges are not supported by GitHub: such lines are
 *   reported and skipped, as GitHub skips invalid lines.
 * - The last matching rule wins, and a rule without owners makes its paths unowned.
 * - GitLab sections (`[Section]`, optional `^[Section]`, `[Section][2]`, default owners after the header):
 *   the last match wins inside each section, and the owners of every section are combined. A rule without
 *   owners in a section takes the section's default owners. Sections with the same name (any case) merge.
 */
import picomatch from 'picomatch';

export interface CodeownersRule {
  /** 1-based line in the file. */
  line: number;
  pattern: string;
  owners: string[];
  section: string | null;
}

export interface CodeownersError {
  line: number;
  message: string;
}

interface CompiledRule extends CodeownersRule {
  matches(path: string): boolean;
}

interface Section {
  name: string | null;
  defaultOwners: string[];
  rules: CompiledRule[];
}

const MAX_LINE_LENGTH = 4096;
/** A bound on wildcards keeps a hostile pattern from compiling to a regular expression that backtracks. */
const MAX_WILDCARDS = 16;
const OWNER = /^(@@?[\p{L}\p{N}_.-]+(\/[\p{L}\p{N}_.-]+)*|[^@\s]+@[^@\s]+\.[^@\s]+)$/u;
const SECTION = /^\^?\[([^\]]+)\](?:\[(\d+)\])?(.*)$/;

export class Codeowners {
  readonly errors: CodeownersError[] = [];
  private readonly sections: Section[] = [];

  constructor(text: string) {
    let current: Section = { name: null, defaultOwners: [], rules: [] };
    this.sections.push(current);
    const byName = new Map<string, Section>();
    const lines = text.split(/\r?\n/);
    for (let index = 0; index < lines.length; index++) {
      const lineNumber = index + 1;
      const line = (lines[index] as string).trim();
      if (line === '' || line.startsWith('#')) continue;
      if (line.length > MAX_LINE_LENGTH) {
        this.errors.push({ line: lineNumber, message: `line longer than ${MAX_LINE_LENGTH} characters` });
        continue;
      }
      const section = SECTION.exec(line);
      if (section) {
        const name = (section[1] as string).trim();
        const defaults = tokenize(section[3] as string);
        const bad = defaults.find((owner) => !OWNER.test(owner));
        if (bad !== undefined) {
          this.errors.push({ line: lineNumber, message: `invalid owner "${bad}" in section header` });
          continue;
        }
        const known = byName.get(name.toLowerCase());
        if (known) {
          current = known;
          if (defaults.length > 0) current.defaultOwners = defaults;
        } else {
          current = { name, defaultOwners: defaults, rules: [] };
          byName.set(name.toLowerCase(), current);
          this.sections.push(current);
        }
        continue;
      }
      const [rawPattern, ...owners] = tokenize(line);
      if (rawPattern === undefined) continue;
      const bad = owners.find((owner) => !OWNER.test(owner));
      if (bad !== undefined) {
        this.errors.push({ line: lineNumber, message: `invalid owner "${bad}"` });
        continue;
      }
      const compiled = compilePattern(rawPattern);
      if (typeof compiled === 'string') {
        this.errors.push({ line: lineNumber, message: compiled });
        continue;
      }
      current.rules.push({
        line: lineNumber,
        pattern: rawPattern,
        owners,
        section: current.name,
        matches: compiled,
      });
    }
  }

  /** Every valid rule in file order. */
  get rules(): CodeownersRule[] {
    return this.sections
      .flatMap((section) =>
        section.rules.map(({ line, pattern, owners, section: name }) => ({
          line,
          pattern,
          owners,
          section: name,
        })),
      )
      .sort((a, b) => a.line - b.line);
  }

  /** The owners of a repository path (`src/app.ts`, `/src/app.ts` and `./src/app.ts` are the same). */
  ownersFor(path: string): string[] {
    const normalised = normalisePath(path);
    if (normalised === '') return [];
    const owners: string[] = [];
    for (const section of this.sections) {
      for (let i = section.rules.length - 1; i >= 0; i--) {
        const rule = section.rules[i] as CompiledRule;
        if (!rule.matches(normalised)) continue;
        owners.push(...(rule.owners.length > 0 ? rule.owners : section.defaultOwners));
        break;
      }
    }
    return [...new Set(owners)];
  }
}

export function parseCodeowners(text: string): Codeowners {
  return new Codeowners(text);
}

function normalisePath(path: string): string {
  return path
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '')
    .replace(/^\/+/, '')
    .replace(/\/+$/, '');
}

/** Splits on unescaped whitespace, stops at an unescaped `#` that starts a token, unescapes `\ ` and `\#`. */
function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let token = '';
  let inToken = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '\\' && i + 1 < text.length) {
      const next = text[i + 1] as string;
      token += next === ' ' || next === '\t' || next === '#' ? next : `\\${next}`;
      inToken = true;
      i++;
      continue;
    }
    if (ch === ' ' || ch === '\t') {
      if (inToken) tokens.push(token);
      token = '';
      inToken = false;
      continue;
    }
    if (ch === '#' && !inToken) break;
    token += ch;
    inToken = true;
  }
  if (inToken) tokens.push(token);
  return tokens;
}

/** A matcher for a pattern, or the reason it is refused. */
function compilePattern(pattern: string): ((path: string) => boolean) | string {
  if (pattern.startsWith('!')) return `negated pattern "${pattern}" is not supported in CODEOWNERS`;
  if (/(^|[^\\])\[/.test(pattern)) return `character range in "${pattern}" is not supported in CODEOWNERS`;
  if ((pattern.match(/[*?]/g) ?? []).length > MAX_WILDCARDS)
    return `pattern "${pattern}" has more than ${MAX_WILDCARDS} wildcards`;
  const directoryOnly = pattern.endsWith('/');
  let body = pattern.replace(/\/+$/, '');
  const rooted = body.startsWith('/');
  body = body.replace(/^\/+/, '');
  if (body === '' || body === '**') return () => true;
  const anchored = rooted || body.includes('/');
  const glob = anchored ? body : `**/${body}`;
  const test = picomatch(glob, { dot: true, nobrace: true, noextglob: true, nonegate: true });
  const lastSegment = body.split('/').pop() ?? '';
  const coversContents = directoryOnly || !/[*?]/.test(lastSegment);
  return (path: string): boolean => {
    if (!directoryOnly && test(path)) return true;
    if (!coversContents) return false;
    // A directory it names: any proper ancestor of the path.
    for (let slash = path.indexOf('/'); slash !== -1; slash = path.indexOf('/', slash + 1)) {
      if (test(path.slice(0, slash))) return true;
    }
    return false;
  };
}
