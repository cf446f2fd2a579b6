/** `palisade cloud import`: reads cloud inventory files locally and sends one import per account to the server. */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { type Command, Option } from 'commander';
import { CLOUD_INPUT_MAX_CHARS } from '../cloud/input.js';
import {
  CloudInventoryError,
  type CloudInventoryProblem,
  readCloudInventory,
  SOURCE_DESCRIPTIONS,
} from '../cloud/inventory.js';
import { CLOUD_IMPORT_SOURCES, type CloudImport, type CloudImportSource } from '../cloud/model.js';
import { UsageError } from '../core/errors.js';
import { plural } from '../reporters/shared.js';
import type { CommandContext } from './context.js';
import { writeFileAtomically } from './output-targets.js';
import { postToServer } from './upload.js';

interface CloudImportOptions {
  source?: CloudImportSource;
  account?: string;
  upload?: string;
  dryRun?: boolean;
  output?: string;
  quiet?: boolean;
}

/** Item problems listed per file before the rest are only counted. */
const PROBLEMS_SHOWN = 20;

/** Adds `palisade cloud import`. */
export function registerCloudCommand(program: Command, context: CommandContext): void {
  const cloud = program
    .command('cloud')
    .summary('import cloud inventories and posture checks into the Palisade server')
    .description('Cloud inventories link code findings to deployed resources. See docs/cloud.md.');
  cloud
    .command('import')
    .summary('read cloud inventory files and upload one import per account')
    .description(
      'Read Prowler OCSF output, Terraform state, AWS Config snapshots, Azure Resource Graph exports or ' +
        'Google Cloud Asset Inventory exports, print what they hold and, with --upload, send one import per ' +
        'cloud account to the server. Only identifiers, names, types, places, tags and check results are ' +
        'read: never other attributes (Terraform state holds secrets in plain text).\n' +
        'Exit status: 0 done, 2 a file could not be read or usage error, 3 an upload failed.',
    )
    .argument('<files...>', 'inventory files')
    .addOption(
      new Option('--source <format>', "the files' format (default: recognised from the content)").choices([
        ...CLOUD_IMPORT_SOURCES,
      ]),
    )
    .option('--account <id>', 'account for resources whose source does not name one (S3 buckets in a state)')
    .option('--upload <url>', 'send the imports to the Palisade server at <url> (token from $PALISADE_TOKEN)')
    .option('--dry-run', 'read and summarise only; send nothing even with --upload')
    .option('-o, --output <file>', 'write the normalized imports (a JSON array) to <file>')
    .option('-q, --quiet', 'print only errors')
    .addHelpText(
      'after',
      `
Formats (--source):
${CLOUD_IMPORT_SOURCES.map((source) => `  ${source.padEnd(22)}${SOURCE_DESCRIPTIONS[source]}`).join('\n')}

Examples:
  $ prowler aws --output-formats json-ocsf -o out && palisade cloud import out/*.ocsf.json --upload https://palisade.example.com
  $ terraform state pull > prod.tfstate && palisade cloud import prod.tfstate --dry-run
  $ palisade cloud import snapshot.json --output inventory.json`,
    )
    .action(async (files: string[], options: CloudImportOptions) => {
      context.exitCode = await runCloudImport(files, options, context);
    });
}

async function runCloudImport(
  files: string[],
  options: CloudImportOptions,
  context: CommandContext,
): Promise<number> {
  const { io } = context;
  const token = io.env.PALISADE_TOKEN?.trim();
  const sending = options.upload !== undefined && !options.dryRun;
  if (sending && !token)
    throw new UsageError('--upload needs the server API token in the PALISADE_TOKEN environment variable');
  const accountId = options.account?.trim();
  if (options.account !== undefined && (!accountId || accountId.length > 200))
    throw new UsageError('--account needs an account, subscription or project id');

  let unreadable = 0;
  const imports: { file: string; cloudImport: CloudImport }[] = [];
  for (const file of files) {
    const shown = relative(file, io.cwd);
    const problems: CloudInventoryProblem[] = [];
    try {
      const text = readInventoryFile(path.resolve(io.cwd, file), shown);
      const read = readCloudInventory(text, shown, {
        source: options.source,
        accountId,
        onProblem: (problem) => problems.push(problem),
      });
      for (const cloudImport of read) imports.push({ file: shown, cloudImport });
      if (!options.quiet) io.stdout.write(fileSummary(shown, read));
    } catch (error) {
      if (!(error instanceof CloudInventoryError)) throw error;
      io.stderr.write(`palisade: ${printable(error.message)}\n`);
      unreadable += 1;
    }
    for (const problem of problems.slice(0, PROBLEMS_SHOWN))
      io.stderr.write(
        `${printable(
          `palisade: warning: ${problem.file}${problem.pointer ? ` (at ${problem.pointer})` : ''}: ${problem.message}`,
        )}\n`,
      );
    if (problems.length > PROBLEMS_SHOWN)
      io.stderr.write(`palisade: warning: ${shown}: ${problems.length - PROBLEMS_SHOWN} more problems\n`);
  }
  if (!options.quiet && files.length > 1)
    io.stdout.write(`${totalLine(imports.map((i) => i.cloudImport))}\n`);

  if (options.output !== undefined) {
    const file = path.resolve(io.cwd, options.output);
    writeFileAtomically(
      file,
      `${JSON.stringify(
        imports.map((i) => i.cloudImport),
        null,
        2,
      )}\n`,
    );
    if (!options.quiet) io.stderr.write(`wrote ${imports.length} imports to ${relative(file, io.cwd)}\n`);
  }

  let failedUploads = 0;
  if (options.upload !== undefined && options.dryRun && !options.quiet)
    io.stderr.write(`palisade: --dry-run: ${imports.length} imports not sent to ${options.upload}\n`);
  if (sending && options.upload !== undefined && token) {
    for (const { file, cloudImport } of imports) {
      if (!(await sendImport(options.upload, token, file, cloudImport, options, context))) failedUploads += 1;
    }
  }
  if (failedUploads) return 3;
  return unreadable ? 2 : 0;
}

