/**
 * A full scan of a commit (a push to the default branch, or a repository the App was just given): the whole
 * tree fetched within the limits, scanned, and uploaded to the Palisade server when one is configured.
 */
import { type UploadMetadata, uploadScan } from '../scanners/cli/upload.js';
import { activeFindings } from '../scanners/core/types.js';
import { scan } from '../scanners/engine/scan.js';
import { loadRepositoryConfig } from './config.js';
import { isBinaryType, isIgnoreFile, type RepositoryRef, readTree } from './content.js';
import type { JobContext } from './pull-request.js';
import {
  cutByLimits,
  FetchBudget,
  fetchLimits,
  inTemporaryFolder,
  prepareConfigFiles,
  skippedNotes,
} from './workspace.js';

export interface FullScanTarget {
  repository: RepositoryRef;
  defaultBranch: string;
  commit: string;
  /** Why this scan runs, for the run id and the logs: `push` or `install`. */
  trigger: 'push' | 'install';
  /** The repository's web address, for the run link on the server. */
  htmlUrl?: string;
}

export interface FullScanOutcome {
  findings: number;
  /** The server's answer, when the scan was uploaded. */
  uploaded?: { status: number; url?: string; kind: 'full' | 'diff' };
  notes: string[];
}

export async function scanCommit(job: JobContext, target: FullScanTarget): Promise<FullScanOutcome> {
  const { octokit, settings, log } = job;
  const { repository } = target;
  return inTemporaryFolder(async (folder) => {
    const { config, notes } = await loadRepositoryConfig(octokit, repository, folder);
    const tree = await readTree(octokit, repository, target.commit);
    const limits = fetchLimits(settings, config);
    const budget = new FetchBudget(octokit, repository, tree, folder, limits, job.blobs);
    const names = [...tree.files.keys()].sort();
    const wanted = names.filter((name) => !isBinaryType(name) && !isIgnoreFile(name));
    await budget.fetch(wanted);
    const prepared = await prepareConfigFiles(
      config,
      folder,
      budget,
      octokit,
      repository,
      target.defaultBranch,
      notes,
    );
    notes.push(...skippedNotes(budget.report, limits));
    const result = await scan({ root: folder, config: prepared, jobs: 1 });
    const findings = activeFindings(result).length;
    log.info(
      {
        repository: `${repository.owner}/${repository.repo}`,
        commit: target.commit,
        findings,
        files: result.stats.filesScanned,
      },
      `Palisade full scan (${target.trigger}) done`,
    );
    if (!settings.serverUrl || !settings.serverToken) return { findings, notes };
    // A scan that the limits cut saw only part of the tree: as a "full" upload it would close the findings of
    // the files it never read, so it goes up as a partial (diff) scan instead.
    const partial = cutByLimits(budget.report) || tree.truncated;
    const metadata: UploadMetadata = {
      provider: 'github',
      organization: repository.owner,
      repository: repository.repo,
      branch: target.defaultBranch,
      commit: target.commit,
      kind: partial ? 'diff' : 'full',
      // One run per commit: a redelivered push or a repeated install scan of the same commit is recorded once.
      runId: `github-app-${target.commit}`,
      runUrl: target.htmlUrl ? `${target.htmlUrl}/commit/${target.commit}` : undefined,
    };
    const reply = await uploadScan(settings.serverUrl, settings.serverToken, result, metadata);
    if (partial)
      notes.push('Uploaded as a partial scan: the limits left files out, so no finding is closed by it.');
    return { findings, uploaded: { status: reply.status, url: reply.url, kind: metadata.kind }, notes };
  });
}
