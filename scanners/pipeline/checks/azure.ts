import type { Model } from '../../model/model.js';
import type { PipelineVariable } from '../../model/pipeline.js';
import { findExpressions, valuePaths } from '../expressions.js';
import { isCommitSha } from '../refs.js';
import { isPowershell, lexShell, powershellEnvUses, shellVariableUses } from '../shell.js';
import { joinedBlock } from '../source.js';
import { AZURE_TAINTED_ENV, isTaintedAzureVariable } from '../taint.js';
import { commandLines, lineAt, type PipelineIssue, pipelineFiles, stepKey, stepScripts } from './common.js';

/** Azure macro syntax `$(Name.Part)`: replaced in the script text before the script runs. */
const MACRO = /\$\(([A-Za-z_][A-Za-z0-9_.]*)\)/g;

/** The Azure variable a path of `variables['Build.SourceBranch']` / `variables.Build.SourceBranch` names. */
function variableOf(path: string): string | undefined {
  const match = /^variables\.(.+)$/i.exec(path);
  return match?.[1];
}

/** Tainted variables named in a text: macros, template and runtime expressions. */
function taintedReferences(text: string): Array<{ name: string; start: number; end: number }> {
  const found: Array<{ name: string; start: number; end: number }> = [];
  for (let m = MACRO.exec(text); m; m = MACRO.exec(text)) {
    if (m[1] && isTaintedAzureVariable(m[1]))
      found.push({ name: m[1], start: m.index, end: m.index + m[0].length });
  }
  MACRO.lastIndex = 0;
  for (const expression of findExpressions(text, true)) {
    if (!expression.expr) continue;
    const name = valuePaths(expression.expr)
      .map(variableOf)
      .find((v) => v !== undefined && isTaintedAzureVariable(v));
    if (name) found.push({ name, start: expression.start, end: expression.end });
  }
  return found;
}

/** What Azure scripts do with outsider-controlled variables. */
export interface AzureInjections {
  /** Macro or template expression spliced into script text. */
  spliced: PipelineIssue[];
  /** The environment variable form expanded unquoted or re-parsed. */
  unquoted: PipelineIssue[];
}

const cache = new WeakMap<Model, AzureInjections>();

function envTaint(variables: PipelineVariable[], inherited: Map<string, string>): Map<string, string> {
  const result = new Map(inherited);
  for (const variable of variables) {
    const reference = taintedReferences(variable.value.value ?? '')[0];
    if (reference) result.set(variable.name, reference.name);
    else result.delete(variable.name);
  }
  return result;
}

/** Injection findings of the Azure files of a model. */
export function azureInjections(model: Model): AzureInjections {
  const cached = cache.get(model);
  if (cached) return cached;
  const result: AzureInjections = { spliced: [], unquoted: [] };
  for (const script of stepScripts(pipelineFiles(model, 'azure'))) {
    const { job, step, block, source } = script;
    const joined = joinedBlock(block);
    const at = (start: number, end: number, what: string, message: string): PipelineIssue => {
      const from = joined.position(start);
      const to = joined.position(end);
      return {
        resource: job,
        range: { startLine: from.line, startColumn: from.column, endLine: to.line, endColumn: to.column },
        key: `${stepKey(job, step, source)}:${what}`,
        message,
      };
    };
    for (const reference of taintedReferences(joined.text)) {
      result.spliced.push(
        at(
          reference.start,
          reference.end,
          reference.name,
          `${reference.name} is pasted into the script text before it runs; whoever names the branch or writes the commit message injects commands. Map it to an env: variable and quote it.`,
        ),
      );
    }
    const env = envTaint(step.env, new Map());
    const lines = commandLines(joined.text);
    const shell = lexShell(joined.text);
    const powershell = isPowershell(block.shell);
    const uses = powershell ? powershellEnvUses(joined.text) : shellVariableUses(joined.text);
    for (const use of uses) {
      const origin =
        env.get(use.name) ?? (AZURE_TAINTED_ENV.has(use.name.toUpperCase()) ? use.name : undefined);
      if (!origin) continue;
      if (powershell) {
        const line = lineAt(lines, use.start)?.text ?? '';
        if (!/\b(Invoke-Expression|iex)\b/i.test(line)) continue;
      } else {
        const context = shell.contextAt(use.start);
        const reparsed = shell.reparsedAt(use.start) && context !== 'single';
        if ((context !== 'unquoted' || shell.unsplitAt(use.start)) && !reparsed) continue;
      }
      result.unquoted.push(
        at(
          use.start,
          use.end,
          `$${use.name}`,
          `$${use.name} (from ${origin}) is expanded unquoted or re-parsed by the shell: quote it ("$${use.name}") and never eval it.`,
        ),
      );
    }
  }
  cache.set(model, result);
  return result;
}