function readInventoryFile(file: string, shown: string): string {
  let size: number;
  try {
    const stats = statSync(file);
    if (!stats.isFile()) throw new CloudInventoryError(shown, 'not a file');
    size = stats.size;
  } catch (error) {
    if (error instanceof CloudInventoryError) throw error;
    throw new CloudInventoryError(
      shown,
      `cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
  // Characters are at most bytes in UTF-8: a file within the byte limit is within the character limit.
  if (size > CLOUD_INPUT_MAX_CHARS)
    throw new CloudInventoryError(shown, `larger than ${CLOUD_INPUT_MAX_CHARS / 1024 / 1024} MiB: split it`);
  return readFileSync(file, 'utf8');
}

async function sendImport(
  serverUrl: string,
  token: string,
  file: string,
  cloudImport: CloudImport,
  options: CloudImportOptions,
  context: CommandContext,
): Promise<boolean> {
  const { io } = context;
  const what = printable(`${cloudImport.provider} ${cloudImport.accountId} from ${file}`);
  try {
    const { status, reply } = await postToServer<{ url?: string; snapshotId?: string | number }>(
      serverUrl,
      'api/v1/cloud/imports',
      token,
      cloudImport,
    );
    const verb = status === 202 ? 'accepted' : status === 200 ? 'already imported' : 'imported';
    const where = reply.url ? `: ${new URL(reply.url, serverUrl).toString()}` : '';
    if (!options.quiet) io.stderr.write(`palisade: ${verb} ${what}${where}\n`);
    return true;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    io.stderr.write(
      `${printable(`palisade: upload of ${what} to ${serverUrl} failed: ${(error as Error).message}`)}\n`,
    );
    return false;
  }
}

/** `file: source` then one line per account: resources and checks by status. */
function fileSummary(file: string, imports: CloudImport[]): string {
  const source = imports[0]?.source;
  const lines = [`${file}${source ? ` (${source})` : ''}: ${imports.length ? '' : 'no resources'}`.trimEnd()];
  for (const cloudImport of imports)
    lines.push(printable(`  ${cloudImport.provider} ${cloudImport.accountId}: ${counts([cloudImport])}`));
  return `${lines.join('\n')}\n`;
}

function totalLine(imports: CloudImport[]): string {
  const accounts = new Set(imports.map((i) => `${i.provider} ${i.accountId}`)).size;
  return `total: ${plural(accounts, 'account')}, ${counts(imports)}`;
}

function counts(imports: CloudImport[]): string {
  const resources = imports.reduce((sum, i) => sum + i.resources.length, 0);
  const checks = imports.flatMap((i) => i.checks);
  const byStatus = (['fail', 'pass', 'manual'] as const)
    .map((status) => [status, checks.filter((check) => check.status === status).length] as const)
    .filter(([, count]) => count)
    .map(([status, count]) => `${count} ${status}`);
  return `${plural(resources, 'resource')}, ${plural(checks.length, 'check')}${byStatus.length ? ` (${byStatus.join(', ')})` : ''}`;
}

/** Input text shown in a terminal: control and format characters (escape sequences) become U+FFFD. */
function printable(text: string): string {
  return text.replace(/[\p{Cc}\p{Cf}]/gu, '\uFFFD');
}

function relative(file: string, cwd: string): string {
  const absolute = path.resolve(cwd, file);
  const shown = path.relative(cwd, absolute);
  return shown && !shown.startsWith('..') && !path.isAbsolute(shown) ? shown : absolute;
}
