import { execFile } from 'node:child_process';
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { UsageError } from '../core/errors.js';

const run = promisify(execFile);

/** Changed line numbers per file (relative to the scan root); `all` for new or untracked files. */
export type ChangedLines = Map<string, Set<number> | 'all'>;

export interface DiffInfo {
  base: string;
  mergeBase: string;
  changed: ChangedLines;
}

async function git(cwd: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await run('git', args, { cwd, maxBuffer: 512 * 1024 * 1024, encoding: 'utf8' });
    return stdout;
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new UsageError(`git ${args[0]} failed: ${stderr || (error as Error).message}`);
  }
}

/**
 * The files and lines changed since the merge-base of `base` and HEAD, including uncommitted and
 * untracked files. Paths are relative to `root`, which must be inside a git work tree.
 */
export async function changedSince(root: string, base: string): Promise<DiffInfo> {
  if (!base || base.startsWith('-')) throw new UsageError(`invalid diff base "${base}"`);
  const top = (await git(root, ['rev-parse', '--show-toplevel'])).trim();
  const mergeBase = (await git(root, ['merge-base', '--end-of-options', base, 'HEAD'])).trim();
  const patch = await git(top, [
    '-c',
    'core.quotepath=off',
    'diff',
    '--no-color',
    '--no-ext-diff',
    '--unified=0',
    '--diff-filter=ACMRT',
    '--find-renames',
    // Fixed prefixes: a user's diff.mnemonicPrefix or diff.noprefix must not change what we parse.
    '--src-prefix=a/',
    '--dst-prefix=b/',
    mergeBase,
  ]);
  const untracked = await git(top, ['ls-files', '-z', '--others', '--exclude-standard']);
  const changedFromTop = parseUnifiedDiff(patch);
  for (const file of untracked.split('\0').filter(Boolean)) changedFromTop.set(file, 'all');

  // git reports its top folder with symlinks resolved; the root must be compared the same way.
  const realRoot = realpathSync(path.resolve(root));
  const changed: ChangedLines = new Map();
  for (const [file, lines] of changedFromTop) {
    const relative = path.relative(realRoot, path.join(top, file)).split(path.sep).join('/');
    if (!relative.startsWith('../')) changed.set(relative, lines);
  }
  return { base, mergeBase, changed };
}

/** Parses `git diff --unified=0` output into the added or modified line numbers of each new file. */
export function parseUnifiedDiff(patch: string): ChangedLines {
  const changed: ChangedLines = new Map();
  let current: Set<number> | undefined;
  for (const line of patch.split('\n')) {
    if (line.startsWith('+++ ')) {
      // git ends the name with a TAB when it contains a space.
      const target = line.slice(4).replace(/\t$/, '');
      if (target === '/dev/null') {
        current = undefined;
        continue;
      }
      const name = unquote(target).replace(/^b\//, '');
      current = new Set();
      changed.set(name, current);
    } else if (line.startsWith('@@') && current) {
      const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
      if (!hunk) continue;
      const start = Number(hunk[1]);
      const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
      for (let n = start; n < start + count; n++) current.add(n);
    }
  }
  return changed;
}

/** Git quotes unusual paths C-style: "b/with\ttab". */
function unquote(text: string): string {
  if (!text.startsWith('"')) return text;
  const bytes: number[] = [];
  const escapes: Record<string, number> = { n: 10, t: 9, '"': 34, '\\': 92, a: 7, b: 8, f: 12, r: 13, v: 11 };
  for (let i = 1; i < text.length - 1; i++) {
    const ch = text[i]!;
    if (ch !== '\\') {
      bytes.push(...Buffer.from(ch, 'utf8'));
      continue;
    }
    const next = text[++i]!;
    if (/[0-7]/.test(next)) {
      bytes.push(Number.parseInt(text.slice(i, i + 3), 8));
      i += 2;
    } else {
      bytes.push(escapes[next] ?? next.charCodeAt(0));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** True when a finding's line range touches a changed line (or the file is wholly new). */
export function touchesChange(
  changed: ChangedLines,
  file: string,
  startLine: number,
  endLine: number,
): boolean {
  const lines = changed.get(file);
  if (!lines) return false;
  if (lines === 'all') return true;
  for (let n = startLine; n <= endLine; n++) if (lines.has(n)) return true;
  return false;
}
