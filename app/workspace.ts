/**
 * What a pull request scan and a full scan both do before scanning: a fresh temporary folder, the
 * configuration, the files it names (baseline, Terraform var files), and a plain account of what was left out.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PalisadeConfig } from '../scanners/config/config.js';
import type { GitHubClient } from '../scanners/integrations/github/sticky.js';
import {
  type BlobCache,
  type FetchLimits,
  type FetchReport,
  fetchFiles,
  type RepositoryRef,
  type RepositoryTree,
  type SkipReason,
  safeRelativePath,
} from './content.js';
import type { AppSettings } from './settings.js';

/** Runs `work` in a fresh temporary folder that is removed afterwards, whatever happens. */
export async function inTemporaryFolder<T>(work: (folder: string) => Promise<T>): Promise<T> {
  const folder = await mkdtemp(path.join(tmpdir(), 'palisade-app-'));
  try {
    return await work(folder);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** A scan's fetch limits: the App's, with the repository's `max-files` and `max-file-size` applied. */
export function fetchLimits(settings: AppSettings, config: PalisadeConfig): FetchLimits {
  return {
    maxFiles: Math.min(settings.maxFiles, config.maxFiles ?? Number.POSITIVE_INFINITY),
    maxBytes: settings.maxBytes,
    maxFileSize: config.maxFileSize,
  };
}

/** Fetches in rounds against one budget: each round gets what the earlier ones left. */
export class FetchBudget {
  readonly report: FetchReport = { written: [], bytes: 0, skipped: [] };
  /** `report.written` as a set: `has` is asked for every file of every round. */
  private readonly written = new Set<string>();

  constructor(
    private readonly octokit: GitHubClient,
    private readonly repository: RepositoryRef,
    private readonly tree: RepositoryTree,
    private readonly folder: string,
    private readonly limits: FetchLimits,
    private readonly cache?: BlobCache,
  ) {}

  /** Fetches the paths not fetched (or refused) yet; returns the ones written in this round. */
  async fetch(paths: readonly string[]): Promise<string[]> {
    const done = new Set([...this.report.written, ...this.report.skipped.map((skip) => skip.path)]);
    const fresh = paths.filter((name) => !done.has(name));
    if (!fresh.length) return [];
    const round = await fetchFiles(
      this.octokit,
      this.repository,
      this.tree,
      fresh,
      this.folder,
      {
        maxFiles: Math.max(0, this.limits.maxFiles - this.report.written.length),
        maxBytes: Math.max(0, this.limits.maxBytes - this.report.bytes),
        maxFileSize: this.limits.maxFileSize,
      },
      this.cache,
    );
    this.report.written.push(...round.written);
    for (const name of round.written) this.written.add(name);
    this.report.bytes += round.bytes;
    this.report.skipped.push(...round.skipped);
    return round.written;
  }

  has(name: string): boolean {
    return this.written.has(name);
  }
}

const SKIP_LABELS: Record<SkipReason, string> = {
  symlink: 'symbolic links (never followed)',
  submodule: 'submodules (not fetched)',
  'unsafe-path': 'unsafe paths (refused)',
  'too-large': 'files over the size limit',
  'file-limit': 'files over the file-count limit',
  'byte-limit': 'files over the total size limit',
  'not-in-tree': 'files missing from the commit tree',
  'binary-type': 'binary files',
};
const LISTED_PATHS = 10;

/** Markdown notes about the files not fetched, by reason, with a few of their paths. */
export function skippedNotes(report: FetchReport, limits: FetchLimits): string[] {
  const byReason = new Map<SkipReason, string[]>();
  for (const skip of report.skipped) {
    const list = byReason.get(skip.reason) ?? [];
    list.push(skip.path);
    byReason.set(skip.reason, list);
  }
  const notes: string[] = [];
  for (const [reason, paths] of byReason) {
    const shown = paths
      .slice(0, LISTED_PATHS)
      .map((name) => `\`${name.replace(/[`\r\n]/g, '?').slice(0, 200)}\``)
      .join(', ');
    const more = paths.length > LISTED_PATHS ? ` and ${paths.length - LISTED_PATHS} more` : '';
    const limit =
      reason === 'file-limit'
        ? ` (${limits.maxFiles} files)`
        : reason === 'byte-limit'
          ? ` (${limits.maxBytes} bytes)`
          : reason === 'too-large'
            ? ` (${limits.maxFileSize} bytes)`
            : '';
    notes.push(`Not scanned: ${paths.length} ${SKIP_LABELS[reason]}${limit}: ${shown}${more}.`);
  }
  return notes;
}

/** True when the limits (not the safety rules) left files out, so a "full" scan did not see everything. */
export function cutByLimits(report: FetchReport): boolean {
  return report.skipped.some((skip) => skip.reason === 'file-limit' || skip.reason === 'byte-limit');
}

/**
 * Makes the configuration's files available in the scan folder: Terraform var files from the scanned commit
 * (when the budget fetched them), the baseline from the default branch (so a change cannot hide its own
 * findings). A file that cannot be had is dropped from the configuration with a note.
 */
export async function prepareConfigFiles(
  config: PalisadeConfig,
  folder: string,
  budget: FetchBudget,
  octokit: GitHubClient,
  repository: RepositoryRef,
  defaultBranch: string,
  notes: string[],
): Promise<PalisadeConfig> {
  const prepared = { ...config };
  const relative = (file: string) => safeRelativePath(path.relative(folder, file).split(path.sep).join('/'));
  if (config.varFiles?.length) {
    const wanted = config.varFiles.map((file) => ({ file, name: relative(file) }));
    await budget.fetch(wanted.flatMap(({ name }) => (name ? [name] : [])));
    const missing = wanted.filter(({ name }) => !name || !budget.has(name));
    if (missing.length) {
      notes.push(
        `Terraform var files not found in the repository and not applied: ${missing
          .map(({ file }) => `\`${path.relative(folder, file)}\``)
          .join(', ')}.`,
      );
      prepared.varFiles = config.varFiles.filter((file) => !missing.some((m) => m.file === file));
    }
  }
  if (config.baseline) {
    const name = relative(config.baseline);
    const text = name ? await readFileOnBranch(octokit, repository, name, defaultBranch) : undefined;
    if (name && text !== undefined) {
      const target = path.join(folder, ...name.split('/'));
      await mkdir(path.dirname(target), { recursive: true });
      // The same path may have been fetched from the change: the default branch's copy wins.
      await writeFile(target, text);
    } else {
      notes.push(
        `The baseline \`${name ?? 'outside the repository'}\` is not on the default branch: not applied.`,
      );
      prepared.baseline = undefined;
    }
  }
  return prepared;
}

/** A file's text on a branch (default: the default branch), or undefined when it is not there or not a file. */
export async function readFileOnBranch(
  octokit: GitHubClient,
  repository: RepositoryRef,
  name: string,
  ref?: string,
): Promise<string | undefined> {
  try {
    const { data } = await octokit.rest.repos.getContent({
      ...repository,
      path: name,
      ...(ref ? { ref } : {}),
      mediaType: { format: 'raw' },
    });
    return typeof data === 'string' ? data : undefined;
  } catch (error) {
    if ((error as { status?: number }).status === 404) return undefined;
    throw error;
  }
}
