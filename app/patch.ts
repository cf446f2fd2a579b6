/**
 * The lines a pull request adds or changes, from the `patch` of each file in GitHub's pull request file
 * list: the hunks of a unified diff with three lines of context, without the file header.
 */
import type { ChangedLines } from '../scanners/engine/diff.js';

export interface PullRequestFile {
  filename: string;
  status: string;
  patch?: string;
}

/**
 * Added and modified line numbers (in the new file) of each file that still exists. A file GitHub sends
 * without a patch (too large, or binary) counts as changed everywhere: findings anywhere in it are shown
 * rather than silently dropped. Returns true when GitHub can take review comments on the file's lines
 * (its diff is shown).
 */
export function addChangedLines(changed: ChangedLines, file: PullRequestFile): boolean {
  if (file.status === 'removed') return false;
  if (file.status === 'added') {
    changed.set(file.filename, 'all');
    return true;
  }
  if (file.patch === undefined) {
    // A rename or mode change without content changes has no patch and no changed line.
    if (file.status === 'renamed' || file.status === 'unchanged') changed.set(file.filename, new Set());
    else changed.set(file.filename, 'all');
    return false;
  }
  changed.set(file.filename, patchLines(file.patch));
  return true;
}

/** The new-file numbers of the `+` lines of a hunk-only patch. */
export function patchLines(patch: string): Set<number> {
  const lines = new Set<number>();
  let next = 0;
  let inHunk = false;
  for (const line of patch.split('\n')) {
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(line);
    if (hunk) {
      next = Number(hunk[1]);
      inHunk = true;
      continue;
    }
    if (!inHunk) continue;
    const marker = line.charAt(0);
    if (marker === '+') lines.add(next++);
    else if (marker === ' ') next++;
    // `-` lines are gone from the new file; `\ No newline at end of file` is not a line.
  }
  return lines;
}
