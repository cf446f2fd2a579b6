/** Shared by the Dockerfile rules: walking RUN commands. */
import type { Range } from '../../scanners/core/types.js';
import { type Attr, explicit } from '../../scanners/model/attr.js';
import type { ShellCommand } from '../../scanners/model/docker.js';
import type { DockerInstruction, DockerStage, Model } from '../../scanners/model/model.js';

export interface CommandOf {
  stage: DockerStage;
  instruction: DockerInstruction;
  command: ShellCommand;
  /** The position of the command inside its instruction. */
  index: number;
}

/** Every simple command of every RUN instruction. */
export function runCommands(model: Model): CommandOf[] {
  return model.docker.stages.flatMap((stage) =>
    stage.instructions
      .filter((instruction) => instruction.keyword === 'RUN')
      .flatMap((instruction) =>
        instruction.commands.map((command, index) => ({ stage, instruction, command, index })),
      ),
  );
}

/** The apt front end (`apt-get`, `apt`) subcommand, e.g. `install`, skipping options before it. */
export function aptSubcommand(command: ShellCommand): string | undefined {
  if (command.program !== 'apt-get' && command.program !== 'apt') return undefined;
  return command.args.find((arg) => !arg.startsWith('-'));
}

/**
 * An attribute standing for a piece of the Dockerfile (an instruction, a command, a variable), so the finding
 * points at its line. `path` names the piece in the fingerprint; it never holds a line number.
 */
export function located(range: Range, path: string): Attr<true> {
  return explicit(true as const, range, path);
}
