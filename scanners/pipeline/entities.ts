/** Model entities the GitHub, GitLab and Azure adapters start from and fill in from their own syntax. */
import type { Range } from '../core/types.js';
import type { PipelineContainer, PipelineFile, PipelineJob, PipelinePlatform } from '../model/pipeline.js';
import type { SourceFile } from '../parsers/source-file.js';
import { child, type MapNode, type TreeNode } from '../parsers/tree.js';
import { parseImage } from './refs.js';
import { headerOf, stringAttr, text, variablesOf } from './source.js';

/** A pipeline file with no triggers, jobs or variables read yet. */
export function emptyPipelineFile(
  file: SourceFile,
  root: MapNode,
  platform: PipelinePlatform,
  address: string,
): PipelineFile {
  return {
    kind: 'pipeline.file',
    address,
    file: file.path,
    format: file.format,
    range: root.range,
    headerRange: headerOf(root),
    platform,
    triggers: [],
    jobs: [],
    includes: [],
    variables: [],
    variableGroups: [],
    containers: [],
    node: root,
  };
}

/** A job with nothing read from its body yet. */
export function emptyJob(
  file: SourceFile,
  address: string,
  id: string,
  keyRange: Range,
  node: MapNode,
): PipelineJob {
  return {
    kind: 'pipeline.job',
    address,
    file: file.path,
    format: file.format,
    range: node.range,
    headerRange: keyRange,
    id,
    runsOn: [],
    services: [],
    steps: [],
    env: [],
    rules: [],
    artifactPaths: [],
    dotenvReports: [],
    secretSources: [],
    includes: [],
    node,
  };
}

/** How a platform spells the keys of a container map (paths of options and variables are named after them). */
export interface ContainerKeys {
  image: string;
  options: string;
  variables: string;
  alias?: string;
}

/** A container given as an image string or as a map of `keys`; undefined when it names no image. */
export function containerOf(
  node: TreeNode | undefined,
  path: string,
  keys: ContainerKeys,
): PipelineContainer | undefined {
  if (!node) return undefined;
  const map = node.kind === 'map' ? node : undefined;
  const imageNode = map ? child(map, keys.image) : node;
  if (text(imageNode) === undefined) return undefined;
  const options = map ? child(map, keys.options) : undefined;
  return {
    image: parseImage(stringAttr(imageNode, node.range, `${path}.image`)),
    options: options ? stringAttr(options, node.range, `${path}.${keys.options}`) : undefined,
    alias: map && keys.alias ? text(child(map, keys.alias)) : undefined,
    variables: variablesOf(map ? child(map, keys.variables) : undefined, `${path}.${keys.variables}`),
    node,
  };
}
