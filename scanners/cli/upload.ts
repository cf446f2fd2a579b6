/** `palisade scan --upload URL`: sends a scan to the Palisade server, with metadata from CI or git. */
import { execFileSync } from 'node:child_process';
import { UsageError } from '../core/errors.js';
import type { ScanResult } from '../core/types.js';

/** The scan metadata the server's `POST /api/v1/scans` expects next to the findings. */
export interface UploadMetadata {
  provider: string;
  organization: string;
  repository: string;
  branch: string;
  commit: string;
  kind: 'full' | 'diff';
  runId: string;
  runUrl?: string;
  pullRequest?: string;
}

export interface UploadReply {
  /** 201 recorded, 200 already recorded (a retry), 202 accepted for processing. */
  status: number;
  /** The scan's address in the API, or the status URL of an accepted upload. */
  url?: string;
  counts?: { new?: number; closed?: number; reopened?: number; total?: number };
}

type Env = Record<string, string | undefined>;

/**
 * Works out what was scanned: from the CI system's variables (GitHub Actions, GitLab CI, Azure Pipelines),
 * else from git in `root`. `PALISADE_PROVIDER`, `PALISADE_ORGANIZATION`, `PALISADE_REPOSITORY`,
 * `PALISADE_BRANCH`, `PALISADE_COMMIT` and `PALISADE_RUN_ID` override any of it.
 */
export function detectUploadMetadata(
  env: Env,
  root: string,
  kind: 'full' | 'diff',
  now = Date.now(),
): UploadMetadata {
  const detected = fromGitHub(env) ?? fromGitLab(env) ?? fromAzure(env) ?? fromGit(root, now);
  const metadata: Partial<UploadMetadata> = { ...detected, kind };
  const override = (key: keyof UploadMetadata, variable: string) => {
    const value = env[variable]?.trim();
    if (value) (metadata as Record<string, string>)[key] = value;
  };
  override('provider', 'PALISADE_PROVIDER');
  override('organization', 'PALISADE_ORGANIZATION');
  override('repository', 'PALISADE_REPOSITORY');
  override('branch', 'PALISADE_BRANCH');
  override('commit', 'PALISADE_COMMIT');
  override('runId', 'PALISADE_RUN_ID');
  const missing = (['organization', 'repository', 'branch', 'commit'] as const).filter(
    (key) => !metadata[key],
  );
  if (missing.length) {
    throw new UsageError(
      `cannot tell the ${missing.join(', ')} of this scan for --upload: run it in a git checkout with an ` +
        `"origin" remote, or set ${missing.map((key) => `PALISADE_${key.toUpperCase()}`).join(', ')}`,
    );
  }
  return metadata as UploadMetadata;
}

function fromGitHub(env: Env): Omit<UploadMetadata, 'kind'> | undefined {
  const [owner, name] = (env.GITHUB_REPOSITORY ?? '').split('/');
  if (!env.GITHUB_ACTIONS || !owner || !name || !env.GITHUB_SHA) return undefined;
  const pullRequest = /^refs\/pull\/(\d+)\//.exec(env.GITHUB_REF ?? '')?.[1];
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
  return {
    provider: 'github',
    organization: owner,
    repository: name,
    branch: env.GITHUB_HEAD_REF || env.GITHUB_REF_NAME || 'unknown',
    commit: env.GITHUB_SHA,
    runId: `${env.GITHUB_RUN_ID ?? 'run'}-${env.GITHUB_RUN_ATTEMPT ?? '1'}-${env.GITHUB_JOB ?? 'job'}`,
    runUrl: env.GITHUB_RUN_ID ? `${server}/${owner}/${name}/actions/runs/${env.GITHUB_RUN_ID}` : undefined,
    pullRequest,
  };
}

function fromGitLab(env: Env): Omit<UploadMetadata, 'kind'> | undefined {
  if (!env.GITLAB_CI || !env.CI_PROJECT_NAMESPACE || !env.CI_PROJECT_NAME || !env.CI_COMMIT_SHA)
    return undefined;
  return {
    provider: 'gitlab',
    organization: env.CI_PROJECT_NAMESPACE,
    repository: env.CI_PROJECT_NAME,
    branch: env.CI_MERGE_REQUEST_SOURCE_BRANCH_NAME || env.CI_COMMIT_REF_NAME || 'unknown',
    commit: env.CI_COMMIT_SHA,
    runId: env.CI_JOB_ID ?? env.CI_PIPELINE_ID ?? 'pipeline',
    runUrl: env.CI_JOB_URL ?? env.CI_PIPELINE_URL,
    pullRequest: env.CI_MERGE_REQUEST_IID,
  };
}

