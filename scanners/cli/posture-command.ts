/** `palisade posture github --repo OWNER/REPO`: checks a repository's security settings through the API. */
import path from 'node:path';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { loadConfigFile } from '../config/config.js';
import { UsageError } from '../core/errors.js';
import { SEVERITIES, type Severity, shouldFail } from '../core/types.js';
import {
  checkRepositoryName,
  collectGitHubRepositorySettings,
  repositoryUploadMetadata,
  scanRepositorySettings,
  snapshotText,
} from '../posture/github.js';
import { REPORT_FORMATS } from '../reporters/index.js';
import type { CommandContext } from './context.js';
import { OutputTargetCollector, writeFileAtomically } from './output-targets.js';
import { type ReportCommandOptions, sendToServer, writeReports } from './scan-command.js';

interface PostureGithubOptions extends ReportCommandOptions {
  repo: { owner: string; name: string };
  token?: string;
  apiUrl?: string;
  config?: string;
  failOn?: Severity | 'none';
  save?: string;
  upload?: string;
}

const EXAMPLES = `
Examples:
  $ GITHUB_TOKEN=... palisade posture github --repo acme/web
      Check acme/web's branch protection, secret scanning, Dependabot and Actions settings.
  $ palisade posture github --repo acme/web --format sarif --output posture.sarif --save posture.json
      Write SARIF, and keep the settings snapshot (a file \`palisade scan\` can check again).
  $ palisade posture github --repo acme/web --api-url https://github.example.com/api/v3
      GitHub Enterprise Server.

Settings the token may not read are reported as notes naming the permission, never as findings.
Reading everything needs admin access to the repository (GitHub App: Administration: read). See docs/posture.md.

Exit status:
  0  no unsuppressed finding at or above --fail-on
  1  at least one unsuppressed finding at or above --fail-on
  2  usage error, or the repository could not be read
  3  the check ran, but --upload could not deliver it to the server
`;

/** Adds `palisade posture github`. */
export function registerPostureCommand(program: Command, context: CommandContext): void {
  const posture = program
    .command('posture')
    .summary("check a repository's security settings (branch protection, secret scanning, ...)")
    .description(
      "Check the security settings of a repository on its hosting platform, through the platform's API.",
    );
  const outputs = new OutputTargetCollector(REPORT_FORMATS);
  posture
    .command('github')
    .summary("check a GitHub repository's settings")
    .description(
      "Read a GitHub repository's settings through the REST API (default branch protection and rulesets, " +
        'secret scanning and push protection, Dependabot alerts, Actions token permissions, self-hosted ' +
        'runners) and report what falls short, with the same reporters as `palisade scan`.',
    )
    .requiredOption('--repo <owner/repo>', 'the repository to check', parseRepository)
    .option('--token <token>', 'GitHub token (default: $GITHUB_TOKEN, then $GH_TOKEN)')
    .option('--api-url <url>', 'REST API base URL (default: $GITHUB_API_URL, else https://api.github.com)')
    .option('-c, --config <file>', 'config file for rule selection, severities and fail-on')
    .addOption(
      new Option(
        '-f, --format <format>',
        `report format, repeatable: ${REPORT_FORMATS.join(', ')} (default: text)`,
      ).argParser(outputs.addFormat),
    )
    .addOption(
      new Option('-o, --output <file>', 'write the preceding --format to <file>').argParser(
        outputs.addOutput,
      ),
    )
    .option('--save <file>', 'also write the settings snapshot (JSON) to <file>')
    .option(
      '--upload <url>',
      'send the findings to the Palisade server at <url> (token from $PALISADE_TOKEN)',
    )
    .addOption(
      new Option('--fail-on <severity>', 'exit 1 on a finding at or above this (default: high)').choices([
        ...SEVERITIES,
        'none',
      ]),
    )
    .option('-q, --quiet', 'only findings and the summary')
    .option('--no-color', 'no colours')
    .addHelpText('after', EXAMPLES)
    .action(async (options: PostureGithubOptions) => {
      context.exitCode = await runPostureGithub(options, outputs, context);
    });
}

async function runPostureGithub(
  options: PostureGithubOptions,
  outputs: OutputTargetCollector,
  context: CommandContext,
): Promise<number> {
  const { io } = context;
  const targets = outputs.resolve(io.cwd);
  const token = options.token ?? (io.env.GITHUB_TOKEN?.trim() || io.env.GH_TOKEN?.trim() || undefined);
  if (!token)
    throw new UsageError('posture github needs a token: --token, or the GITHUB_TOKEN environment variable');
  const uploadToken = io.env.PALISADE_TOKEN?.trim();
  if (options.upload !== undefined && !uploadToken)
    throw new UsageError('--upload needs the server API token in the PALISADE_TOKEN environment variable');
  const apiUrl = checkApiUrl(options.apiUrl ?? (io.env.GITHUB_API_URL?.trim() || 'https://api.github.com'));
  const config = options.config ? loadConfigFile(path.resolve(io.cwd, options.config)) : undefined;

  const { getOctokit } = await import('@actions/github');
  const octokit = getOctokit(token, { baseUrl: apiUrl, userAgent: 'palisade-posture' });
  let snapshot: Awaited<ReturnType<typeof collectGitHubRepositorySettings>>;
  try {
    snapshot = await collectGitHubRepositorySettings(octokit, options.repo.owner, options.repo.name);
  } catch (error) {
    // The API client's messages name the request, never its headers (the token).
    throw new Error(
      `cannot collect the settings of ${options.repo.owner}/${options.repo.name}: ${(error as Error).message}`,
    );
  }
  if (options.save) {
    const file = path.resolve(io.cwd, options.save);
    writeFileAtomically(file, snapshotText(snapshot));
    if (!options.quiet)
      io.stderr.write(`wrote the settings snapshot to ${path.relative(io.cwd, file) || file}\n`);
  }
  const result = await scanRepositorySettings(snapshot, { config, failOn: options.failOn });
  // The notes say which settings could not be read and which permission would read them: the text report
  // always lists them (with any suppressed finding), as `scan --verbose` does.
  writeReports(result, targets, { ...options, verbose: true }, context);
  if (options.upload !== undefined && uploadToken) {
    const metadata = repositoryUploadMetadata(snapshot, `posture-${snapshot.collectedAt}`);
    if (!(await sendToServer(options.upload, uploadToken, result, metadata, options, context))) return 3;
  }
  return shouldFail(result) ? 1 : 0;
}

function parseRepository(value: string): { owner: string; name: string } {
  const [owner = '', name = '', ...rest] = value.trim().split('/');
  try {
    if (rest.length) throw new Error('too many parts');
    checkRepositoryName(owner, name);
  } catch {
    throw new InvalidArgumentError('Give the repository as OWNER/REPO, for example acme/web.');
  }
  return { owner, name };
}

function checkApiUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--api-url must be an http(s) URL, not ${JSON.stringify(value.slice(0, 200))}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new UsageError(`--api-url must be an http(s) URL, not ${JSON.stringify(value.slice(0, 200))}`);
  return value.replace(/\/+$/, '');
}
