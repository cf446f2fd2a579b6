import type { Range } from '../core/types.js';
import { explicit } from '../model/attr.js';
import type { Model } from '../model/model.js';
import type {
  Permissions,
  PipelineFile,
  PipelineJob,
  PipelineStep,
  PipelineTrigger,
} from '../model/pipeline.js';
import type { SourceFile } from '../parsers/source-file.js';
import { child, entry, type MapNode, type TreeNode } from '../parsers/tree.js';
import { type ContainerKeys, containerOf, emptyJob, emptyPipelineFile } from './entities.js';
import { parseImage, parseUses } from './refs.js';
import { asMap, headerOf, items, scriptBlock, stringAttr, text, variablesOf } from './source.js';

/** A job `container:` or a `services:` entry. */
const CONTAINER_KEYS: ContainerKeys = { image: 'image', options: 'options', variables: 'env' };

/** Adds the workflow (or composite action) of a GitHub file to the model. */
export function adaptGithub(file: SourceFile, model: Model): void {
  for (const document of file.documents) {
    const root = asMap(document.tree);
    if (!root) continue;
    const pipeline = file.format === 'github-action' ? githubAction(file, root) : githubWorkflow(file, root);
    model.pipeline.files.push(pipeline);
  }
}

function baseFile(file: SourceFile, root: MapNode, address: string): PipelineFile {
  const pipeline = emptyPipelineFile(file, root, 'github', address);
  pipeline.name = text(child(root, 'name'));
  pipeline.variables = variablesOf(child(root, 'env'), 'env');
  return pipeline;
}

function githubWorkflow(file: SourceFile, root: MapNode): PipelineFile {
  const pipeline = baseFile(file, root, 'workflow');
  const on = entry(root, 'on') ?? entry(root, 'true');
  if (on) pipeline.triggers = triggersOf(on.value, on.keyRange);
  const permissions = entry(root, 'permissions');
  if (permissions) pipeline.permissions = permissionsOf(permissions.value, permissions.keyRange);
  const defaultShell = text(child(child(child(root, 'defaults'), 'run'), 'shell'));
  const jobs = asMap(child(root, 'jobs'));
  for (const job of jobs?.entries ?? []) {
    const node = asMap(job.value);
    if (node) pipeline.jobs.push(githubJob(file, job.key, job.keyRange, node, defaultShell));
  }
  return pipeline;
}

function githubAction(file: SourceFile, root: MapNode): PipelineFile {
  const pipeline = baseFile(file, root, 'action');
  const runs = asMap(child(root, 'runs'));
  if (!runs) return pipeline;
  const using = text(child(runs, 'using'));
  const job: PipelineJob = emptyJob(
    file,
    'jobs.runs',
    'runs',
    entry(root, 'runs')?.keyRange ?? root.range,
    runs,
  );
  if (using === 'composite') job.steps = stepsOf(file, child(runs, 'steps'), undefined, 'runs');
  if (using === 'docker') {
    const image = text(child(runs, 'image'));
    if (image?.startsWith('docker://')) {
      const node = child(runs, 'image');
      job.container = {
        image: parseImage(explicit(image.slice('docker://'.length), node?.range ?? runs.range, 'runs.image')),
        variables: [],
        node: node ?? runs,
      };
    }
  }
  pipeline.jobs.push(job);
  return pipeline;
}

function triggersOf(node: TreeNode, keyRange: Range): PipelineTrigger[] {
  if (node.kind === 'scalar') return node.value ? [{ event: String(node.value), range: node.range }] : [];
  if (node.kind === 'seq')
    return node.items.flatMap((item) =>
      text(item) ? [{ event: text(item) as string, range: item.range }] : [],
    );
  if (node.kind === 'map')
    return node.entries.map((e) => ({ event: e.key, range: e.keyRange, node: e.value }));
  return [{ event: '?', range: keyRange }];
}