/** Azure repository resources (templates, checkouts) taken from a branch or tag rather than a commit. */
export function unpinnedRepositories(model: Model): PipelineIssue[] {
  const issues: PipelineIssue[] = [];
  for (const pipeline of pipelineFiles(model, 'azure')) {
    for (const include of pipeline.includes) {
      if (include.kind !== 'azure-repository') continue;
      const ref = include.ref?.value;
      if (ref?.includes('$') || isCommitSha(ref?.replace(/^refs\/heads\//, ''))) continue;
      issues.push({
        resource: pipeline,
        range: include.ref?.range ?? include.range,
        key: `resources.repositories.${include.alias}`,
        message: `Repository resource ${include.alias} (${include.target.value}) is taken from ${ref ? `the mutable ref ${ref}` : 'its default branch'}; templates and code from it run with this pipeline's secrets. Set ref: to a full commit SHA.`,
      });
    }
  }
  return issues;
}

/** Azure `checkout` steps that leave the OAuth token in the git config for later steps. */
export function persistedCredentials(model: Model): PipelineIssue[] {
  const issues: PipelineIssue[] = [];
  for (const pipeline of pipelineFiles(model, 'azure')) {
    for (const job of pipeline.jobs) {
      for (const step of job.steps) {
        const persist = step.inputs.get('persistCredentials');
        if (step.task?.value !== 'checkout' || !/^true$/i.test(persist?.value ?? '') || !persist) continue;
        issues.push({
          resource: job,
          range: persist.range,
          key: `${job.address}.steps[${step.index}].persistCredentials`,
          message: `The checkout of ${step.inputs.get('repository')?.value ?? 'the repository'} keeps the System.AccessToken in .git/config, where every later step and script (and any artifact of the folder) can read it. Pass the token only to the command that pushes.`,
        });
      }
    }
  }
  return issues;
}

/** Conditions that keep a job away from pull request builds. */
const NOT_PULL_REQUEST =
  /ne\(\s*variables(\[['"]|\.)Build\.Reason(['"]\])?\s*,\s*'PullRequest'\s*\)|eq\(\s*variables(\[['"]|\.)Build\.Reason(['"]\])?\s*,\s*'(IndividualCI|BatchedCI|Schedule|Manual)'/i;

/** Azure pipelines validating pull requests (forks included) with variable groups of secrets. */
export function forkPullRequestSecrets(model: Model): PipelineIssue[] {
  const issues: PipelineIssue[] = [];
  for (const pipeline of pipelineFiles(model, 'azure')) {
    const pr = pipeline.triggers.find((t) => t.event === 'pr');
    if (!pr) continue;
    const prNode = pr.node;
    if (prNode?.kind === 'scalar' && /^none$/i.test(String(prNode.value))) continue;
    const report = (group: PipelineVariable['value'], owner: PipelineIssue['resource']) =>
      issues.push({
        resource: owner,
        range: group.range,
        key: group.path + (group.value ?? ''),
        message: `Variable group ${group.value} is loaded by a pipeline that validates pull requests; if the pipeline builds forks with secrets enabled, a fork's code reads every secret in it. Load it only in jobs that skip PR builds.`,
      });
    for (const group of pipeline.variableGroups) {
      if (pipeline.jobs.length && pipeline.jobs.every((j) => NOT_PULL_REQUEST.test(j.condition?.value ?? '')))
        continue;
      report(group, pipeline);
    }
    for (const job of pipeline.jobs) {
      if (NOT_PULL_REQUEST.test(job.condition?.value ?? '')) continue;
      for (const group of job.secretSources) report(group, job);
    }
  }
  return issues;
}
