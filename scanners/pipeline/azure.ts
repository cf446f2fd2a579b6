import { explicit } from '../model/attr.js';
import type { Model } from '../model/model.js';
import type { PipelineInclude, PipelineJob, PipelineStep, PipelineVariable } from '../model/pipeline.js';
import type { SourceFile } from '../parsers/source-file.js';
import { child, entry, type MapNode, type TreeNode } from '../parsers/tree.js';
import { type ContainerKeys, containerOf, emptyJob, emptyPipelineFile } from './entities.js';
import { asMap, headerOf, items, scriptBlock, stringAttr, text, variablesOf } from './source.js';

/** Step keys that hold a script, and the shell that runs it. */
const SCRIPT_STEPS = new Map([
  ['script', 'sh'],
  ['bash', 'bash'],
  ['pwsh', 'pwsh'],
  ['powershell', 'powershell'],
]);

/**
 * Task inputs that hold an inline script or a command line (Bash@3, PowerShell@2, CmdLine@2, AzureCLI@2,
 * AzurePowerShell@5): macros in them are pasted into what the shell runs.
 */
const SCRIPT_INPUTS = new Set(['script', 'inlinescript', 'inline', 'arguments', 'scriptarguments']);

/** A container resource or job `container:` map; `container:` in a resource is its alias. */
const CONTAINER_KEYS: ContainerKeys = {
  image: 'image',
  options: 'options',
  variables: 'env',
  alias: 'container',
};

/** How deep templates nest `strategy:` / `on:` blocks holding steps; bounded for hostile input. */
const MAX_STEP_SEARCH_DEPTH = 6;

/** Adds an Azure pipeline or template to the model. */
export function adaptAzure(file: SourceFile, model: Model): void {
  for (const document of file.documents) {
    const root = asMap(document.tree);
    if (!root) continue;
    const pipeline = emptyPipelineFile(file, root, 'azure', 'pipeline');
    pipeline.name = text(child(root, 'name'));
    for (const key of ['trigger', 'pr', 'schedules']) {
      const e = entry(root, key);
      if (e) pipeline.triggers.push({ event: key, range: e.keyRange, node: e.value });
    }
    readVariables(child(root, 'variables'), 'variables', pipeline.variables, pipeline.variableGroups);
    const resources = child(root, 'resources');
    for (const repository of items(child(resources, 'repositories'))) {
      const alias = text(child(repository, 'repository'));
      const name = child(repository, 'name');
      if (!alias || !name) continue;
      const ref = child(repository, 'ref');
      pipeline.includes.push({
        kind: 'azure-repository',
        alias,
        repositoryType: text(child(repository, 'type')),
        target: stringAttr(name, repository.range, `resources.repositories.${alias}.name`),
        ref: ref ? stringAttr(ref, repository.range, `resources.repositories.${alias}.ref`) : undefined,
        range: headerOf(repository),
      });
    }
    for (const container of items(child(resources, 'containers'))) {
      const parsed = containerOf(
        container,
        `resources.containers.${text(child(container, 'container'))}`,
        CONTAINER_KEYS,
      );
      if (parsed) pipeline.containers.push(parsed);
    }
    const extendsTemplate = child(child(root, 'extends'), 'template');
    if (extendsTemplate) pipeline.includes.push(templateRef(extendsTemplate, 'extends.template'));

    collectTemplates(root, pipeline.includes, 0);
    const stages = items(child(root, 'stages'));
    if (stages.length) {
      for (const [index, stage] of stages.entries()) {
        const stageName = text(child(stage, 'stage')) ?? String(index);
        for (const job of items(child(stage, 'jobs'))) {
          const parsed = azureJob(file, job, `stages.${stageName}`);
          if (parsed) pipeline.jobs.push(parsed);
        }
      }
    }
    for (const job of items(child(root, 'jobs'))) {
      const parsed = azureJob(file, job, '');
      if (parsed) pipeline.jobs.push(parsed);
    }
    if (child(root, 'steps')) {
      const job = emptyJob(file, '(pipeline)', '(pipeline)', headerOf(root), root);
      readJobBody(file, job, root, '', false);
      pipeline.jobs.push(job);
    }
    model.pipeline.files.push(pipeline);
  }
}

function templateRef(node: TreeNode, path: string): PipelineInclude {
  const target = stringAttr(node, node.range, path);
  const at = (target.value ?? '').lastIndexOf('@');
  return {
    kind: 'azure-template',
    target,
    alias: at === -1 ? undefined : (target.value ?? '').slice(at + 1),
    range: node.range,
  };
}

/** Every `template:` reference in the file (stages, jobs, steps, variables). */
function collectTemplates(node: TreeNode, into: PipelineInclude[], depth: number): void {
  if (depth > 24) return;
  if (node.kind === 'seq') for (const item of node.items) collectTemplates(item, into, depth + 1);
  if (node.kind !== 'map') return;
  for (const e of node.entries) {
    if (e.key === 'template' && depth > 0 && e.value.kind === 'scalar' && node.entries[0]?.key === 'template')
      into.push(templateRef(e.value, 'template'));
    else if (e.key !== 'extends') collectTemplates(e.value, into, depth + 1);
  }
}