function fromAzure(env: Env): Omit<UploadMetadata, 'kind'> | undefined {
  if (!env.TF_BUILD || !env.BUILD_REPOSITORY_NAME || !env.BUILD_SOURCEVERSION) return undefined;
  // Azure Repos names the repository alone; GitHub-hosted repositories come as owner/name.
  const [first, second] = env.BUILD_REPOSITORY_NAME.split('/');
  const organization = second ? first : (env.SYSTEM_TEAMPROJECT ?? 'default');
  const collection = env.SYSTEM_COLLECTIONURI?.replace(/\/$/, '');
  return {
    provider: 'azure-devops',
    organization: organization ?? 'default',
    repository: second ?? first ?? env.BUILD_REPOSITORY_NAME,
    branch:
      env.SYSTEM_PULLREQUEST_SOURCEBRANCH?.replace(/^refs\/heads\//, '') ||
      env.BUILD_SOURCEBRANCH?.replace(/^refs\/heads\//, '') ||
      'unknown',
    commit: env.BUILD_SOURCEVERSION,
    runId: `${env.BUILD_BUILDID ?? 'build'}-${env.SYSTEM_JOBATTEMPT ?? '1'}`,
    runUrl:
      collection && env.SYSTEM_TEAMPROJECT && env.BUILD_BUILDID
        ? `${collection}/${encodeURIComponent(env.SYSTEM_TEAMPROJECT)}/_build/results?buildId=${env.BUILD_BUILDID}`
        : undefined,
    pullRequest: env.SYSTEM_PULLREQUEST_PULLREQUESTID,
  };
}

/** Outside CI: the origin remote, the checked-out branch and HEAD; each local run is a run of its own. */
function fromGit(root: string, now: number): Omit<UploadMetadata, 'kind'> {
  const git = (...args: string[]) => {
    try {
      return execFileSync('git', ['-C', root, ...args], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim();
    } catch {
      return '';
    }
  };
  const remote = parseRemote(git('remote', 'get-url', 'origin'));
  const branch = git('rev-parse', '--abbrev-ref', 'HEAD');
  return {
    provider: remote?.provider ?? 'local',
    organization: remote?.organization ?? '',
    repository: remote?.repository ?? '',
    branch: branch === 'HEAD' ? '' : branch,
    commit: git('rev-parse', 'HEAD'),
    runId: `local-${now}`,
  };
}

/** Owner and name from a git remote URL (https or scp-like ssh), and the provider by host. */
export function parseRemote(
  url: string,
): { provider: string; organization: string; repository: string } | undefined {
  const match = /^(?:[a-z+]+:\/\/)?(?:[^@/]+@)?([^/:]+)(?::\d+)?[/:](.+?)(?:\.git)?\/?$/.exec(url.trim());
  if (!match) return undefined;
  const host = (match[1] ?? '').toLowerCase();
  const parts = (match[2] ?? '').split('/').filter(Boolean);
  if (parts.length < 2) return undefined;
  // Azure Repos: dev.azure.com/org/project/_git/repo.
  const gitIndex = parts.indexOf('_git');
  if (gitIndex > 0) {
    return {
      provider: 'azure-devops',
      organization: parts[gitIndex - 1] ?? '',
      repository: parts[gitIndex + 1] ?? '',
    };
  }
  const provider = host.includes('github') ? 'github' : host.includes('gitlab') ? 'gitlab' : host;
  return { provider, organization: parts.slice(0, -1).join('/'), repository: parts.at(-1) ?? '' };
}

/** Posts the scan; throws an Error saying what the server answered when it is not accepted. */
export async function uploadScan(
  serverUrl: string,
  token: string,
  result: ScanResult,
  metadata: UploadMetadata,
  fetchImpl: typeof fetch = fetch,
): Promise<UploadReply> {
  let endpoint: URL;
  try {
    endpoint = new URL('api/v1/scans', serverUrl.endsWith('/') ? serverUrl : `${serverUrl}/`);
  } catch {
    throw new UsageError(`--upload needs the server's base URL (http:// or https://), not "${serverUrl}"`);
  }
  const body = {
    ...metadata,
    tool: { name: result.tool.name, version: result.tool.version },
    // The server keeps no source text: snippets stay on this machine.
    findings: result.findings.map(({ snippet: _snippet, ...finding }) => finding),
  };
  const response = await fetchImpl(endpoint, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(120_000),
  });
  const text = await response.text();
  let reply: {
    url?: string;
    statusUrl?: string;
    scan?: { counts?: UploadReply['counts'] };
    message?: string;
    pointer?: string;
  } = {};
  try {
    reply = JSON.parse(text);
  } catch {
    // A proxy's HTML error page: reported by status below.
  }
  if (![200, 201, 202].includes(response.status)) {
    const detail = reply.message ? `: ${reply.message}${reply.pointer ? ` (at ${reply.pointer})` : ''}` : '';
    throw new Error(`the server answered ${response.status}${detail}`);
  }
  return { status: response.status, url: reply.statusUrl ?? reply.url, counts: reply.scan?.counts };
}
