import path from 'node:path';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { UsageError } from '../core/errors.js';
import { activeFindings, type ScanResult, SEVERITIES, type Severity, scan, shouldFail } from '../index.js';
import { REPORT_FORMATS, type ReportFormat, render } from '../reporters/index.js';
import { countBySeverity, plural } from '../reporters/shared.js';
import { type CommandContext, colorsFor } from './context.js';
import { scanHistory } from './history.js';
import { colorEnabled, isCi } from './io.js';
import { type OutputTarget, OutputTargetCollector, writeFileAtomically } from './output-targets.js';
import { progressBar, silentProgress } from './progress.js';
import { resolveScanTarget } from './scan-target.js';
import { detectUploadMetadata, type UploadMetadata, uploadScan } from './upload.js';

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
  /** `--history [range]`: true without a range. */
  history?: string | true;
  upload?: string;
  varFile?: string[];
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
  $ palisade scan infra/ --var-file infra/prod.tfvars
      Evaluate Terraform with the production variables.
  $ palisade baseline create && palisade scan --baseline .palisade-baseline.json
      Accept today's findings and report only new ones from now on.

Exit status:
  0  no unsuppressed finding at or above --fail-on
  1  at least one unsuppressed finding at or above --fail-on
  2  usage or configuration error
  3  the scan ran, but --upload could not deliver it to the server
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
      input(
        '--var-file <file>',
        'Terraform variables file (as terraform -var-file), repeatable; later files win',
      ).argParser((value: string, previous: string[] = []) => [...previous, value]),
    )
    .addOption(
      input(
        '--history [range]',
        'scan for secrets the lines added by each commit of a git range (default: merge-base..HEAD in a pull request, else all of HEAD)',
      ),
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
      output(
        '--upload <url>',
        'send the findings to the Palisade server at <url> (token from $PALISADE_TOKEN)',
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
  const uploadToken = io.env.PALISADE_TOKEN?.trim();
  if (options.upload !== undefined && !uploadToken) {
    throw new UsageError('--upload needs the server API token in the PALISADE_TOKEN environment variable');
  }
  // Before scanning: a scan that cannot be uploaded should fail fast.
  const uploadMetadata =
    options.upload === undefined
      ? undefined
      : detectUploadMetadata(io.env, target.root, options.diffBase ? 'diff' : 'full');
  const showProgress = io.isTTY.stderr && !options.quiet && !isCi(io.env);
  const progress = showProgress ? progressBar(io.stderr) : silentProgress;
  let result: ScanResult;
  try {
    result =
      options.history !== undefined
        ? await scanHistory({
            root: target.root,
            range: options.history === true ? undefined : options.history,
            config: options.config === undefined ? undefined : path.resolve(io.cwd, options.config),
            baseline:
              typeof options.baseline === 'string'
                ? path.resolve(io.cwd, options.baseline)
                : options.baseline,
            failOn: options.failOn,
            env: io.env,
          })
        : await scan({
            ...target,
            config: options.config === undefined ? undefined : path.resolve(io.cwd, options.config),
            failOn: options.failOn,
            diffBase: options.diffBase,
            diffScope: options.diffScope,
            baseline:
              typeof options.baseline === 'string'
                ? path.resolve(io.cwd, options.baseline)
                : options.baseline,
            // Only the flag can turn inline ignores off; its absence must not override `inline-ignores: false`.
            inlineIgnores: options.inlineIgnores === false ? false : undefined,
            jobs: options.jobs,
            varFiles: options.varFile?.map((file) => path.resolve(io.cwd, file)),
            onProgress: (done, total) => progress.update(done, total),
          });
  } finally {
    progress.stop();
  }

  writeReports(result, targets, options, context);
  if (options.upload !== undefined && uploadToken && uploadMetadata) {
    const uploaded = await sendToServer(
      options.upload,
      uploadToken,
      result,
      uploadMetadata,
      options,
      context,
    );
    if (!uploaded) return 3;
  }
  return shouldFail(result) ? 1 : 0;
}

/** The report options every scanning command shares. */
export type ReportCommandOptions = Pick<
  ScanCommandOptions,
  'quiet' | 'verbose' | 'color' | 'automationId' | 'commitSha'
>;

/** Writes each requested report to its file or standard output, with the summary and notes lines. */
export function writeReports(
  result: ScanResult,
  targets: OutputTarget[],
  options: ReportCommandOptions,
  context: CommandContext,
): void {
  const { io } = context;
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
}

/** Uploads the scan; says what the server recorded, or why it failed (exit status 3). */
export async function sendToServer(
  serverUrl: string,
  token: string,
  result: ScanResult,
  metadata: UploadMetadata,
  options: Pick<ScanCommandOptions, 'quiet'>,
  context: CommandContext,
): Promise<boolean> {
  const { io } = context;
  try {
    const reply = await uploadScan(serverUrl, token, result, metadata);
    const where = reply.url ? new URL(reply.url, serverUrl).toString() : serverUrl;
    const counts = reply.counts
      ? ` (${reply.counts.new ?? 0} new, ${reply.counts.closed ?? 0} closed, ${reply.counts.reopened ?? 0} reopened)`
      : '';
    const verb = reply.status === 202 ? 'accepted' : reply.status === 200 ? 'already recorded' : 'uploaded';
    if (!options.quiet)
      io.stderr.write(
        `palisade: ${verb} ${metadata.organization}/${metadata.repository}@${metadata.commit.slice(0, 12)}: ${where}${counts}\n`,
      );
    return true;
  } catch (error) {
    io.stderr.write(`palisade: upload to ${serverUrl} failed: ${(error as Error).message}\n`);
    return false;
  }
}

/**
 * Notes (skipped files and the like) are listed in the terminal's text report only with --verbose;
 * machine formats and files always get everything.
 */
function terminalView(result: ScanResult, format: ReportFormat, options: ReportCommandOptions): ScanResult {
  if (options.verbose || format !== 'text') return result;
  return { ...result, errors: result.errors.filter((e) => e.level !== 'note') };
}

/** Says how many notes the terminal report left out, unless --quiet asked for silence. */
function hiddenNotesLine(
  result: ScanResult,
  targets: OutputTarget[],
  options: ReportCommandOptions,
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
