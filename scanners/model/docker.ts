import type { Range } from '../core/types.js';
import type { Attr } from './attr.js';
import type { Resource } from './model.js';

/** How a shell command is joined to the one before it. A heredoc script separates commands by newlines. */
export type ShellSeparator = '&&' | '||' | ';' | '|' | '&' | '\n';

/** One simple command of a RUN instruction (`apt-get install -y curl` in `apt-get update && apt-get …`). */
export interface ShellCommand {
  /** The words after quote removal; variables and command substitutions are kept as written. */
  words: string[];
  /**
   * The program run, without its directory, after leading `VAR=value` assignments and wrappers such as
   * `sudo`, `env`, `time`, `nice`, `exec` (`/usr/bin/apt-get` gives `apt-get`); empty when there is none.
   */
  program: string;
  /** The words after the program. */
  args: string[];
  /** True when `sudo` wraps the program. */
  sudo: boolean;
  /** The operator before this command; undefined for the first command of the instruction. */
  separator?: ShellSeparator;
  /** From the first to the last word of the command: the line of the command inside a multi-line RUN. */
  range: Range;
}

/** A variable declared by ENV or ARG. */
export interface DockerVariable {
  name: string;
  /** The literal value (quotes removed); undefined for an ARG without a default. */
  value: string | undefined;
  nameRange: Range;
  /** The value's range; the name's when there is no value. */
  valueRange: Range;
}

export interface DockerInstruction {
  /** Upper case: `RUN`, `COPY`, … */
  keyword: string;
  arguments: string;
  range: Range;
  /** `--from`, `--chown`, `--mount`, … as written, without their values. */
  flags: string[];
  /** RUN only: the simple commands of the shell form, the exec form or a heredoc script. */
  commands: ShellCommand[];
  /** ENV and ARG only. */
  variables: DockerVariable[];
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
  /** The earlier stage of this file this one builds on, when FROM names one. */
  parent?: DockerStage;
  /** The last stage of the file, the image `docker build` produces without `--target`. */
  isFinal: boolean;
  /**
   * The user the stage runs as: its last USER, else its parent stage's, else `root` (defaulted, at the FROM
   * line) for a registry image. Defaulted undefined when the base image is built to run as non-root
   * (`…:nonroot`) or is `scratch`, unresolvable when USER uses a variable.
   */
  user: Attr<string>;
  instructions: DockerInstruction[];
}

/** Dockerfile stages of a unit. */
export interface DockerModel {
  stages: DockerStage[];
}
