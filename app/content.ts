/**
 * Repository content fetched through the REST API into a fresh folder, safely: only regular files (never
 * symbolic links or submodules), only normalised paths inside the folder, bounded in file count and bytes.
 * Nothing fetched is ever executed; the scanner only reads it.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { unitKey } from '../scanners/engine/units.js';
import type { GitHubClient } from '../scanners/integrations/github/sticky.js';
import { localModuleSources } from '../scanners/terraform/calls.js';

export interface RepositoryRef {
  owner: string;
  repo: string;
}

export interface TreeFile {
  path: string;
  /** Git's file mode: 100644 or 100755 for files, 120000 for symbolic links, 160000 for submodules. */
  mode: string;
  type: string;
  sha: string;
  size: number;
}

export interface RepositoryTree {
  /** Every entry of the tree by normalised path (files, links and submodules; folders are left out). */
  files: Map<string, TreeFile>;
  /** GitHub cut the listing (over 100,000 entries or 7 MB): files past the cut are unknown. */
  truncated: boolean;
}

export interface FetchLimits {
  maxFiles: number;
  maxBytes: number;
  /** Files larger than this are not fetched (the scanner would skip them too). */
  maxFileSize: number;
}

export type SkipReason =
  | 'symlink'
  | 'submodule'
  | 'unsafe-path'
  | 'too-large'
  | 'file-limit'
  | 'byte-limit'
  | 'not-in-tree'
  | 'binary-type';

export interface FetchReport {
  /** Paths written, relative to the folder. */
  written: string[];
  bytes: number;
  skipped: Array<{ path: string; reason: SkipReason }>;
}

/** Blob downloads in flight at once for one scan. */
const BLOB_CONCURRENCY = 16;

/**
 * A repository path as the scan folder will hold it, or undefined when it is not a plain relative path:
 * absolute, with `..` or `.` segments, empty segments, backslashes or control characters.
 */
export function safeRelativePath(name: string): string | undefined {
  if (!name || name.length > 4096 || name.startsWith('/')) return undefined;
  if (/[\u0000-\u001f\\]/.test(name)) return undefined;
  const segments = name.split('/');
  if (segments.some((segment) => segment === '' || segment === '.' || segment === '..')) return undefined;
  return name;
}

/** The full tree of a commit, in one request (`recursive`), as GitHub lists it. */
export async function readTree(
  octokit: GitHubClient,
  repository: RepositoryRef,
  commit: string,
): Promise<RepositoryTree> {
  const { data } = await octokit.rest.git.getTree({ ...repository, tree_sha: commit, recursive: 'true' });
  const files = new Map<string, TreeFile>();
  for (const entry of data.tree) {
    if (entry.type === 'tree' || !entry.path || !entry.sha) continue;
    files.set(entry.path, {
      path: entry.path,
      mode: entry.mode ?? '',
      type: entry.type ?? '',
      sha: entry.sha,
      size: entry.size ?? 0,
    });
  }
  return { files, truncated: data.truncated };
}

/**
 * Downloads `wanted` (in that order of priority) from `tree` into `folder`. A file that cannot be taken is
 * skipped with its reason; limits cut the list at the first file that would cross them.
 */
export async function fetchFiles(
  octokit: GitHubClient,
  repository: RepositoryRef,
  tree: RepositoryTree,
  wanted: readonly string[],
  folder: string,
  limits: FetchLimits,
  cache?: BlobCache,
): Promise<FetchReport> {
  const report: FetchReport = { written: [], bytes: 0, skipped: [] };
  const chosen: TreeFile[] = [];
  let plannedBytes = 0;
  const seen = new Set<string>();
  for (const name of wanted) {
    if (seen.has(name)) continue;
    seen.add(name);
    const safe = safeRelativePath(name);
    const entry = tree.files.get(name);
    if (!safe) report.skipped.push({ path: name, reason: 'unsafe-path' });
    else if (!entry) report.skipped.push({ path: name, reason: 'not-in-tree' });
    else if (entry.mode === '120000') report.skipped.push({ path: name, reason: 'symlink' });
    else if (entry.type === 'commit' || entry.mode === '160000')
      report.skipped.push({ path: name, reason: 'submodule' });
    else if (entry.type !== 'blob' || !/^100[67]\d\d$/.test(entry.mode))
      report.skipped.push({ path: name, reason: 'unsafe-path' });
    else if (entry.size > limits.maxFileSize) report.skipped.push({ path: name, reason: 'too-large' });
    else if (chosen.length >= limits.maxFiles) report.skipped.push({ path: name, reason: 'file-limit' });
    else if (plannedBytes + entry.size > limits.maxBytes)
      report.skipped.push({ path: name, reason: 'byte-limit' });
    else {
      chosen.push(entry);
      plannedBytes += entry.size;
    }
  }
  const root = path.resolve(folder);
  let next = 0;
  const worker = async () => {
    while (next < chosen.length) {
      const entry = chosen[next++] as TreeFile;
      const content = await readBlob(octokit, repository, entry.sha, cache);
      const target = path.resolve(root, ...entry.path.split('/'));
      // Belt and braces: safeRelativePath already refused anything that could leave the folder.
      if (!target.startsWith(`${root}${path.sep}`)) {
        report.skipped.push({ path: entry.path, reason: 'unsafe-path' });
        continue;
      }
      await mkdir(path.dirname(target), { recursive: true });
      // `wx`: never write through something that is already there.
      await writeFile(target, content, { flag: 'wx' });
      report.written.push(entry.path);
      report.bytes += content.length;
    }
  };
  await Promise.all(Array.from({ length: Math.min(BLOB_CONCURRENCY, chosen.length) }, worker));
  report.written.sort();
  return report;
}

