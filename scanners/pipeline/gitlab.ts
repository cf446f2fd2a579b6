import type { Range } from '../core/types.js';
import type { Model } from '../model/model.js';
import type { PipelineInclude, PipelineJob, PipelineStep, ScriptBlock } from '../model/pipeline.js';
import type { SourceFile } from '../parsers/source-file.js';
import { child, type MapNode, type TreeNode } from '../parsers/tree.js';
import { type ContainerKeys, containerOf, emptyJob, emptyPipelineFile } from './entities.js';
import { asMap, headerOf, items, scriptBlock, stringAttr, text, variablesOf } from './source.js';

/** Top-level keys of a GitLab CI file that are not jobs. */
const GLOBAL_KEYWORDS = new Set([
  'default',
  'include',
  'stages',
  'variables',
  'workflow',
  'image',
  'services',
  'before_script',
  'after_script',
  'cache',
  'spec',
]);

const SCRIPT_SECTIONS = ['before_script', 'script', 'after_script'] as const;

/** An `image:` or `services:` entry: `name:` is the image, `command:` stands where GitHub puts `options:`. */
const CONTAINER_KEYS: ContainerKeys = {
  image: 'name',
  options: 'command',
  variables: 'variables',
  alias: 'alias',
};

/** Adds a GitLab CI file (the main file or one it includes) to the model. */
export function adaptGitlab(file: SourceFile, model: Model): void {
  for (const document of file.documents) {
    const root = asMap(document.tree);
    // A component's `spec:` header is its own document; it holds no jobs.
    if (!root || (root.entries.length === 1 && root.entries[0]?.key === 'spec')) continue;
    const pipeline = emptyPipelineFile(file, root, 'gitlab', 'pipeline');
    pipeline.includes = includesOf(child(root, 'include'));
    pipeline.variables = variablesOf(child(root, 'variables'), 'variables');
    const workflowRules = items(child(child(root, 'workflow'), 'rules'));
    for (const rule of workflowRules) {
      const condition = child(rule, 'if');
      if (condition) pipeline.triggers.push({ event: 'rules', range: condition.range, node: rule });
    }
    const globalKeys = root.entries.filter((e) =>
      ['image', 'services', 'before_script', 'after_script'].includes(e.key),
    );
    if (globalKeys.length) {
      const global: MapNode = { kind: 'map', range: root.range, entries: globalKeys };
      pipeline.jobs.push(gitlabJob(file, '(global)', globalKeys[0]?.keyRange ?? root.range, global));
    }
    for (const e of root.entries) {
      const node = asMap(e.value);
      if (!node) continue;
      if (e.key === 'default') pipeline.jobs.push(gitlabJob(file, 'default', e.keyRange, node));
      else if (!GLOBAL_KEYWORDS.has(e.key)) pipeline.jobs.push(gitlabJob(file, e.key, e.keyRange, node));
    }
    model.pipeline.files.push(pipeline);
  }
}

function includesOf(node: TreeNode | undefined): PipelineInclude[] {
  return items(node).flatMap((item): PipelineInclude[] => {
    const value = text(item);
    if (value !== undefined) {
      const kind = /^https?:\/\//i.test(value) ? 'gitlab-remote' : 'gitlab-local';
      return [{ kind, target: stringAttr(item, item.range, 'include'), range: item.range }];
    }
    const map = asMap(item);
    if (!map) return [];
    const range = headerOf(map);
    for (const [key, kind] of [
      ['local', 'gitlab-local'],
      ['remote', 'gitlab-remote'],
      ['template', 'gitlab-template'],
    ] as const) {
      const target = child(map, key);
      if (target) {
        const integrity = child(map, 'integrity');
        return [
          {
            kind,
            target: stringAttr(target, range, `include.${key}`),
            ref: integrity ? stringAttr(integrity, range, 'include.integrity') : undefined,
            range: target.range,
          },
        ];
      }
    }
    const project = child(map, 'project');
    if (project) {
      const ref = child(map, 'ref');
      return [
        {
          kind: 'gitlab-project',
          target: stringAttr(project, range, 'include.project'),
          ref: ref ? stringAttr(ref, range, 'include.ref') : undefined,
          range: project.range,
        },
      ];
    }
    const component = child(map, 'component');
    if (component) {
      const target = stringAttr(component, range, 'include.component');
      const at = (target.value ?? '').lastIndexOf('@');
      return [
        {
          kind: 'gitlab-component',
          target,
          ref: at === -1 ? undefined : { ...target, value: (target.value ?? '').slice(at + 1) },
          range: component.range,
        },
      ];
    }
    return [];
  });
}

