/** Finds, creates or updates the one sticky comment on a pull request through the REST API. */
import type { Octokit as CoreOctokit } from '@octokit/core';
import type { PaginateInterface } from '@octokit/plugin-paginate-rest';
import type { Api } from '@octokit/plugin-rest-endpoint-methods';
import { STICKY_MARKER } from './comment.js';

/** What the Action's client (@actions/github) and the App's (Probot) both are. */
export type GitHubClient = CoreOctokit & { paginate: PaginateInterface } & Api;

export interface StickyTarget {
  owner: string;
  repo: string;
  issueNumber: number;
}

export interface ExistingComment {
  id: number;
  body: string;
}

/** Comments by this identity count as ours; a marker pasted by anyone else is ignored. */
async function ownLogin(octokit: GitHubClient): Promise<string | undefined> {
  try {
    // A personal access token can name its user; GITHUB_TOKEN and App tokens get 403 here and post as a Bot.
    const { data } = await octokit.rest.users.getAuthenticated();
    return data.login;
  } catch {
    return undefined;
  }
}

/**
 * The first comment with the marker written by a Bot (GITHUB_TOKEN, an App) or by the token's own user.
 * `postsAsBot`: the token is known to post as a Bot (an App's installation token), so it is not asked its user.
 */
export async function findSticky(
  octokit: GitHubClient,
  target: StickyTarget,
  options: { postsAsBot?: boolean } = {},
): Promise<ExistingComment | undefined> {
  const login = options.postsAsBot ? undefined : await ownLogin(octokit);
  const comments = await octokit.paginate(octokit.rest.issues.listComments, {
    owner: target.owner,
    repo: target.repo,
    issue_number: target.issueNumber,
    per_page: 100,
  });
  for (const comment of comments) {
    const ours = comment.user?.type === 'Bot' || (login !== undefined && comment.user?.login === login);
    if (ours && comment.body?.includes(STICKY_MARKER)) return { id: comment.id, body: comment.body };
  }
  return undefined;
}

export async function writeSticky(
  octokit: GitHubClient,
  target: StickyTarget,
  existing: ExistingComment | undefined,
  body: string,
): Promise<{ id: number; url: string; action: 'created' | 'updated' }> {
  if (existing) {
    const { data } = await octokit.rest.issues.updateComment({
      owner: target.owner,
      repo: target.repo,
      comment_id: existing.id,
      body,
    });
    return { id: data.id, url: data.html_url, action: 'updated' };
  }
  const { data } = await octokit.rest.issues.createComment({
    owner: target.owner,
    repo: target.repo,
    issue_number: target.issueNumber,
    body,
  });
  return { id: data.id, url: data.html_url, action: 'created' };
}
