import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { CONFIG_FILE_NAMES } from '../config/config.js';
import { UsageError } from '../core/errors.js';
import type { CommandContext } from './context.js';
import { writeFileAtomically } from './output-targets.js';

/** The commented starter config `palisade init` writes; every active line is a default, so it changes nothing. */
export const STARTER_CONFIG = `# Palisade configuration. Reference: docs/configuration.md
# Schema: schemas/palisade-config.schema.json

# Exit with status 1 when an unsuppressed finding is at or above this severity:
# critical, high, medium, low, info, or none (never fail).
fail-on: high

rules:
  # Rules that never run (ids or globs such as PAL-AWS-*).
  disable: []
  # When set, only these rules run.
  # enable: [PAL-K8S-*, PAL-SECRET-*]
  # Severity overrides by rule id.
  # severity:
  #   PAL-DOCKER-001: low

# categories:
#   disable: [posture]        # iac, secret, pipeline, posture

# Paths to skip, as globs relative to this folder (.gitignore is honoured too, for files git does not track).
# exclude:
#   - 'vendor/**'
#   - '**/testdata/**'

# Settings for some paths only; later entries win.
# overrides:
#   - paths: ['examples/**']
#     rules:
#       disable: [PAL-SECRET-001]
#       severity:
#         PAL-K8S-001: medium

# Findings recorded with \`palisade baseline create\` are hidden from scans.
# baseline: .palisade-baseline.json

# Honour \`palisade:ignore RULE-ID reason until=YYYY-MM-DD\` comments in scanned files.
inline-ignores: true

# Folder of your own rules (YAML conditions or TypeScript modules), relative to this file.
# custom-rules: .palisade/rules

# In diff mode (--diff-base), report findings on changed lines only, or anywhere in changed files.
diff-scope: lines

limits:
  # Larger files are skipped with a note.
  max-file-size: 5MiB
  # max-files: 100000
`;

/** Adds `palisade init`. */
export function registerInitCommand(program: Command, context: CommandContext): void {
  program
    .command('init')
    .summary('write a commented starter .palisade.yml')
    .description('Write a commented starter .palisade.yml with the defaults spelled out.')
    .argument('[dir]', 'folder to write it to (default: the current folder)')
    .option('--force', 'overwrite an existing config file')
    .action((dir: string | undefined, options: { force?: boolean }) => {
      const { io } = context;
      const folder = path.resolve(io.cwd, dir ?? '.');
      if (!existsSync(folder) || !statSync(folder).isDirectory())
        throw new UsageError(`not a folder: ${dir}`);
      const existing = CONFIG_FILE_NAMES.map((name) => path.join(folder, name)).find((file) =>
        existsSync(file),
      );
      if (existing && !options.force) {
        throw new UsageError(
          `${path.relative(io.cwd, existing) || existing} already exists (use --force to overwrite it)`,
        );
      }
      // Overwriting .palisade.yaml with a new .palisade.yml would leave two configs; keep the existing name.
      const file = existing ?? path.join(folder, CONFIG_FILE_NAMES[0]!);
      writeFileAtomically(file, STARTER_CONFIG);
      io.stdout.write(`wrote ${path.relative(io.cwd, file) || file}; run palisade scan to try it\n`);
      context.exitCode = 0;
    });
}
