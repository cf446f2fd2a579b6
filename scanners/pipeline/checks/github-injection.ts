import type { Model } from '../../model/model.js';
import type {
  PipelineFile,
  PipelineJob,
  PipelineStep,
  PipelineVariable,
  ScriptBlock,
} from '../../model/pipeline.js';
import { child } from '../../parsers/tree.js';
import { findExpressions, valuePaths } from '../expressions.js';
import { isPowershell, lexShell, powershellEnvUses, shellVariableUses } from '../shell.js';
import { asMap, joinedBlock, text } from '../source.js';
import { isTaintedGithubPath, PULL_REQUEST_EVENTS } from '../taint.js';
import {
  actionPathOf,
  commandLines,
  githubEvents,
  lineAt,
  type PipelineIssue,
  pipelineFiles,
  stepKey,
} from './common.js';

/** What a GitHub script does with outsider-controlled text. */
export interface GithubInjections {
  /** `${{ tainted }}` spliced into a shell script. */
  run: PipelineIssue[];
  /** `${{ tainted }}` spliced into actions/github-script JavaScript. */
  githubScript: PipelineIssue[];
  /** Tainted text written to GITHUB_ENV, GITHUB_PATH or GITHUB_OUTPUT. */
  envFile: PipelineIssue[];
  /** An environment variable holding tainted text, expanded unquoted or re-parsed by the shell. */
  unquoted: PipelineIssue[];
}

const ENV_FILE = /\b(GITHUB_ENV|GITHUB_PATH|GITHUB_OUTPUT)\b/;
const WRITES = />|\btee\b|Out-File|Add-Content|Set-Content/i;

/**
 * Actions whose outputs carry text from a pull request (file names, comment bodies, branch names), by
 * `owner/repo`, with the outputs concerned (`*` for all).
 */
const UNTRUSTED_OUTPUT_ACTIONS = new Map<string, RegExp>([
  ['tj-actions/changed-files', /.*/],
  ['dorny/paths-filter', /_files$/],
  ['peter-evans/find-comment', /^comment-body$/],
  ['xt0rted/pull-request-comment-branch', /^(head_ref|base_ref)$/],
]);

/**
 * Context paths known to carry outsider text inside one workflow: `env.X`, `steps.id.outputs.name`,
 * `needs.job.outputs.name`, each mapped to a description of where the text comes from.
 */
type Taints = Map<string, string>;

const cache = new WeakMap<Model, GithubInjections>();

/** The outsider-controlled sources an expression's value can carry, following known taints one hop. */
function taintedSources(source: string, taints: Taints): string[] {
  const found = findExpressions(`\${{${source}}}`)[0];
  if (!found?.expr) return [];
  return valuePaths(found.expr).flatMap((path) => {
    if (isTaintedGithubPath(path)) return [path];
    const known = taints.get(path) ?? outputPatternTaint(path, taints);
    return known ? [known] : [];
  });
}

/** A step output matched by an action's output pattern (stored as `steps.id.outputs.~regex`). */
function outputPatternTaint(path: string, taints: Taints): string | undefined {
  const match = /^(steps\.[^.]+\.outputs\.)([^.]+)$/.exec(path);
  if (!match?.[1] || !match[2]) return undefined;
  for (const [key, origin] of taints) {
    if (key.startsWith(`${match[1]}~`) && new RegExp(key.slice(match[1].length + 1)).test(match[2]))
      return origin;
  }
  return undefined;
}

/** Adds the `env:` entries whose values carry tainted text. */
function withEnv(variables: PipelineVariable[], inherited: Taints): Taints {
  const result = new Map(inherited);
  for (const variable of variables) {
    result.delete(`env.${variable.name}`);
    for (const expression of findExpressions(variable.value.value ?? '')) {
      const sources = expression.expr ? taintedSources(expression.source, inherited) : [];
      if (sources[0]) result.set(`env.${variable.name}`, sources[0]);
    }
  }
  return result;
}

/** Outputs a run step writes to GITHUB_OUTPUT from tainted text: output name to source. */
function taintedOutputsOf(block: ScriptBlock, taints: Taints): Map<string, string> {
  const outputs = new Map<string, string>();
  let heredocName: string | undefined;
  for (const line of commandLines(joinedBlock(block).text)) {
    if (!/GITHUB_OUTPUT/.test(line.text)) continue;
    const named = /["']?([A-Za-z_][A-Za-z0-9_-]*)(=|<<)/.exec(
      line.text.replace(/^\s*(echo|printf)\s+(-\w+\s+)*/, ''),
    );
    if (named?.[2] === '<<') heredocName = named[1];
    const name = named?.[2] === '=' ? named[1] : heredocName;
    if (!name) continue;
    const source =
      findExpressions(line.text).flatMap((e) => (e.expr ? taintedSources(e.source, taints) : []))[0] ??
      shellVariableUses(line.text)
        .map((use) => taints.get(`env.${use.name}`))
        .find((origin) => origin !== undefined);
    if (source) outputs.set(name, source);
  }
  return outputs;
}

/** Step outputs of a job that carry tainted text, as `steps.id.outputs.name` taints. */
function stepOutputTaints(job: PipelineJob, pullRequests: boolean, base: Taints): Taints {
  const taints = new Map(base);
  for (const step of job.steps) {
    if (!step.id) continue;
    const env = withEnv(step.env, withEnv(job.env, taints));
    if (step.run) {
      for (const [name, source] of taintedOutputsOf(step.run, env))
        taints.set(`steps.${step.id}.outputs.${name}`, source);
    }
    const action = step.uses?.kind === 'action' ? step.uses.repository : undefined;
    const outputs = action ? UNTRUSTED_OUTPUT_ACTIONS.get(action) : undefined;
    if (outputs && pullRequests) {
      const origin = `outputs of ${actionPathOf(step)} (names and text from the pull request)`;
      taints.set(`steps.${step.id}.outputs.~${outputs.source}`, origin);
    }
  }
  return taints;
}

