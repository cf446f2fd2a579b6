import path from 'node:path';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { activeFindings, type ScanResult, SEVERITIES, type Severity, scan, shouldFail } from '../index.js';
import { REPORT_FORMATS, type ReportFormat, render } from '../reporters/index.js';
import { countBySeverity, plural } from '../reporters/shared.js';
import { type CommandContext, colorsFor } from './context.js';
import { colorEnabled, isCi } from './io.js';
import { type OutputTarget, OutputTargetCollector, writeFileAtomically } from './output-targets.js';
import { progressBar, silentProgress } from './progress.js';
import { resolveScanTarget } from './scan-target.js';

interface ScanCommandOptions {
  root?: string;
  config?: string;
  failOn?: Severity | 'none';
  diffBase?: string;
  diffScope?: 'lines' | 'files';
  baseline?: string | false;
  inlineIgnores: boolean;
  jobs?: number;
  quiet?: boolean;
  verbose?: boolean;
  color: boolean;
  automationId?: string;
  commitSha?: string;
}

const EXAMPLES = `
Examples:
  $ palisade scan
      Scan the current folder and print a text report.
  $ palisade scan infra/ --fail-on medium
      Scan infra/ and exit 1 on any medium, high or critical finding.
  $ palisade scan Dockerfile k8s/deployment.yaml
      Scan only these files.
  $ palisade scan --format sarif --output palisade.sarif --format text
      Write SARIF to palisade.sarif and print the text report.
  $ palisade scan --format json --output reports/palisade.json --format junit --output reports/junit.xml
      Write two reports and print only a one-line summary.
  $ palisade scan --diff-base origin/main
      Report only findings on lines changed since the merge-base with origin/main.
  $ palisade baseline create && palisade scan --baseline .palisade-baseline.json
      Accept today's findings and report only new ones from now on.

Exit status:
  0  no unsuppressed finding at or above --fail-on
  1  at least one unsuppressed finding at or above --fail-on
  2  usage or configuration error
`;

// Options are grouped in the help, the way a reader looks for them.
const input = (flags: string, description: string) => new Option(flags, description).helpGroup('Input:');
const output = (flags: string, description: string) => new Option(flags, description).helpGroup('Output:');
const findings = (flags: string, description: string) =>
  new Option(flags, description).helpGroup('Findings:');

/** Adds `palisade scan [paths...]`. */
export function registerScanCommand(program: Command, context: CommandContext): void {
  const formats = REPORT_FORMATS;
  const outputs = new OutputTargetCollector(formats);
  program
    .command('scan')
    .summary('scan files for misconfigurations, secrets and unsafe pipelines')
    .description(
      'Scan a folder (the root) or explicit files for IaC misconfigurations, secrets and unsafe CI pipelines.\n\n' +
        'Settings come from .palisade.yml in the root unless --config names another file; options given ' +
        'here win over the file.',
    )
    .argument('[paths...]', 'a folder to scan, or files to scan (default: the current folder)')
    .addOption(input('--root <dir>', 'root folder: config lookup, and reported paths are relative to it'))
    .addOption(input('-c, --config <file>', 'config file (default: .palisade.yml in the root)'))
    .addOption(
      input('--diff-base <ref>', 'report only findings on lines changed since the merge-base with <ref>'),
    )
    .addOption(
      input(
        '--diff-scope <scope>',
        'in diff mode, keep findings on changed lines or anywhere in changed files',
      ).choices(['lines', 'files']),
    )
    .addOption(
      output(
        '-f, --format <format>',
        `report format, repeatable: ${formats.join(', ')} (default: text)`,
      ).argParser(outputs.addFormat),
    )
    .addOption(
      output(
        '-o, --output <file>',
        'write the preceding --format to <file> instead of standard output',
      ).argParser(outputs.addOutput),
    )
    .addOption(
      output('-q, --quiet', 'only findings and the summary: no progress bar, notes or "wrote" lines'),
    )
    .addOption(
      output(
        '--verbose',
        'also list suppressed findings and notes (and the stack of an unexpected error)',
      ).conflicts('quiet'),
    )
    .addOption(output('--no-color', 'no colours (NO_COLOR and FORCE_COLOR are honoured too)'))
    .addOption(
      output('--automation-id <id>', 'SARIF analysis category (automationDetails.id), to tell runs apart'),
    )
    .addOption(
      output(
        '--commit-sha <sha>',
        'commit for GitLab secret detection (default: $CI_COMMIT_SHA, $GITHUB_SHA)',
      ),
    )
    .addOption(
      findings(
        '--fail-on <severity>',
        'exit 1 on an unsuppressed finding at or above this (default: high)',
      ).choices([...SEVERITIES, 'none']),
    )
    .addOption(findings('--baseline <file>', 'hide findings recorded in this baseline file'))
    .addOption(findings('--no-baseline', 'ignore the baseline named in the config'))
    .addOption(
      findings('--no-inline-ignores', 'ignore palisade:ignore comments: suppressed findings count again'),
    )
    .addOption(
      new Option('-j, --jobs <n>', 'worker threads (default: available cores, up to 4)')
        .argParser(parseJobs)
        .helpGroup('Performance:'),
    )
    .addHelpText('after', EXAMPLES)
    .action(async (paths: string[], options: ScanCommandOptions) => {
      context.exitCode = await runScan(paths, options, outputs, context);
    });
}

