/** `palisade scan --upload URL`: sends a scan to the Palisade server, with metadata from CI or git. */
import { execFileSync } from 'node:child_process';
import { closeSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../core/errors.js';
import { type Category, CODE_CATEGORIES, type IacResourceRecord, type ScanResult } from '../core/types.js';

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
  /** The finding categories the scan covered; by default those of the code rules that ran. */
  categories?: Category[];
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
  const body = {
    ...metadata,
    categories: metadata.categories ?? coveredCodeCategories(result),
    tool: { name: result.tool.name, version: result.tool.version },
    // The server keeps no source text: snippets stay on this machine.
    findings: result.findings.map(({ snippet: _snippet, ...finding }) => finding),
    resources: result.resources && uploadableResources(result.resources),
    codeowners: readCodeowners(result.root),
  };
  const { status, reply } = await postToServer<{
    url?: string;
    statusUrl?: string;
    scan?: { counts?: UploadReply['counts'] };
  }>(serverUrl, 'api/v1/scans', token, body, fetchImpl);
  return { status, url: reply.statusUrl ?? reply.url, counts: reply.scan?.counts };
}

/** The code categories whose rules ran: the server closes only absent findings of these. */
function coveredCodeCategories(result: ScanResult): Category[] | undefined {
  const ran = new Set(result.rules.map((rule) => rule.category));
  const covered = CODE_CATEGORIES.filter((category) => ran.has(category));
  return covered.length > 0 ? covered : undefined;
}

/** Where GitHub (first three, in its order) and GitLab look for the code owners file. */
export const CODEOWNERS_PATHS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS', '.gitlab/CODEOWNERS'];
/** The most CODEOWNERS text sent with a scan (the server's limit, server/schemas/upload.ts). */
export const CODEOWNERS_MAX_CHARS = 64 * 1024;

/**
 * The repository's CODEOWNERS text, for the server's finding owners: the first file found, cut at the last
 * whole line within 64 KiB. A file that is a link out of the repository is never read.
 */
export function readCodeowners(root: string): string | undefined {
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch {
    return undefined;
  }
  for (const candidate of CODEOWNERS_PATHS) {
    let real: string;
    try {
      real = realpathSync(path.join(root, candidate));
    } catch {
      continue;
    }
    // Not a link out of the repository, and not a FIFO or device that would block or never end.
    if (!real.startsWith(realRoot + path.sep) || !statSync(real).isFile()) continue;
    const text = readPrefix(real, CODEOWNERS_MAX_CHARS * 4);
    if (text === undefined) continue;
    if (text.length <= CODEOWNERS_MAX_CHARS) return text;
    const cut = text.slice(0, CODEOWNERS_MAX_CHARS);
    const lastLine = cut.lastIndexOf('\n');
    return lastLine === -1 ? cut : cut.slice(0, lastLine + 1);
  }
  return undefined;
}

/** Up to `maxBytes` of a regular file as UTF-8 (a partial last character dropped), or undefined. */
function readPrefix(file: string, maxBytes: number): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const buffer = Buffer.alloc(maxBytes);
    const read = readSync(fd, buffer, 0, maxBytes, 0);
    return buffer
      .subarray(0, read)
      .toString('utf8')
      .replace(/\uFFFD$/, '');
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The server's limits on the resource inventory (server/schemas/upload.ts): records are fitted to them. */
const RESOURCE_LIMITS = {
  resources: 50_000,
  tags: 200,
  tagKey: 512,
  tagValue: 2048,
  references: 1000,
  type: 300,
  kind: 200,
  address: 2000,
  modulePath: 2000,
  name: 1000,
  file: 4096,
  traceTag: 200,
};

/**
 * The inventory fitted to what the server accepts, so one outsized resource cannot fail the upload: a
 * record whose identity (type, address, file) is too long is left out; optional facts too long are dropped;
 * tags and references beyond the limits are cut (in their sorted order).
 */
export function uploadableResources(resources: IacResourceRecord[]): IacResourceRecord[] {
  const fits = (value: string | undefined, max: number) =>
    value !== undefined && value.length >= 1 && value.length <= max;
  const kept: IacResourceRecord[] = [];
  for (const resource of resources) {
    if (kept.length >= RESOURCE_LIMITS.resources) break;
    if (
      !fits(resource.type, RESOURCE_LIMITS.type) ||
      !fits(resource.address, RESOURCE_LIMITS.address) ||
      !fits(resource.file, RESOURCE_LIMITS.file)
    )
      continue;
    const tags = Object.entries(resource.tags)
      .filter(([key, value]) => fits(key, RESOURCE_LIMITS.tagKey) && value.length <= RESOURCE_LIMITS.tagValue)
      .slice(0, RESOURCE_LIMITS.tags);
    const record: IacResourceRecord = {
      family: resource.family,
      type: resource.type,
      address: resource.address,
      file: resource.file,
      line: resource.line,
      tags: Object.fromEntries(tags),
      references: resource.references
        .filter((reference) => fits(reference, RESOURCE_LIMITS.address))
        .slice(0, RESOURCE_LIMITS.references),
    };
    if (fits(resource.kind, RESOURCE_LIMITS.kind)) record.kind = resource.kind;
    if (fits(resource.modulePath, RESOURCE_LIMITS.modulePath)) record.modulePath = resource.modulePath;
    if (fits(resource.name, RESOURCE_LIMITS.name)) record.name = resource.name;
    if (fits(resource.traceTag, RESOURCE_LIMITS.traceTag)) record.traceTag = resource.traceTag;
    kept.push(record);
  }
  return kept;
}

/**
 * POSTs `body` as JSON to `path` under the server's base URL with the API token. Returns the status (200,
 * 201 or 202) and the parsed reply; throws an Error saying what the server answered otherwise.
 */
export async function postToServer<Reply extends object>(
  serverUrl: string,
  path: string,
  token: string,
  body: unknown,
  fetchImpl: typeof fetch = fetch,
): Promise<{ status: number; reply: Partial<Reply> }> {
  let endpoint: URL;
  try {
    endpoint = new URL(path, serverUrl.endsWith('/') ? serverUrl : `${serverUrl}/`);
  } catch {
    throw new UsageError(`--upload needs the server's base URL (http:// or https://), not "${serverUrl}"`);
  }
  const response = await fetchImpl(endpoint, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(120_000),
  });
  const text = await response.text();
  let reply: Partial<Reply> & { message?: string; pointer?: string } = {};
  try {
    reply = JSON.parse(text);
  } catch {
    // A proxy's HTML error page: reported by status below.
  }
  if (![200, 201, 202].includes(response.status)) {
    const detail = reply.message ? `: ${reply.message}${reply.pointer ? ` (at ${reply.pointer})` : ''}` : '';
    throw new Error(`the server answered ${response.status}${detail}`);
  }
  return { status: response.status, reply };
}
