/**
 * Values an outsider controls, per platform: what anyone who can open an issue, a pull request, a comment
 * or push a branch to a fork can write. Sources: GitHub's webhook payload reference and its security
 * hardening guide, GitLab's predefined variables, Azure Pipelines' predefined variables.
 */

/** GitHub context paths (`*` matches one segment, including an index) an outsider writes. */
const GITHUB_TAINTED = [
  'github.head_ref',
  'github.event.issue.title',
  'github.event.issue.body',
  'github.event.pull_request.title',
  'github.event.pull_request.body',
  'github.event.pull_request.head.ref',
  'github.event.pull_request.head.label',
  'github.event.pull_request.head.repo.default_branch',
  'github.event.pull_request.head.repo.description',
  'github.event.pull_request.head.repo.homepage',
  'github.event.comment.body',
  'github.event.review.body',
  'github.event.review_comment.body',
  'github.event.discussion.title',
  'github.event.discussion.body',
  'github.event.pages.*.page_name',
  'github.event.commits.*.message',
  'github.event.commits.*.author.email',
  'github.event.commits.*.author.name',
  'github.event.head_commit.message',
  'github.event.head_commit.author.email',
  'github.event.head_commit.author.name',
  'github.event.workflow_run.head_branch',
  'github.event.workflow_run.display_title',
  'github.event.workflow_run.head_commit.message',
  'github.event.workflow_run.head_commit.author.email',
  'github.event.workflow_run.head_commit.author.name',
  'github.event.workflow_run.pull_requests.*.head.ref',
  'github.event.workflow_run.head_repository.description',
].map((path) => path.split('.'));

/** Objects that, dumped whole (`toJSON(github.event)`), carry outsider text. */
const GITHUB_TAINTED_OBJECTS = new Set([
  'github.event',
  'github.event.issue',
  'github.event.pull_request',
  'github.event.pull_request.head',
  'github.event.comment',
  'github.event.review',
  'github.event.review_comment',
  'github.event.head_commit',
  'github.event.commits',
  'github.event.workflow_run',
  'github.event.discussion',
]);

/** True when a GitHub context path (`github.event.issue.title`) is written by outsiders. */
export function isTaintedGithubPath(path: string): boolean {
  const normalized = path.replace(/^github\.event\.(\w+)\.\*$/, 'github.event.$1');
  if (GITHUB_TAINTED_OBJECTS.has(normalized)) return true;
  const parts = path.split('.');
  return GITHUB_TAINTED.some(
    (pattern) => pattern.length === parts.length && pattern.every((p, i) => p === '*' || p === parts[i]),
  );
}

/** GitLab predefined variables whose values come from commit, branch or merge request authors. */
const GITLAB_TAINTED = new Set([
  'CI_MERGE_REQUEST_TITLE',
  'CI_MERGE_REQUEST_DESCRIPTION',
  'CI_MERGE_REQUEST_SOURCE_BRANCH_NAME',
  'CI_COMMIT_MESSAGE',
  'CI_COMMIT_TITLE',
  'CI_COMMIT_DESCRIPTION',
  'CI_COMMIT_TAG_MESSAGE',
  'CI_COMMIT_BRANCH',
  'CI_COMMIT_REF_NAME',
  'CI_COMMIT_AUTHOR',
  'CI_EXTERNAL_PULL_REQUEST_SOURCE_BRANCH_NAME',
]);

/** True when a GitLab variable name is an outsider-controlled predefined variable. */
export function isTaintedGitlabVariable(name: string): boolean {
  return GITLAB_TAINTED.has(name);
}

/** Azure predefined variables (lower-cased) that pull request and commit authors write. */
const AZURE_TAINTED = new Set([
  'system.pullrequest.sourcebranch',
  'build.sourceversionmessage',
  'build.sourcebranch',
  'build.sourcebranchname',
  'build.sourceversionauthor',
]);

/** True when an Azure variable (`Build.SourceVersionMessage`, any case) is outsider-controlled. */
export function isTaintedAzureVariable(name: string): boolean {
  return AZURE_TAINTED.has(name.toLowerCase());
}

/** The environment variable name Azure gives a variable: `Build.SourceBranch` becomes `BUILD_SOURCEBRANCH`. */
function azureEnvName(name: string): string {
  return name.toUpperCase().replace(/\./g, '_');
}

/** Azure tainted variables under their environment names. */
export const AZURE_TAINTED_ENV = new Set([...AZURE_TAINTED].map(azureEnvName));

/** GitHub events an outsider can start while the workflow holds the base repository's token and secrets. */
export const PRIVILEGED_UNTRUSTED_EVENTS = new Set(['pull_request_target', 'workflow_run', 'issue_comment']);

/** GitHub events a fork pull request starts. */
export const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);
