import type { Range } from '../core/types.js';
import type { Attr } from './attr.js';
import type { Resource } from './model.js';

export interface DockerInstruction {
  keyword: string;
  arguments: string;
  range: Range;
}

export interface DockerStage extends Resource {
  kind: 'docker.stage';
  /** The stage name (`AS name`) or its index. */
  name: string;
  baseImage: Attr<string>;
  baseTag: Attr<string>;
  baseDigest: Attr<string>;
  /** True when FROM names an earlier stage or `scratch`, which have no registry tag to pin. */
  baseIsLocal: boolean;
  instructions: DockerInstruction[];
}

/** Dockerfile stages of a unit. */
export interface DockerModel {
  stages: DockerStage[];
}
