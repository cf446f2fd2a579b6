import { execFileSync } from 'node:child_process';
import {
  type Dirent,
  existsSync,
  lstatSync,
  readdirSync,
  readFileSync,
  realpathSync,
  statSync,
} from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import type { ScanError } from '../core/types.js';

/** Folders that are never project sources: VCS data, installed packages, downloaded Terraform modules. */
export const ALWAYS_SKIPPED_DIRS = new Set(['.git', '.hg', '.svn', 'node_modules', '.terraform']);

export interface InventoryEntry {
  /** Relative to the root, forward slashes. */
  path: string;
  absolute: string;
  size: number;
}

export interface InventoryOptions {
  root: string;
  /** Explicit files (absolute or relative to root); when set, the root is not walked. */
  files?: string[];
  exclude: string[];
  maxFileSize: number;
  maxFiles?: number;
}

export interface Inventory {
  entries: InventoryEntry[];
  notes: ScanError[];
}

/**
 * Lists the files to scan: honours .gitignore (for files git does not track) and excludes, skips large files,
 * stays inside the root.
 */
export function takeInventory(options: InventoryOptions): Inventory {
  const root = path.resolve(options.root);
  const realRoot = realpathSync(root);
  const excluded = options.exclude.length ? picomatch(options.exclude, { dot: true }) : () => false;
  const inventory: Inventory = { entries: [], notes: [] };
  let tracked: { paths: TrackedPaths | undefined } | undefined;
  const context: WalkContext = {
    ...options,
    root,
    realRoot,
    excluded,
    inventory,
    visited: new Set<string>(),
    added: new Set<string>(),
    tracked: () => {
      tracked ??= { paths: trackedByGit(root) };
      return tracked.paths;
    },
  };
  if (options.files) {
    for (const file of options.files) addExplicitFile(context, file);
  } else {
    walk(context, root, '', []);
  }
  inventory.entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return inventory;
}

type WalkContext = InventoryOptions & {
  root: string;
  realRoot: string;
  excluded: (path: string) => boolean;
  inventory: Inventory;
  /** Real paths of folders walked, so a link back to one is not walked again. */
  visited: Set<string>;
  /** Relative paths already listed, so a file named twice is scanned once. */
  added: Set<string>;
  /** What git tracks under the root, when the root is in a work tree: asked once, when an ignore rule first matches. */
  tracked: () => TrackedPaths | undefined;
};

interface TrackedPaths {
  files: Set<string>;
  /** Every folder holding a tracked file. */
  folders: Set<string>;
}

/**
 * The files git tracks under the root, relative to it. Git never ignores a tracked file, and neither does
 * the scan: otherwise a pull request could hide its own files by adding a `.gitignore` that matches them.
 * Undefined outside a work tree or without git. fsmonitor is off so that no configured program runs.
 */
