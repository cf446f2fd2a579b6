import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../core/errors.js';
import { plural } from '../reporters/shared.js';
import { tagDirectory, untagged } from '../tagging/tag-files.js';
import type { CommandContext } from './context.js';
import { writeFileAtomically } from './output-targets.js';

interface TagCommandOptions {
  check?: boolean;
  dryRun?: boolean;
}

/** Adds `palisade tag`. */
export function registerTagCommand(program: Command, context: CommandContext): void {
  program
    .command('tag')
    .summary('add a palisade_trace tag to every taggable IaC resource')
    .description(
      'Add a unique, stable palisade_trace tag (a UUID) to every taggable Terraform, CloudFormation and ARM\n' +
        'resource that has no trace tag yet (palisade_trace, yor_trace or mapping_tag), so the scan can link\n' +
        'code to deployed cloud resources. Comments and formatting are kept; a second run changes nothing.\n' +
        'Exit status: 0 done (or, with --check, every resource traced), 1 with --check when a resource\n' +
        'lacks a trace tag or a file could not be checked, 2 on usage errors. See docs/trace-tags.md.',
    )
    .argument('[dir]', 'folder to tag (default: the current folder)')
    .option('--check', 'change nothing; list resources without a trace tag and exit 1 when there are any')
    .option('--dry-run', 'change nothing; print the changes as a unified diff')
    .action(async (dir: string | undefined, options: TagCommandOptions) => {
      const { io } = context;
      if (options.check && options.dryRun) throw new UsageError('--check and --dry-run cannot be combined');
      const root = path.resolve(io.cwd, dir ?? '.');
      if (!existsSync(root) || !statSync(root).isDirectory()) throw new UsageError(`not a folder: ${dir}`);
      const mode = options.check ? 'check' : options.dryRun ? 'dry-run' : 'write';
      const run = await tagDirectory(root, { mode, writeFile: writeFileAtomically });
      for (const error of run.errors) {
        const where = error.line ? `${error.file}:${error.line}` : error.file;
        io.stderr.write(`palisade: ${where}: ${error.message}\n`);
      }
      const resources = run.files.reduce((sum, file) => sum + file.resources.length, 0);
      const added = run.files.reduce((sum, file) => sum + file.added, 0);
      const needsHand = untagged(run).filter((r) => r.problem);
      if (mode === 'check') {
        const missing = untagged(run);
        for (const r of missing)
          io.stdout.write(`${r.file}:${r.line} ${r.address}${r.problem ? ` (${r.problem})` : ''}\n`);
        io.stdout.write(
          missing.length
            ? `${missing.length} of ${resources} taggable resources lack a trace tag; run palisade tag to add them\n`
            : `all ${resources} taggable resources have a trace tag\n`,
        );
        // A file that could not be read or parsed could not be checked either.
        const unchecked = run.errors.filter((error) => error.level === 'error').length;
        if (unchecked) io.stdout.write(`${plural(unchecked, 'file')} could not be checked\n`);
        context.exitCode = missing.length || unchecked ? 1 : 0;
        return;
      }
      if (mode === 'dry-run') for (const file of run.files) if (file.diff) io.stdout.write(file.diff);
      for (const r of needsHand)
        io.stderr.write(`palisade: ${r.file}:${r.line} ${r.address}: ${r.problem}\n`);
      const changedFiles = run.files.filter((file) => file.added).length;
      const verb = mode === 'write' ? 'tagged' : 'would tag';
      const summary = `${verb} ${added} of ${resources} taggable resources in ${plural(changedFiles, 'file')}`;
      // The diff owns stdout in dry-run mode: the summary goes to stderr there.
      (mode === 'dry-run' ? io.stderr : io.stdout).write(`${summary}\n`);
      context.exitCode = 0;
    });
}
