/** The base of diff mode, and the git history it needs on a shallow checkout. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import * as core from '@actions/core';

const run = promisify(execFile);

async function git(cwd: string, args: string[], env?: Record<string, string>): Promise<boolean> {
  try {
    await run('git', args, { cwd, encoding: 'utf8', env: env ? { ...process.env, ...env } : process.env });
    return true;
  } catch {
    return false;
  }
}

const SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

/** The base commit of the change under review (a pull request, or a merge queue group), if the event has one. */
export function pullRequestBase(payload: Record<string, unknown>): string | undefined {
  const pr = payload.pull_request as { base?: { sha?: unknown } } | undefined;
  const group = payload.merge_group as { base_sha?: unknown } | undefined;
  const sha = pr?.base?.sha ?? group?.base_sha;
  return typeof sha === 'string' && SHA.test(sha) ? sha : undefined;
}

export interface FetchAuth {
  /** The GitHub server, e.g. https://github.com. */
  serverUrl: string;
  token: string;
}

/**
 * Makes sure `git merge-base <base> HEAD` can answer. actions/checkout fetches one commit by default, so the
 * base commit is missing: fetch it, and one more level of HEAD (the pull request merge commit, whose first
 * parent is the base). When the checkout kept no credentials (persist-credentials: false), the fetch is
 * retried with the token, passed through git's environment configuration so it never appears in a command
 * line. Returns false when the history still does not connect.
 */
export async function prepareDiffBase(
  root: string,
  base: string,
  head: string | undefined,
  auth?: FetchAuth,
): Promise<boolean> {
  const connected = () => git(root, ['merge-base', '--end-of-options', base, 'HEAD']);
  if (await connected()) return true;
  core.info(`Fetching the diff base ${base} (shallow checkout)`);
  const fetch = async (env?: Record<string, string>) => {
    const fetched = await git(
      root,
      ['fetch', '--no-tags', '--no-recurse-submodules', '--depth=1', 'origin', base],
      env,
    );
    if (fetched && head && SHA.test(head))
      await git(root, ['fetch', '--no-tags', '--no-recurse-submodules', '--depth=2', 'origin', head], env);
    return fetched;
  };
  if (!(await fetch()) && auth?.token) {
    const basic = Buffer.from(`x-access-token:${auth.token}`, 'utf8').toString('base64');
    core.setSecret(basic);
    await fetch({
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: `http.${auth.serverUrl.replace(/\/$/, '')}/.extraheader`,
      GIT_CONFIG_VALUE_0: `AUTHORIZATION: basic ${basic}`,
    });
  }
  return connected();
}