/** The commands of a script section, as one block: list items (nested lists too) one after another. */
function scriptSection(file: SourceFile, node: TreeNode | undefined, depth = 0): ScriptBlock | undefined {
  if (!node || depth > 8) return undefined;
  if (node.kind === 'scalar') return scriptBlock(node, file.lines, 'sh');
  if (node.kind !== 'seq') return undefined;
  const parts = node.items.flatMap((item) => scriptSection(file, item, depth + 1) ?? []);
  if (!parts.length) return undefined;
  return {
    value: parts.map((p) => p.value).join('\n'),
    lines: parts.flatMap((p) => p.lines),
    range: node.range,
    shell: 'sh',
  };
}

function gitlabJob(file: SourceFile, id: string, keyRange: Range, node: MapNode): PipelineJob {
  const path = id;
  const job = emptyJob(file, id, id, keyRange, node);
  job.runsOn = items(child(node, 'tags')).map((tag) => stringAttr(tag, keyRange, `${path}.tags`));
  job.env = variablesOf(child(node, 'variables'), `${path}.variables`);
  const image = child(node, 'image');
  if (image) job.container = containerOf(image, `${path}.image`, CONTAINER_KEYS);
  for (const [index, service] of items(child(node, 'services')).entries()) {
    const parsed = containerOf(service, `${path}.services[${index}]`, CONTAINER_KEYS);
    if (parsed) job.services.push(parsed);
  }
  const environment = child(node, 'environment');
  if (environment)
    job.environment = stringAttr(
      environment.kind === 'map' ? child(environment, 'name') : environment,
      environment.range,
      `${path}.environment`,
    );
  for (const rule of items(child(node, 'rules'))) {
    const condition = child(rule, 'if');
    if (condition) job.rules.push(stringAttr(condition, rule.range, `${path}.rules.if`));
  }
  for (const only of items(child(node, 'only')).concat(items(child(child(node, 'only'), 'refs')))) {
    if (text(only) !== undefined) job.rules.push(stringAttr(only, only.range, `${path}.only`));
  }
  const artifacts = child(node, 'artifacts');
  job.artifactPaths = items(child(artifacts, 'paths')).map((p) =>
    stringAttr(p, p.range, `${path}.artifacts.paths`),
  );
  job.dotenvReports = items(child(child(artifacts, 'reports'), 'dotenv')).map((p) =>
    stringAttr(p, p.range, `${path}.artifacts.reports.dotenv`),
  );
  for (const key of ['secrets', 'id_tokens']) {
    for (const secret of asMap(child(node, key))?.entries ?? [])
      job.secretSources.push(stringAttr(secret.value, secret.keyRange, `${path}.${key}.${secret.key}`));
  }
  for (const [index, section] of SCRIPT_SECTIONS.entries()) {
    const sectionNode = child(node, section);
    const run = scriptSection(file, sectionNode);
    if (!run || !sectionNode) continue;
    const step: PipelineStep = {
      index,
      name: section,
      range: sectionNode.range,
      headerRange: sectionNode.range,
      inputs: new Map(),
      inputScripts: new Map(),
      run,
      env: [],
      node,
    };
    job.steps.push(step);
  }
  return job;
}
