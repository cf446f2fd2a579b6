/**
 * Just enough of POSIX shell lexing to tell how a variable use is quoted: unquoted (word splitting and glob
 * expansion apply), inside double quotes or a here-document (one literal word), inside single quotes or a
 * quoted here-document (not expanded at all), or in a comment. Also tells whether the use sits in text the
 * shell parses a second time (`eval`, `sh -c`, `bash -c`).
 */

export type QuoteContext = 'unquoted' | 'single' | 'double' | 'heredoc' | 'heredoc-literal' | 'comment';

const CODES: QuoteContext[] = ['unquoted', 'single', 'double', 'heredoc', 'heredoc-literal', 'comment'];

/** Per-character quoting of a shell script. */
export interface ShellText {
  text: string;
  contextAt(offset: number): QuoteContext;
  /** True when the offset is inside an argument of `eval` or of `sh -c` / `bash -c`. */
  reparsedAt(offset: number): boolean;
  /**
   * True when an unquoted expansion at the offset is not split into words: inside `[[ ]]`, on the right of
   * an assignment (`X=$V`, `local x=$V`), or as the word of `case $V in`.
   */
  unsplitAt(offset: number): boolean;
}

/** Limits nesting of `$(` inside quotes; deeper input is treated as unquoted. */
const MAX_NESTING = 32;

/** Lexes a script once. */
export function lexShell(text: string): ShellText {
  const contexts = new Uint8Array(text.length);
  // 0 unquoted, 1 single, 2 double; a stack for `$(` nested inside double quotes.
  const stack: number[] = [];
  let state = 0;
  let heredoc: { delimiter: string; literal: boolean } | undefined;
  let pendingHeredocs: Array<{ delimiter: string; literal: boolean }> = [];
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (heredoc) {
      const lineEnd = text.indexOf('\n', i);
      const end = lineEnd === -1 ? text.length : lineEnd;
      const line = text.slice(i, end);
      const code = heredoc.literal ? 4 : 3;
      if (line.trim() === heredoc.delimiter) {
        heredoc = pendingHeredocs.shift();
        contexts.fill(0, i, end);
      } else contexts.fill(code, i, end);
      if (end < text.length) contexts[end] = 0;
      i = end;
      lineStart = end + 1;
      continue;
    }
    contexts[i] = state;
    if (state === 1) {
      if (ch === "'") state = stack.pop() ?? 0;
      continue;
    }
    if (ch === '\\') {
      if (i + 1 < text.length) contexts[i + 1] = state;
      i++;
      continue;
    }
    if (state === 2) {
      if (ch === '"') state = stack.pop() ?? 0;
      else if (ch === '$' && text[i + 1] === '(' && stack.length < MAX_NESTING) {
        stack.push(2);
        stack.push(-1);
        state = 0;
        contexts[i + 1] = 0;
        i++;
      }
      continue;
    }
    // unquoted
    if (ch === "'") {
      stack.push(0);
      state = 1;
    } else if (ch === '"') {
      stack.push(0);
      state = 2;
    } else if (ch === ')' && stack[stack.length - 1] === -1) {
      stack.pop();
      state = stack.pop() ?? 0;
    } else if (ch === '#' && (i === lineStart || /[\s;|&(]/.test(text[i - 1] ?? ' '))) {
      const lineEnd = text.indexOf('\n', i);
      const end = lineEnd === -1 ? text.length : lineEnd;
      contexts.fill(5, i, end);
      i = end - 1;
    } else if (ch === '<' && text[i + 1] === '<' && text[i + 2] !== '<') {
      const match = /^<<-?\s*(['"]?)([A-Za-z_][A-Za-z0-9_-]*)\1/.exec(text.slice(i, i + 200));
      if (match?.[2]) pendingHeredocs.push({ delimiter: match[2], literal: match[1] !== '' });
    } else if (ch === '\n') {
      lineStart = i + 1;
      if (pendingHeredocs.length && stack.length === 0) {
        heredoc = pendingHeredocs.shift();
        if (!heredoc) pendingHeredocs = [];
      }
    }
  }
  return {
    text,
    contextAt: (offset) => CODES[contexts[offset] ?? 0] ?? 'unquoted',
    reparsedAt: (offset) => isReparsed(text, contexts, offset),
    unsplitAt: (offset) => isUnsplit(text, contexts, offset),
  };
}

function isUnsplit(text: string, contexts: Uint8Array, offset: number): boolean {
  const start = commandStart(text, contexts, offset);
  const before = text.slice(start, offset);
  // An assignment word: before the command name, or an argument of a declaration builtin.
  if (
    /^\s*(?:(?:local|export|declare|readonly|typeset)(?:\s+-\w+)*\s+)?(?:[A-Za-z_]\w*=\S*\s+)*[A-Za-z_]\w*(\[[^\]]*\])?\+?=$/.test(
      before.replace(/^.*\b(then|do|else)\s+/, ''),
    )
  )
    return true;
  if (/^\s*case\s+$/.test(before)) return true;
  const open = before.lastIndexOf('[[');
  return open !== -1 && !before.slice(open).includes(']]');
}

/** The start of the simple command holding `offset`: after the last unquoted `;`, `&`, `|` or newline. */
function commandStart(text: string, contexts: Uint8Array, offset: number): number {
  for (let i = offset - 1; i >= 0; i--) {
    const ch = text[i];
    if ((ch === '\n' || ch === ';' || ch === '&' || ch === '|') && contexts[i] === 0) {
      // A line ending in `\` continues the command.
      if (ch === '\n' && text[i - 1] === '\\') continue;
      return i + 1;
    }
  }
  return 0;
}

const REPARSING_COMMAND =
  /^\s*(?:[({!]\s*|then\s+|do\s+|else\s+|sudo\s+(?:-\S+\s+)*|[A-Za-z_][A-Za-z0-9_]*=\S*\s+)*(?:eval\b|(?:\/\S*\/)?(?:ba|z|da|k)?sh\s+(?:-[A-Za-z]*\s+)*-[A-Za-z]*c\b|(?:bash|sh)\s+-c\b)/;

function isReparsed(text: string, contexts: Uint8Array, offset: number): boolean {
  const start = commandStart(text, contexts, offset);
  const prefix = text.slice(start, offset).replace(/\\\n/g, ' ');
  return REPARSING_COMMAND.test(prefix);
}

/** A shell variable use: `$NAME` or `${NAME...}`, with offsets. `$$` (GitLab's escape) is skipped. */
export interface VariableUse {
  name: string;
  start: number;
  end: number;
}

/** Finds `$NAME` and `${NAME}` uses in shell text. */
export function shellVariableUses(text: string): VariableUse[] {
  const uses: VariableUse[] = [];
  const pattern = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)[^}]*\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match[0] === '$$') continue;
    const name = match[1] ?? match[2];
    if (name) uses.push({ name, start: match.index, end: match.index + match[0].length });
  }
  return uses;
}

/** PowerShell reads environment variables as `$env:NAME`. */
export function powershellEnvUses(text: string): VariableUse[] {
  const uses: VariableUse[] = [];
  const pattern = /\$\{?env:([A-Za-z_][A-Za-z0-9_]*)\}?/gi;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match[1]) uses.push({ name: match[1], start: match.index, end: match.index + match[0].length });
  }
  return uses;
}

/** True for shells that are not POSIX-like (quoting rules differ). */
export function isPowershell(shell: string | undefined): boolean {
  return !!shell && /^(pwsh|powershell)\b/i.test(shell);
}
