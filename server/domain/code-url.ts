/**
 * The address of a file and line at a commit on the repository's host: GitHub, GitLab or Azure DevOps, on
 * their public hosts or on self-hosted ones named in PALISADE_CODE_HOSTS.
 */

export type CodeHostProvider = 'github' | 'gitlab' | 'azure-devops';

/** Base URL per provider, without a trailing slash. Azure DevOps: the organisation's URL. */
export type CodeHosts = Partial<Record<CodeHostProvider, string>>;

export const DEFAULT_CODE_HOSTS: Record<CodeHostProvider, string> = {
  github: 'https://github.com',
  gitlab: 'https://gitlab.com',
  'azure-devops': 'https://dev.azure.com',
};

/**
 * Reads `github=https://github.example.com,gitlab=https://git.example.com,azure-devops=https://dev.azure.com/contoso`.
 * Throws on an unknown provider or a URL that is not http(s), so a typo fails at start-up.
 */
export function parseCodeHosts(text: string | undefined): CodeHosts {
  const hosts: CodeHosts = {};
  for (const entry of (text ?? '').split(',')) {
    if (!entry.trim()) continue;
    const separator = entry.indexOf('=');
    const provider = entry.slice(0, separator).trim();
    const url = entry.slice(separator + 1).trim();
    if (separator < 0 || !(provider in DEFAULT_CODE_HOSTS)) {
      throw new Error(
        `PALISADE_CODE_HOSTS: "${entry.trim()}" must be github=URL, gitlab=URL or azure-devops=URL`,
      );
    }
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new Error(`PALISADE_CODE_HOSTS: "${url}" is not a URL`);
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
      throw new Error(`PALISADE_CODE_HOSTS: "${url}" must be an http(s) URL`);
    hosts[provider as CodeHostProvider] = parsed.href.replace(/\/+$/, '');
  }
  return hosts;
}

export interface CodeLocation {
  provider: string;
  /** The owner or namespace (GitLab groups may nest: `group/sub`); Azure DevOps: the project, or `org/project`. */
  owner: string;
  repository: string;
  commit: string;
  file: string;
  line: number;
}

/**
 * The link to the line, or null when the provider is not one of the three, or when an Azure DevOps owner
 * has no organisation (a bare project name) and no host is configured for it.
 */
export function codeUrl(location: CodeLocation, hosts: CodeHosts = {}): string | null {
  const { owner, repository, commit, line } = location;
  if (!/^[0-9a-fA-F]{4,64}$/.test(commit) || !owner || !repository) return null;
  const file = location.file.replace(/^\.?\/+/, '');
  const path = file.split('/').map(encodeURIComponent).join('/');
  const ownerPath = owner.split('/').map(encodeURIComponent).join('/');
  switch (location.provider) {
    case 'github':
      return `${hosts.github ?? DEFAULT_CODE_HOSTS.github}/${ownerPath}/${encodeURIComponent(repository)}/blob/${commit}/${path}#L${line}`;
    case 'gitlab':
      return `${hosts.gitlab ?? DEFAULT_CODE_HOSTS.gitlab}/${ownerPath}/${encodeURIComponent(repository)}/-/blob/${commit}/${path}#L${line}`;
    case 'azure-devops': {
      const configured = hosts['azure-devops'];
      if (!configured && !owner.includes('/')) return null;
      const base = configured ?? DEFAULT_CODE_HOSTS['azure-devops'];
      const query = `path=/${path}&version=GC${commit}&line=${line}`;
      return `${base}/${ownerPath}/_git/${encodeURIComponent(repository)}?${query}`;
    }
    default:
      return null;
  }
}