async function readBlob(
  octokit: GitHubClient,
  repository: RepositoryRef,
  sha: string,
  cache: BlobCache | undefined,
): Promise<Buffer> {
  const key = `${repository.owner}/${repository.repo}:${sha}`;
  const cached = cache?.get(key);
  if (cached) return cached;
  const { data } = await octokit.rest.git.getBlob({ ...repository, file_sha: sha });
  const content =
    data.encoding === 'base64' ? Buffer.from(data.content, 'base64') : Buffer.from(data.content, 'utf8');
  cache?.set(key, content);
  return content;
}

/**
 * Recently fetched file contents, by repository and blob id (a hash of the content, so an entry can never be
 * stale), least recently used out first, bounded in bytes. Successive pushes to a pull request, reruns and
 * pull requests on the same repository share most of their unchanged context files.
 */
export class BlobCache {
  private readonly entries = new Map<string, Buffer>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  get(key: string): Buffer | undefined {
    const content = this.entries.get(key);
    if (content) {
      // Map order is insertion order: re-inserting marks it most recently used.
      this.entries.delete(key);
      this.entries.set(key, content);
    }
    return content;
  }

  set(key: string, content: Buffer): void {
    if (content.length > this.maxBytes / 8 || this.entries.has(key)) return;
    this.entries.set(key, content);
    this.bytes += content.length;
    for (const [oldest, old] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= old.length;
    }
  }
}

/** A file of a Terraform folder (configuration or variables), as the engine groups them into units. */
export function isTerraformFile(name: string): boolean {
  return unitKey(name).startsWith('tf:');
}

/** The Terraform files directly in `folder` ('' for the top), in path order. */
export function terraformFilesIn(tree: RepositoryTree, folder: string): string[] {
  const prefix = folder ? `${folder}/` : '';
  return [...tree.files.keys()]
    .filter((name) => name.startsWith(prefix) && !name.slice(prefix.length).includes('/'))
    .filter(isTerraformFile)
    .sort();
}

/**
 * The folders of local modules that `text` (a Terraform file in `folder`) calls, which the scanner evaluates
 * with their caller, resolved inside the repository; a source that climbs out of it is ignored.
 */
export function localModuleFolders(text: string, folder: string): string[] {
  const folders: string[] = [];
  for (const source of localModuleSources(text)) {
    const joined = path.posix.normalize(path.posix.join(folder || '.', source));
    const clean = joined.replace(/\/+$/, '');
    if (clean === '.' || clean === '') folders.push('');
    else if (!clean.startsWith('../') && clean !== '..' && !path.posix.isAbsolute(clean)) folders.push(clean);
  }
  return folders;
}

/** Extensions of files no rule reads (images, archives, compiled code): not fetched for full scans. */
const BINARY_TYPES =
  /\.(?:png|jpe?g|gif|bmp|ico|webp|tiff?|psd|pdf|zip|gz|tgz|bz2|xz|7z|rar|jar|war|ear|class|so|dylib|dll|exe|o|a|lib|woff2?|ttf|otf|eot|mp[34]|mov|avi|wav|ogg|flac|webm|wasm|pyc|node)$/i;

export function isBinaryType(name: string): boolean {
  return BINARY_TYPES.test(name);
}

/**
 * `.gitignore` files are not fetched: every file of a commit is tracked, so git ignores none of them, and a
 * pull request must not be able to hide its own files from the scan by adding one.
 */
export function isIgnoreFile(name: string): boolean {
  return name === '.gitignore' || name.endsWith('/.gitignore');
}
