import path from 'node:path';
import { Command, CommanderError } from 'commander';
import { UsageError } from '../core/errors.js';
import { VERSION } from '../core/package.js';
import { registerBaselineCommand } from './baseline-command.js';
import { registerCloudCommand } from './cloud-command.js';
import type { CommandContext } from './context.js';
import { registerGitlabCommand } from './gitlab-command.js';
import { registerInitCommand } from './init-command.js';
import { type CliIo, completeIo } from './io.js';
import { registerPostureCommand } from './posture-command.js';
import { registerRulesCommand } from './rules-command.js';
import { registerScanCommand } from './scan-command.js';
import { registerTagCommand } from './tag-command.js';

/** Exit status for usage and configuration errors, and for failures of Palisade itself. */
export const EXIT_USAGE = 2;

/**
 * Runs the palisade CLI. `argv` is process.argv (node and script first); `io` replaces the process's
 * streams, environment and folder, for tests. Returns the exit code instead of exiting.
 */
export async function main(argv: string[], io?: Partial<CliIo>): Promise<number> {
  const cliIo = completeIo(io);
  const context: CommandContext = { io: cliIo, exitCode: 0 };
  const program = buildProgram(context);
  try {
    await program.parseAsync(argv, { from: 'node' });
    return context.exitCode;
  } catch (error) {
    return reportFailure(error, cliIo, argv.includes('--verbose'));
  }
}

/** The commander program with every command; one per run, since option parsers keep state. */
export function buildProgram(context: CommandContext): Command {
  const { io } = context;
  const program = new Command('palisade')
    .description(
      'Palisade finds IaC misconfigurations, leaked secrets and unsafe CI pipelines.\n' +
        'Run `palisade scan` in a repository to start; `palisade <command> --help` for details.',
    )
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .helpCommand('help [command]', 'show help for a command')
    // Settings below are inherited by every command added afterwards.
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      // One line, in the same shape as every other palisade error.
      outputError: (text, write) => write(`palisade: ${oneLine(text.replace(/^error: /, ''))}\n`),
      getOutHelpWidth: () => io.columns ?? 80,
      getErrHelpWidth: () => io.columns ?? 80,
    });
  registerScanCommand(program, context);
  registerBaselineCommand(program, context);
  registerRulesCommand(program, context);
  registerInitCommand(program, context);
  registerGitlabCommand(program, context);
  registerCloudCommand(program, context);
  registerPostureCommand(program, context);
  registerTagCommand(program, context);
  program.addHelpText(
    'after',
    `
Examples:
  $ palisade scan                     scan the current folder
  $ palisade scan infra/ --format sarif --output palisade.sarif
  $ palisade rules list --category secret
  $ palisade rules show PAL-K8S-001

Documentation: docs/cli.md and docs/configuration.md`,
  );
  return program;
}

/** Prints an error and picks the exit code: commander's own 0 for help and version, 2 for the rest. */
function reportFailure(error: unknown, io: CliIo, verbose: boolean): number {
  if (error instanceof CommanderError) {
    // Commander has printed the message (through outputError) or the help already.
    return error.exitCode === 0 ? 0 : EXIT_USAGE;
  }
  if (error instanceof UsageError) {
    io.stderr.write(`palisade: ${oneLine(withRelativeFile(error, io.cwd))}\n`);
    return EXIT_USAGE;
  }
  // Anything else is unexpected (a failed write, a bug): the message, and the stack only on request.
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`palisade: ${oneLine(message)}\n`);
  if (verbose && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
  return EXIT_USAGE;
}

/** `/home/me/repo/.palisade.yml:3: ...` reads better as `.palisade.yml:3: ...` when run in the repo. */
function withRelativeFile(error: UsageError, cwd: string): string {
  const { file, message } = error;
  if (!file || !path.isAbsolute(file) || !message.startsWith(file)) return message;
  const relative = path.relative(cwd, file);
  const shown = relative && !relative.startsWith('..') ? relative : file;
  return `${shown}${message.slice(file.length)}`;
}

function oneLine(text: string): string {
  return text.trim().replace(/\s*\n\s*/g, ' ');
}