async function runScan(
  paths: string[],
  options: ScanCommandOptions,
  outputs: OutputTargetCollector,
  context: CommandContext,
): Promise<number> {
  const { io } = context;
  const targets = outputs.resolve(io.cwd);
  const target = resolveScanTarget(paths, options.root, io.cwd);
  const showProgress = io.isTTY.stderr && !options.quiet && !isCi(io.env);
  const progress = showProgress ? progressBar(io.stderr) : silentProgress;
  let result: ScanResult;
  try {
    result = await scan({
      ...target,
      config: options.config === undefined ? undefined : path.resolve(io.cwd, options.config),
      failOn: options.failOn,
      diffBase: options.diffBase,
      diffScope: options.diffScope,
      baseline:
        typeof options.baseline === 'string' ? path.resolve(io.cwd, options.baseline) : options.baseline,
      // Only the flag can turn inline ignores off; its absence must not override `inline-ignores: false`.
      inlineIgnores: options.inlineIgnores === false ? false : undefined,
      jobs: options.jobs,
      onProgress: (done, total) => progress.update(done, total),
    });
  } finally {
    progress.stop();
  }

  const stderrColors = colorsFor(io, 'stderr', options.color);
  const reportOptions = {
    verbose: options.verbose,
    commitSha: options.commitSha ?? (io.env.CI_COMMIT_SHA || io.env.GITHUB_SHA || undefined),
    automationId: options.automationId,
  };
  for (const { format, file } of targets) {
    const forTerminal = file === undefined;
    const text = render(format, forTerminal ? terminalView(result, format, options) : result, {
      ...reportOptions,
      color: forTerminal && colorEnabled(io, 'stdout', options.color),
    });
    if (file === undefined) {
      io.stdout.write(text.endsWith('\n') || text === '' ? text : `${text}\n`);
    } else {
      writeFileAtomically(file, text);
      const wrote = `wrote ${format} report to ${relativeForHumans(file, io.cwd)}`;
      if (!options.quiet) io.stderr.write(`${stderrColors.dim(wrote)}\n`);
    }
  }
  if (targets.every((t) => t.file !== undefined)) io.stderr.write(`${summaryLine(result)}\n`);
  const notesLine = hiddenNotesLine(result, targets, options);
  if (notesLine) io.stderr.write(`${stderrColors.dim(notesLine)}\n`);
  return shouldFail(result) ? 1 : 0;
}

/**
 * Notes (skipped files and the like) are listed in the terminal's text report only with --verbose;
 * machine formats and files always get everything.
 */
function terminalView(result: ScanResult, format: ReportFormat, options: ScanCommandOptions): ScanResult {
  if (options.verbose || format !== 'text') return result;
  return { ...result, errors: result.errors.filter((e) => e.level !== 'note') };
}

/** Says how many notes the terminal report left out, unless --quiet asked for silence. */
function hiddenNotesLine(
  result: ScanResult,
  targets: OutputTarget[],
  options: ScanCommandOptions,
): string | undefined {
  const terminalText = targets.some((t) => t.file === undefined && t.format === 'text');
  const notes = result.errors.filter((e) => e.level === 'note').length;
  if (!terminalText || !notes || options.quiet || options.verbose) return undefined;
  return `palisade: ${notes} note${notes === 1 ? '' : 's'} (skipped files and the like) not shown; --verbose lists them`;
}

/** One line for the terminal when every report went to a file. */
function summaryLine(result: ScanResult): string {
  const active = activeFindings(result);
  const bySeverity = Object.entries(countBySeverity(active))
    .filter(([, count]) => count > 0)
    .map(([severity, count]) => `${count} ${severity}`);
  const findings = `${plural(active.length, 'finding')}${bySeverity.length ? ` (${bySeverity.join(', ')})` : ''}`;
  const hidden = result.stats.baselineHidden ? `, ${result.stats.baselineHidden} hidden by the baseline` : '';
  const verdict = shouldFail(result) ? `failing: at or above ${result.failOn}` : 'passing';
  return `palisade: ${findings}${hidden} in ${plural(result.stats.filesScanned, 'file')}; ${verdict}`;
}

function relativeForHumans(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative.startsWith('..') ? file : relative;
}

function parseJobs(value: string): number {
  const jobs = Number(value);
  if (!Number.isInteger(jobs) || jobs < 1)
    throw new InvalidArgumentError('Give a whole number of 1 or more.');
  return jobs;
}
