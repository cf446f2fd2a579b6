import path from 'node:path';
import type { Command } from 'commander';
import { createBaseline, scan, writeBaseline } from '../index.js';
import { registerBaselineAudit } from './baseline-audit.js';
import { type CommandContext, colorsFor } from './context.js';
import { replaceFile } from './output-targets.js';
import { resolveScanTarget } from './scan-target.js';

export const DEFAULT_BASELINE_FILE = '.palisade-baseline.json';

interface BaselineCreateOptions {
  output?: string;
  config?: string;
  color: boolean;
}

/** Adds `palisade baseline create`. */
export function registerBaselineCommand(program: Command, context: CommandContext): void {
  const baseline = program
    .command('baseline')
    .summary('record current findings so that later scans report only new ones')
    .description(
      'A baseline records the fingerprints of findings that exist today. A scan given the baseline (with ' +
        '--baseline FILE, or `baseline:` in .palisade.yml) hides them and reports only new findings.',
    );
  baseline
    .command('create')
    .summary('scan and record every unsuppressed finding in a baseline file')
    .description(
      'Scan and record every unsuppressed finding in a baseline file. Fingerprints do not depend on line ' +
        'numbers, so the baseline survives code moving around.',
    )
    .argument('[path]', 'folder to scan (default: the current folder)')
    .option(
      '-o, --output <file>',
      `baseline file to write (default: ${DEFAULT_BASELINE_FILE} in the scanned folder)`,
    )
    .option('-c, --config <file>', 'config file (default: .palisade.yml in the scanned folder)')
    .option('--no-color', 'no colours')
    .addHelpText(
      'after',
      `
Examples:
  $ palisade baseline create
  $ palisade baseline create infra/ --output infra/.palisade-baseline.json
  $ palisade scan --baseline .palisade-baseline.json`,
    )
    .action(async (folder: string | undefined, options: BaselineCreateOptions) => {
      const { io } = context;
      const target = resolveScanTarget(folder === undefined ? [] : [folder], undefined, io.cwd);
      const result = await scan({
        ...target,
        config: options.config === undefined ? undefined : path.resolve(io.cwd, options.config),
        baseline: false,
      });
      const file =
        options.output === undefined
          ? path.join(target.root, DEFAULT_BASELINE_FILE)
          : path.resolve(io.cwd, options.output);
      const recorded = createBaseline(result.findings);
      // A failed write keeps the previous baseline intact.
      replaceFile(file, (temporary) => writeBaseline(temporary, recorded));
      const colors = colorsFor(io, 'stdout', options.color);
      const count = recorded.findings.length;
      const shown = path.relative(io.cwd, file) || file;
      // `baseline:` in the config is relative to the config file.
      const configFolder =
        options.config === undefined ? target.root : path.dirname(path.resolve(io.cwd, options.config));
      const configRelative = path.relative(configFolder, file).split(path.sep).join('/');
      io.stdout.write(
        `${colors.green('✔')} recorded ${count} finding${count === 1 ? '' : 's'} in ${shown}\n`,
      );
      io.stdout.write(
        `  Use it with ${colors.bold(`palisade scan --baseline ${shown}`)}, or add ${colors.bold(`baseline: ${configRelative}`)} to .palisade.yml.\n`,
      );
      context.exitCode = 0;
    });
  registerBaselineAudit(baseline, context);
}
