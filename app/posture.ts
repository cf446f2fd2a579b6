/**
 * Repository posture from the App: the repository's security settings collected with the installation token
 * (scanners/posture/github.ts), scanned with the posture rules under the repository's configuration, and
 * uploaded to the server as `posture` findings of the default branch (covering that category only, so that
 * code scans and settings checks never close each other's findings).
 */
import { tmpdir } from 'node:os';
import path from 'node:path';
import { uploadScan } from '../scanners/cli/upload.js';
import { activeFindings } from '../scanners/core/types.js';
import {
  collectGitHubRepositorySettings,
  repositoryUploadMetadata,
  scanRepositorySettings,
} from '../scanners/posture/github.js';
import { loadRepositoryConfig } from './config.js';
import type { RepositoryRef } from './content.js';
import type { JobContext } from './pull-request.js';

export interface PostureOutcome {
  findings: number;
  uploaded?: { status: number; url?: string };
}

export async function checkPosture(job: JobContext, repository: RepositoryRef): Promise<PostureOutcome> {
  const { octokit, settings, log } = job;
  // Posture reads no repository file: the folder only anchors relative paths in the configuration.
  const { config } = await loadRepositoryConfig(octokit, repository, path.join(tmpdir(), 'palisade-posture'));
  const snapshot = await collectGitHubRepositorySettings(octokit, repository.owner, repository.repo);
  const result = await scanRepositorySettings(snapshot, { config });
  const findings = activeFindings(result).length;
  log.info({ repository: `${repository.owner}/${repository.repo}`, findings }, 'Palisade posture checked');
  if (!settings.serverUrl || !settings.serverToken) return { findings };
  const metadata = repositoryUploadMetadata(snapshot, `github-app-posture-${snapshot.collectedAt}`);
  const reply = await uploadScan(settings.serverUrl, settings.serverToken, result, metadata);
  return { findings, uploaded: { status: reply.status, url: reply.url } };
}
