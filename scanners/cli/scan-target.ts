import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../core/errors.js';

/** What to scan, in the terms scan() takes: a root folder and, optionally, explicit files in it. */
export interface ScanTarget {
  root: string;
  files?: string[];
}

/**
 * Turns `[paths...]` and `--root` into a scan target. One folder and no --root: that folder is the root.
 * Otherwise the paths are explicit files (folders among them are walked) under --root, or under the
 * current folder, or, when they lie outside it, under the deepest folder that holds them all.
 */
export function resolveScanTarget(paths: string[], rootOption: string | undefined, cwd: string): ScanTarget {
  const absolute = paths.map((p) => path.resolve(cwd, p));
  absolute.forEach((file, index) => {
    if (!existsSync(file)) throw new UsageError(`no such file or folder: ${paths[index]}`);
  });
  if (rootOption !== undefined) {
    const root = path.resolve(cwd, rootOption);
    if (!existsSync(root) || !statSync(root).isDirectory())
      throw new UsageError(`--root is not a folder: ${rootOption}`);
    return absolute.length ? { root, files: absolute } : { root };
  }
  const [only] = absolute;
  if (!only) return { root: cwd };
  if (absolute.length === 1 && statSync(only).isDirectory()) return { root: only };
  const root = absolute.every((file) => isInside(file, cwd)) ? cwd : commonFolder(absolute);
  return { root, files: absolute };
}

/** True when `file` is `folder` or below it. */
function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

/** The deepest folder that contains every path (a path that is itself a folder counts as its own parent). */
function commonFolder(paths: string[]): string {
  const folders = paths.map((p) => (statSync(p).isDirectory() ? p : path.dirname(p)));
  let common = folders[0]!;
  while (!folders.every((folder) => isInside(folder, common))) {
    const parent = path.dirname(common);
    if (parent === common) break;
    common = parent;
  }
  return common;
}