/** Job outputs (`jobs.<id>.outputs`) carrying tainted step outputs, as `needs.id.outputs.name` taints. */
function jobOutputTaints(pipeline: PipelineFile, pullRequests: boolean): Taints {
  const taints: Taints = new Map();
  const workflowEnv = withEnv(pipeline.variables, new Map());
  for (const job of pipeline.jobs) {
    const stepTaints = stepOutputTaints(job, pullRequests, workflowEnv);
    for (const output of asMap(child(job.node, 'outputs'))?.entries ?? []) {
      for (const expression of findExpressions(text(output.value) ?? '')) {
        const sources = expression.expr ? taintedSources(expression.source, stepTaints) : [];
        if (sources[0]) taints.set(`needs.${job.id}.outputs.${output.key}`, sources[0]);
      }
    }
  }
  return taints;
}

/** All injection findings of the GitHub files of a model (computed once per model). */
export function githubInjections(model: Model): GithubInjections {
  const cached = cache.get(model);
  if (cached) return cached;
  const result: GithubInjections = { run: [], githubScript: [], envFile: [], unquoted: [] };
  for (const pipeline of pipelineFiles(model, 'github')) {
    const events = githubEvents(pipeline);
    const pullRequests =
      pipeline.format === 'github-action' || [...PULL_REQUEST_EVENTS].some((e) => events.has(e));
    const needs = jobOutputTaints(pipeline, pullRequests);
    const workflowTaints = withEnv(pipeline.variables, needs);
    for (const job of pipeline.jobs) {
      const jobTaints = stepOutputTaints(job, pullRequests, withEnv(job.env, workflowTaints));
      for (const step of job.steps) {
        const taints = withEnv(step.env, jobTaints);
        if (step.run) checkScript(result, pipeline, job, step, step.run, 'run', taints);
        for (const [name, block] of step.inputScripts)
          checkScript(result, pipeline, job, step, block, name, taints);
      }
    }
  }
  cache.set(model, result);
  return result;
}

function checkScript(
  result: GithubInjections,
  pipeline: PipelineFile,
  job: PipelineJob,
  step: PipelineStep,
  block: ScriptBlock,
  source: string,
  taints: Taints,
): void {
  const joined = joinedBlock(block);
  const lines = commandLines(joined.text);
  const envFileLine = (offset: number) => {
    const line = lineAt(lines, offset);
    return line && ENV_FILE.test(line.text) && WRITES.test(line.text) ? line : undefined;
  };
  const isGithubScript = source !== 'run';
  for (const expression of findExpressions(joined.text)) {
    const origin = expression.expr ? taintedSources(expression.source, taints)[0] : undefined;
    if (!origin) continue;
    const issue = issueAt(
      pipeline,
      job,
      step,
      source,
      joined,
      expression.start,
      expression.end,
      expression.source.trim(),
    );
    const writtenTo = envFileLine(expression.start);
    if (isGithubScript) {
      issue.message = `${origin} is spliced into the JavaScript of actions/github-script: an outsider can run code with the workflow's token.`;
      result.githubScript.push(issue);
    } else if (writtenTo) {
      issue.message = `${origin} is written to ${ENV_FILE.exec(writtenTo.text)?.[1]}: a newline in it sets any variable (LD_PRELOAD, NODE_OPTIONS) for later steps.`;
      result.envFile.push(issue);
    } else {
      issue.message = `${origin} is spliced into the shell script before it runs: an outsider can inject commands. Pass it through env: and use "$VAR".`;
      result.run.push(issue);
    }
  }
  if (isGithubScript || block.shell === 'python') return;
  const shell = lexShell(joined.text);
  const powershell = isPowershell(block.shell);
  const uses = powershell ? powershellEnvUses(joined.text) : shellVariableUses(joined.text);
  for (const use of uses) {
    const origin = taints.get(`env.${use.name}`);
    if (!origin) continue;
    const writtenTo = envFileLine(use.start);
    if (writtenTo) {
      const issue = issueAt(pipeline, job, step, source, joined, use.start, use.end, `$${use.name}`);
      issue.message = `$${use.name} (from ${origin}) is written to ${ENV_FILE.exec(writtenTo.text)?.[1]}: a newline in it sets any variable for later steps.`;
      result.envFile.push(issue);
      continue;
    }
    if (powershell) {
      if (!/\b(Invoke-Expression|iex)\b/i.test(lineAt(lines, use.start)?.text ?? '')) continue;
    } else {
      const context = shell.contextAt(use.start);
      const reparsed = shell.reparsedAt(use.start) && context !== 'single';
      if ((context !== 'unquoted' || shell.unsplitAt(use.start)) && !reparsed) continue;
    }
    const issue = issueAt(pipeline, job, step, source, joined, use.start, use.end, `$${use.name}`);
    issue.message = `$${use.name} holds ${origin} and is expanded unquoted or re-parsed by the shell: quote it ("$${use.name}") and never eval it.`;
    result.unquoted.push(issue);
  }
}

function issueAt(
  pipeline: PipelineFile,
  job: PipelineJob,
  step: PipelineStep,
  source: string,
  joined: ReturnType<typeof joinedBlock>,
  start: number,
  end: number,
  what: string,
): PipelineIssue {
  const from = joined.position(start);
  const to = joined.position(end);
  return {
    resource: job.file === pipeline.file ? job : pipeline,
    range: { startLine: from.line, startColumn: from.column, endLine: to.line, endColumn: to.column },
    key: `${stepKey(job, step, source)}:${what}`,
    message: '',
  };
}
