import type { Range } from '../core/types.js';
import type { MapNode, TreeNode } from '../parsers/tree.js';
import type { Attr } from './attr.js';
import type { Resource } from './model.js';

export type PipelinePlatform = 'github' | 'gitlab' | 'azure';

/** One source line of a `run:` / `script:` block, with where it sits in the file. */
export interface ScriptLine {
  /** The line as the shell sees it (block indentation removed). */
  text: string;
  /** 1-based line in the file. */
  line: number;
  /** 1-based column in the file of `text[0]`. */
  column: number;
}

/** A shell or script body, line by line, each line mapped back to the file. */
export interface ScriptBlock {
  /** The parsed value (as YAML delivers it). */
  value: string;
  lines: ScriptLine[];
  range: Range;
  /** `bash`, `sh`, `pwsh`, `powershell`, `python`, `cmd`, `javascript` (github-script)... when known. */
  shell?: string;
}

/** An environment or pipeline variable with its value as written. */
export interface PipelineVariable {
  name: string;
  value: Attr<string>;
  keyRange: Range;
}

/** `owner/repo/path@ref`, `./local`, or `docker://image` in a `uses:`. */
export interface ActionRef {
  raw: Attr<string>;
  kind: 'action' | 'reusable-workflow' | 'local' | 'docker';
  /** Lower-cased `owner/repo` for remote refs. */
  repository?: string;
  /** Sub-path inside the repository, if any. */
  path?: string;
  ref?: string;
  /** For docker refs, the image reference. */
  image?: ImageRef;
}

/** A container image reference split into its parts. */
export interface ImageRef {
  raw: Attr<string>;
  name: string;
  tag?: string;
  digest?: string;
  /** True when the reference is built from variables and cannot be judged. */
  dynamic: boolean;
}

/** A container (job container, service) a job runs. */
export interface PipelineContainer {
  image: ImageRef;
  /** Docker options (`options:` in GitHub and Azure), as written. */
  options?: Attr<string>;
  /** GitLab `services:` alias or `command:`, Azure container resource name. */
  alias?: string;
  variables: PipelineVariable[];
  node: TreeNode;
}

/** A permission block (GitHub). */
export interface Permissions {
  range: Range;
  /** `read-all`, `write-all` or `{}` (none) when given as a scalar or an empty map. */
  shorthand?: Attr<string>;
  scopes: Map<string, Attr<string>>;
}

/** An event that starts a pipeline, with its filters. */
export interface PipelineTrigger {
  event: string;
  range: Range;
  node?: TreeNode;
}

/** A reference to code fetched from elsewhere: includes, templates, repository resources. */
export interface PipelineInclude {
  kind:
    | 'gitlab-local'
    | 'gitlab-project'
    | 'gitlab-remote'
    | 'gitlab-template'
    | 'gitlab-component'
    | 'azure-template'
    | 'azure-repository';
  target: Attr<string>;
  /** The version asked for (`ref:`, `@version`), absent when the default branch is taken. */
  ref?: Attr<string>;
  /** For Azure repositories: the resource alias, and the repository type (git, github, bitbucket). */
  alias?: string;
  repositoryType?: string;
  range: Range;
}

/** One step of a job (GitHub step, GitLab script section, Azure step). */
export interface PipelineStep {
  index: number;
  name?: string;
  id?: string;
  range: Range;
  headerRange: Range;
  uses?: ActionRef;
  /** `with:` (GitHub) or `inputs:` (Azure tasks). */
  inputs: Map<string, Attr<string>>;
  /** Input scripts (github-script `script:`, Azure task `script`/`inline`). */
  inputScripts: Map<string, ScriptBlock>;
  run?: ScriptBlock;
  env: PipelineVariable[];
  condition?: Attr<string>;
  /** Azure `task:` name such as `Bash@3`, or `checkout` for checkout steps. */
  task?: Attr<string>;
  node: MapNode;
}

export interface PipelineJob extends Resource {
  kind: 'pipeline.job';
  id: string;
  name?: string;
  /** GitHub `runs-on` labels, GitLab `tags`, Azure `pool` name / vmImage. */
  runsOn: Attr<string>[];
  container?: PipelineContainer;
  services: PipelineContainer[];
  environment?: Attr<string>;
  permissions?: Permissions;
  /** `secrets: inherit` on a reusable-workflow call. */
  secretsInherit?: Attr<string>;
  condition?: Attr<string>;
  /** Reusable workflow called by the job (GitHub) */
  uses?: ActionRef;
  steps: PipelineStep[];
  env: PipelineVariable[];
  /** GitLab `rules:` `if:` expressions, `only`/`except` entries; Azure job `condition`. */
  rules: Attr<string>[];
  /** GitLab `artifacts:` paths and report files. */
  artifactPaths: Attr<string>[];
  dotenvReports: Attr<string>[];
  /** GitLab `secrets:` / `id_tokens:` names, Azure variable groups. */
  secretSources: Attr<string>[];
  /** Template references inside the job (Azure `template:` steps or jobs). */
  includes: PipelineInclude[];
  node: MapNode;
}

/** One pipeline definition: a GitHub workflow or action, a GitLab CI file, an Azure pipeline or template. */
export interface PipelineFile extends Resource {
  kind: 'pipeline.file';
  platform: PipelinePlatform;
  name?: string;
  triggers: PipelineTrigger[];
  permissions?: Permissions;
  jobs: PipelineJob[];
  includes: PipelineInclude[];
  /** Top-level `env:` (GitHub) or `variables:` (GitLab, Azure). */
  variables: PipelineVariable[];
  /** Azure variable groups, GitLab top-level secrets sources. */
  variableGroups: Attr<string>[];
  /** Container images declared at file level (GitLab `default:`/top-level `image`, Azure resources). */
  containers: PipelineContainer[];
  node: MapNode;
}

/** CI/CD pipeline definitions of a unit (GitHub Actions, GitLab CI, Azure Pipelines). */
export interface PipelineModel {
  files: PipelineFile[];
  /** `owner/repo` glob patterns whose actions may be pinned by tag (config `pipeline.trusted-actions`). */
  trustedActions: string[];
}

/** First-party actions allowed to be pinned by tag unless the config says otherwise. */
export const DEFAULT_TRUSTED_ACTIONS: readonly string[] = ['actions/*', 'github/*'];