function readVariables(
  node: TreeNode | undefined,
  path: string,
  variables: PipelineVariable[],
  groups: PipelineJob['secretSources'],
): void {
  if (node?.kind === 'map') {
    variables.push(...variablesOf(node, path));
    return;
  }
  for (const item of items(node)) {
    const group = child(item, 'group');
    if (group) groups.push(stringAttr(group, item.range, `${path}.group`));
    const name = text(child(item, 'name'));
    const nameEntry = entry(item, 'name');
    if (name && nameEntry)
      variables.push({
        name,
        value: stringAttr(child(item, 'value'), item.range, `${path}.${name}`),
        keyRange: nameEntry.keyRange,
      });
  }
}

function azureJob(file: SourceFile, node: TreeNode, prefix: string): PipelineJob | undefined {
  const map = asMap(node);
  if (!map) return undefined;
  const idNode = child(map, 'job') ?? child(map, 'deployment');
  if (!idNode) return undefined;
  const id = text(idNode) ?? 'job';
  const job = emptyJob(file, prefix ? `${prefix}.jobs.${id}` : `jobs.${id}`, id, headerOf(map), map);
  readJobBody(file, job, map, job.address);
  return job;
}

function readJobBody(
  file: SourceFile,
  job: PipelineJob,
  map: MapNode,
  path: string,
  ownVariables = true,
): void {
  const pool = child(map, 'pool');
  const poolName = pool?.kind === 'map' ? (child(pool, 'name') ?? child(pool, 'vmImage')) : pool;
  if (poolName) job.runsOn.push(stringAttr(poolName, map.range, `${path}.pool`));
  const condition = child(map, 'condition');
  if (condition) job.condition = stringAttr(condition, map.range, `${path}.condition`);
  const container = child(map, 'container');
  // A scalar container names a `resources.containers` alias unless it looks like an image reference.
  const isImage = container?.kind === 'map' || /[:/]/.test(text(container) ?? '');
  const containerParsed = isImage ? containerOf(container, `${path}.container`, CONTAINER_KEYS) : undefined;
  if (containerParsed) job.container = containerParsed;
  // A pipeline made only of steps keeps its variables at the pipeline level.
  if (ownVariables) readVariables(child(map, 'variables'), `${path}.variables`, job.env, job.secretSources);
  const environment = child(map, 'environment');
  if (environment)
    job.environment = stringAttr(
      environment.kind === 'map' ? child(environment, 'name') : environment,
      environment.range,
      `${path}.environment`,
    );
  const stepLists: TreeNode[] = [];
  findStepLists(map, stepLists, 0);
  let index = 0;
  for (const list of stepLists) {
    for (const item of items(list)) {
      const step = azureStep(file, item, index, `${path}.steps[${index}]`);
      if (step) job.steps.push(step);
      index++;
    }
  }
}

/** `steps:` of a job, or of a deployment's strategy hooks. */
function findStepLists(node: TreeNode, into: TreeNode[], depth: number): void {
  if (node.kind !== 'map' || depth > MAX_STEP_SEARCH_DEPTH) return;
  for (const e of node.entries) {
    if (e.key === 'steps') into.push(e.value);
    else if (
      ['strategy', 'runOnce', 'rolling', 'canary', 'on', 'success', 'failure'].includes(e.key) ||
      depth > 0
    )
      findStepLists(e.value, into, depth + 1);
  }
}

function azureStep(file: SourceFile, node: TreeNode, index: number, path: string): PipelineStep | undefined {
  const map = asMap(node);
  if (!map) return undefined;
  const step: PipelineStep = {
    index,
    name: text(child(map, 'displayName')) ?? text(child(map, 'name')),
    id: text(child(map, 'name')),
    range: map.range,
    headerRange: headerOf(map),
    inputs: new Map(),
    inputScripts: new Map(),
    env: variablesOf(child(map, 'env'), `${path}.env`),
    node: map,
  };
  for (const [key, shell] of SCRIPT_STEPS) {
    const scriptNode = child(map, key);
    if (scriptNode) step.run = scriptBlock(scriptNode, file.lines, shell);
  }
  const task = child(map, 'task');
  if (task) step.task = stringAttr(task, map.range, `${path}.task`);
  const checkout = child(map, 'checkout');
  if (checkout) step.task = explicit('checkout', headerOf(map), `${path}.checkout`);
  if (checkout) step.inputs.set('repository', stringAttr(checkout, map.range, `${path}.checkout`));
  for (const input of asMap(child(map, 'inputs'))?.entries ?? []) {
    step.inputs.set(input.key, stringAttr(input.value, input.keyRange, `${path}.inputs.${input.key}`));
    if (SCRIPT_INPUTS.has(input.key.toLowerCase())) {
      const taskName = (text(task) ?? '').toLowerCase();
      const shell = /powershell/.test(taskName) ? 'powershell' : /cmdline/.test(taskName) ? 'cmd' : 'bash';
      const block = scriptBlock(input.value, file.lines, shell);
      if (block) step.inputScripts.set(input.key, block);
    }
  }
  for (const key of ['persistCredentials', 'fetchDepth', 'clean']) {
    const value = entry(map, key);
    if (value) step.inputs.set(key, stringAttr(value.value, value.keyRange, `${path}.${key}`));
  }
  const condition = child(map, 'condition');
  if (condition) step.condition = stringAttr(condition, map.range, `${path}.condition`);
  return step;
}
