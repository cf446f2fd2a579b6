import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { InvalidArgumentError } from 'commander';
import { UsageError } from '../core/errors.js';
import type { ReportFormat } from '../reporters/index.js';

/** One report to produce: a format and where it goes (undefined: standard output). */
export interface OutputTarget {
  format: ReportFormat;
  file?: string;
}

/**
 * Collects `--format`/`--output` pairs in command-line order: each `--output` belongs to the `--format`
 * before it. Commander calls the parsers in argument order, which is what makes the pairing possible.
 */
export class OutputTargetCollector {
  private readonly targets: Array<{ format?: ReportFormat; file?: string }> = [];

  constructor(private readonly knownFormats: readonly string[]) {}

  /** Commander argument parser for `--format`. */
  readonly addFormat = (value: string): string => {
    if (!this.knownFormats.includes(value)) {
      throw new InvalidArgumentError(`Allowed formats are ${this.knownFormats.join(', ')}.`);
    }
    this.targets.push({ format: value as ReportFormat });
    return value;
  };

  /** Commander argument parser for `--output`. */
  readonly addOutput = (value: string): string => {
    const last = this.targets.at(-1);
    if (!last) {
      // `--output FILE` with no --format yet: the default format, unless a --format comes later.
      this.targets.push({ file: value });
    } else if (last.file !== undefined) {
      throw new InvalidArgumentError(
        `${last.format ?? 'the report'} already goes to ${last.file}; give another --format first.`,
      );
    } else {
      last.file = value;
    }
    return value;
  };

  /** The targets to render, with files resolved against `cwd` and `-` meaning standard output. */
  resolve(cwd: string, defaultFormat: ReportFormat = 'text'): OutputTarget[] {
    const [first, ...rest] = this.targets;
    if (first && first.format === undefined && rest.length) {
      throw new UsageError(
        `--output ${first.file} comes before any --format; write --format FMT --output FILE`,
      );
    }
    const targets: OutputTarget[] = this.targets.length
      ? this.targets.map((t) => ({
          format: t.format ?? defaultFormat,
          file: t.file === undefined || t.file === '-' ? undefined : path.resolve(cwd, t.file),
        }))
      : [{ format: defaultFormat }];
    const toStdout = targets.filter((t) => t.file === undefined);
    if (toStdout.length > 1) {
      throw new UsageError(
        `only one format can go to standard output, but ${toStdout.map((t) => t.format).join(' and ')} do; ` +
          'give the others an --output FILE',
      );
    }
    const seen = new Set<string>();
    for (const target of targets) {
      if (target.file === undefined) continue;
      if (seen.has(target.file)) throw new UsageError(`two reports would be written to ${target.file}`);
      seen.add(target.file);
    }
    return targets;
  }
}

/** Writes a file whole or not at all: a temporary file next to it, then a rename. Creates parent folders. */
export function writeFileAtomically(file: string, text: string): void {
  replaceFile(file, (temporary) => writeFileSync(temporary, text));
}

/** Lets `write` fill a temporary file next to `file`, then renames it over `file`. Creates parent folders. */
export function replaceFile(file: string, write: (temporary: string) => void): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    write(temporary);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