function trackedByGit(root: string): TrackedPaths | undefined {
  let listing: string;
  try {
    listing = execFileSync('git', ['-c', 'core.fsmonitor=false', 'ls-files', '-z', '--cached'], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 512 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    return undefined;
  }
  const tracked: TrackedPaths = { files: new Set(), folders: new Set() };
  for (const file of listing.split('\0')) {
    if (!file) continue;
    tracked.files.add(file);
    for (let slash = file.lastIndexOf('/'); slash > 0; slash = file.lastIndexOf('/', slash - 1)) {
      const folder = file.slice(0, slash);
      if (tracked.folders.has(folder)) break;
      tracked.folders.add(folder);
    }
  }
  return tracked;
}

interface IgnoreLayer {
  /** The folder the .gitignore sits in, relative to the root ('' for the root). */
  base: string;
  rules: Ignore;
}

/** As git decides: the deepest .gitignore with a matching pattern (ignore or `!` re-include) wins. */
function isIgnored(layers: IgnoreLayer[], relative: string, directory: boolean): boolean {
  for (let i = layers.length - 1; i >= 0; i--) {
    const layer = layers[i]!;
    const inner = layer.base ? relative.slice(layer.base.length + 1) : relative;
    if (!inner) continue;
    const verdict = layer.rules.test(directory ? `${inner}/` : inner);
    if (verdict.ignored) return true;
    if (verdict.unignored) return false;
  }
  return false;
}

/** The ignore layers that apply inside a folder: every .gitignore from the root down to its parent. */
function layersAbove(root: string, relativeDir: string): IgnoreLayer[] {
  const layers: IgnoreLayer[] = [];
  const parts = relativeDir.split('/').filter(Boolean);
  for (let depth = 0; depth < parts.length; depth++) {
    const relative = parts.slice(0, depth).join('/');
    const layer = loadIgnoreLayer(path.join(root, relative), relative, depth === 0);
    if (layer) layers.push(layer);
  }
  return layers;
}

function loadIgnoreLayer(absoluteDir: string, relativeDir: string, isRoot: boolean): IgnoreLayer | undefined {
  const sources = [path.join(absoluteDir, '.gitignore')];
  if (isRoot) sources.push(path.join(absoluteDir, '.git', 'info', 'exclude'));
  const patterns = sources.filter((file) => existsSync(file)).map((file) => safeRead(file));
  if (!patterns.length) return undefined;
  return { base: relativeDir, rules: ignore().add(patterns.join('\n')) };
}

function safeRead(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function walk(
  context: WalkContext,
  absoluteDir: string,
  relativeDir: string,
  parentLayers: IgnoreLayer[],
): void {
  const real = safeRealpath(absoluteDir);
  if (real === undefined || context.visited.has(real)) return;
  context.visited.add(real);
  const layer = loadIgnoreLayer(absoluteDir, relativeDir, relativeDir === '');
  const layers = layer ? [...parentLayers, layer] : parentLayers;
  let children: Dirent[];
  try {
    children = readdirSync(absoluteDir, { withFileTypes: true });
  } catch (error) {
    context.inventory.notes.push({
      code: 'read-failed',
      level: 'warning',
      file: relativeDir || '.',
      message: `cannot list folder: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      hint: 'Check the folder permissions.',
    });
    return;
  }
  children.sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const child of children) {
    if (context.maxFiles !== undefined && context.inventory.entries.length >= context.maxFiles) {
      noteFileLimit(context);
      return;
    }
    const relative = relativeDir ? `${relativeDir}/${child.name}` : child.name;
    const absolute = path.join(absoluteDir, child.name);
    let isDirectory = child.isDirectory();
    if (child.isSymbolicLink()) {
      const target = resolveLinkInsideRoot(context, absolute, relative);
      if (!target) continue;
      // A folder link inside the root adds nothing: its folder is walked at its real path. A file link
      // is kept, since its name can decide the format (Dockerfile -> docker/prod.Dockerfile).
      if (target.directory) continue;
      isDirectory = false;
    } else if (!isDirectory && !child.isFile()) {
      continue;
    }
    if (isDirectory) {
      if (ALWAYS_SKIPPED_DIRS.has(child.name)) continue;
      const ignored = isIgnored(layers, relative, true) && !context.tracked()?.folders.has(relative);
      if (ignored || context.excluded(relative) || context.excluded(`${relative}/`)) continue;
      walk(context, absolute, relative, layers);
    } else {
      const ignored = isIgnored(layers, relative, false) && !context.tracked()?.files.has(relative);
      if (ignored || context.excluded(relative)) continue;
      addFile(context, absolute, relative);
    }
  }
}

/** Follows a symlink only when its real target is inside the scanned root. */
function resolveLinkInsideRoot(
  context: WalkContext,
  absolute: string,
  relative: string,
): { real: string; directory: boolean } | undefined {
  let real: string;
  try {
    real = realpathSync(absolute);
  } catch {
    context.inventory.notes.push({
      code: 'read-failed',
      level: 'note',
      file: relative,
      message: 'broken symbolic link skipped',
    });
    return undefined;
  }
  if (real !== context.realRoot && !real.startsWith(context.realRoot + path.sep)) {
    context.inventory.notes.push({
      code: 'symlink-outside-root',
      level: 'warning',
      file: relative,
      message: 'symbolic link points outside the scanned folder; not followed',
      hint: 'Palisade never reads files outside the folder it scans. Scan the target folder itself if you mean to.',
    });
    return undefined;
  }
  return { real, directory: statSync(real).isDirectory() };
}

function noteFileLimit(context: WalkContext): void {
  if (context.inventory.notes.some((n) => n.code === 'too-large' && n.file === '.')) return;
  context.inventory.notes.push({
    code: 'too-large',
    level: 'warning',
    file: '.',
    message: `stopped listing files at the limit of ${context.maxFiles}; the rest were not scanned`,
    hint: 'Raise limits.max-files in .palisade.yml, or exclude generated folders.',
  });
}

function safeRealpath(file: string): string | undefined {
  try {
    return realpathSync(file);
  } catch {
    return undefined;
  }
}

function addFile(context: WalkContext, absolute: string, relative: string): void {
  if (context.added.has(relative)) return;
  context.added.add(relative);
  let size: number;
  try {
    size = statSync(absolute).size;
  } catch (error) {
    context.inventory.notes.push({
      code: 'read-failed',
      level: 'error',
      file: relative,
      message: `cannot read file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      hint: 'Check the file permissions.',
    });
    return;
  }
  if (size > context.maxFileSize) {
    context.inventory.notes.push({
      code: 'too-large',
      level: 'note',
      file: relative,
      message: `skipped: ${formatBytes(size)} is over the ${formatBytes(context.maxFileSize)} size limit`,
      hint: 'Raise limits.max-file-size in .palisade.yml to scan it.',
    });
    return;
  }
  context.inventory.entries.push({ path: relative, absolute, size });
}

function addExplicitFile(context: WalkContext, file: string): void {
  const absolute = path.resolve(context.root, file);
  const relative = path.relative(context.root, absolute).split(path.sep).join('/');
  if (relative.startsWith('../') || relative === '..' || path.isAbsolute(relative)) {
    context.inventory.notes.push({
      code: 'symlink-outside-root',
      level: 'error',
      file,
      message: 'file is outside the scanned root; not read',
      hint: 'Pass files inside the root, or set --root to a folder that contains them.',
    });
    return;
  }
  let stat: ReturnType<typeof lstatSync>;
  try {
    stat = lstatSync(absolute);
  } catch (error) {
    context.inventory.notes.push({
      code: 'read-failed',
      level: 'error',
      file: relative,
      message: `cannot read file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      hint: 'Check the path.',
    });
    return;
  }
  if (stat.isSymbolicLink()) {
    const target = resolveLinkInsideRoot(context, absolute, relative);
    if (!target || target.directory) return;
  } else if (stat.isDirectory()) {
    walk(context, absolute, relative, layersAbove(context.root, relative));
    return;
  }
  addFile(context, absolute, relative);
}

/** 1.5 MiB, 320 KiB, 12 B. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GiB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(0)} KiB`;
  return `${bytes} B`;
}