/** A `permissions:` value: `read-all`, `write-all`, `{}` or a map of scopes. */
export function permissionsOf(node: TreeNode, keyRange: Range): Permissions {
  const permissions: Permissions = { range: keyRange, scopes: new Map() };
  if (node.kind === 'scalar') permissions.shorthand = stringAttr(node, keyRange, 'permissions');
  if (node.kind === 'map') {
    if (!node.entries.length) permissions.shorthand = explicit('{}', node.range, 'permissions');
    for (const e of node.entries)
      permissions.scopes.set(e.key, stringAttr(e.value, e.keyRange, `permissions.${e.key}`));
  }
  return permissions;
}

function githubJob(
  file: SourceFile,
  id: string,
  keyRange: Range,
  node: MapNode,
  defaultShell: string | undefined,
): PipelineJob {
  const path = `jobs.${id}`;
  const job = emptyJob(file, path, id, keyRange, node);
  job.name = text(child(node, 'name'));
  const runsOn = child(node, 'runs-on');
  const labels = runsOn?.kind === 'map' ? (child(runsOn, 'labels') ?? child(runsOn, 'group')) : runsOn;
  job.runsOn = items(labels).map((label) => stringAttr(label, keyRange, `${path}.runs-on`));
  const container = child(node, 'container');
  if (container) job.container = containerOf(container, `${path}.container`, CONTAINER_KEYS);
  for (const service of asMap(child(node, 'services'))?.entries ?? []) {
    const parsed = containerOf(service.value, `${path}.services.${service.key}`, CONTAINER_KEYS);
    if (parsed) {
      parsed.alias = service.key;
      job.services.push(parsed);
    }
  }
  const environment = child(node, 'environment');
  if (environment)
    job.environment = stringAttr(
      environment.kind === 'map' ? child(environment, 'name') : environment,
      environment.range,
      `${path}.environment`,
    );
  const permissions = entry(node, 'permissions');
  if (permissions) job.permissions = permissionsOf(permissions.value, permissions.keyRange);
  const secrets = child(node, 'secrets');
  if (text(secrets) === 'inherit') job.secretsInherit = stringAttr(secrets, keyRange, `${path}.secrets`);
  const condition = child(node, 'if');
  if (condition) job.condition = stringAttr(condition, keyRange, `${path}.if`);
  const uses = child(node, 'uses');
  if (uses) job.uses = parseUses(stringAttr(uses, keyRange, `${path}.uses`));
  job.env = variablesOf(child(node, 'env'), `${path}.env`);
  const shell = text(child(child(child(node, 'defaults'), 'run'), 'shell')) ?? defaultShell;
  job.steps = stepsOf(file, child(node, 'steps'), shell, path);
  return job;
}

function stepsOf(
  file: SourceFile,
  node: TreeNode | undefined,
  shell: string | undefined,
  jobPath: string,
): PipelineStep[] {
  return items(node).flatMap((item, index) => {
    const map = asMap(item);
    if (!map) return [];
    const path = `${jobPath}.steps[${index}]`;
    const step: PipelineStep = {
      index,
      name: text(child(map, 'name')),
      id: text(child(map, 'id')),
      range: map.range,
      headerRange: headerOf(map),
      inputs: new Map(),
      inputScripts: new Map(),
      env: variablesOf(child(map, 'env'), `${path}.env`),
      node: map,
    };
    const uses = child(map, 'uses');
    if (uses) step.uses = parseUses(stringAttr(uses, map.range, `${path}.uses`));
    for (const input of asMap(child(map, 'with'))?.entries ?? []) {
      step.inputs.set(input.key, stringAttr(input.value, input.keyRange, `${path}.with.${input.key}`));
      if (input.key === 'script') {
        const block = scriptBlock(input.value, file.lines, 'javascript');
        if (block) step.inputScripts.set(input.key, block);
      }
    }
    const run = child(map, 'run');
    if (run) step.run = scriptBlock(run, file.lines, text(child(map, 'shell')) ?? shell ?? 'bash');
    const condition = child(map, 'if');
    if (condition) step.condition = stringAttr(condition, map.range, `${path}.if`);
    return [step];
  });
}
