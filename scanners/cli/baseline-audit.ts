import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { UsageError } from '../core/errors.js';
import type { Finding } from '../core/types.js';
import { scan } from '../engine/scan.js';
import { type BaselineEntry, readBaseline, writeBaseline } from '../postprocess/baseline.js';
import { type CommandContext, colorsFor } from './context.js';
import { replaceFile } from './output-targets.js';

type Verdict = 'true-positive' | 'false-positive';

interface AuditOptions {
  root?: string;
  nonInteractive?: boolean;
  mark: string[];
  decisions?: string;
  note?: string;
  all?: boolean;
  color: boolean;
}

const VERDICTS = new Map<string, Verdict>([
  ['true', 'true-positive'],
  ['true-positive', 'true-positive'],
  ['tp', 'true-positive'],
  ['false', 'false-positive'],
  ['false-positive', 'false-positive'],
  ['fp', 'false-positive'],
]);

/** Adds `palisade baseline audit` under the `baseline` command. */
export function registerBaselineAudit(baseline: Command, context: CommandContext): void {
  baseline
    .command('audit')
    .summary('review baseline entries and mark each a true or false positive')
    .description(
      'Shows each unreviewed baseline entry (rule, detector, file and line, masked preview and the masked ' +
        'line) and records your verdict in the baseline file. Interactive in a terminal; for scripts, give ' +
        '--mark FINGERPRINT=true|false (a unique fingerprint prefix is enough) or --decisions FILE, a JSON ' +
        'object of fingerprint to "true-positive" or "false-positive".',
    )
    .argument('[file]', 'baseline file', '.palisade-baseline.json')
    .option('--root <dir>', 'folder whose files the entries refer to (default: the baseline file folder)')
    .option('--non-interactive', 'do not prompt; apply --mark and --decisions only, then print a summary')
    .option(
      '--mark <fingerprint=verdict>',
      'record a verdict (true or false), repeatable',
      (value: string, previous: string[]) => [...previous, value],
      [],
    )
    .option('--decisions <file>', 'JSON file: { "<fingerprint>": "true-positive" | "false-positive" }')
    .option('--note <text>', 'note stored with every verdict recorded in this run')
    .option('--all', 'also review entries that already have a verdict')
    .option('--no-color', 'no colours')
    .action(async (file: string, options: AuditOptions) => {
      context.exitCode = await audit(path.resolve(context.io.cwd, file), options, context);
    });
}

async function audit(file: string, options: AuditOptions, context: CommandContext): Promise<number> {
  const { io } = context;
  const baseline = readBaseline(file);
  const now = new Date().toISOString();
  const record = (entry: BaselineEntry, verdict: Verdict) => {
    entry.audit = { verdict, at: now, ...(options.note ? { note: options.note } : {}) };
  };
  const decisions = new Map<string, Verdict>();
  for (const mark of options.mark) {
    const [prefix = '', value = ''] = mark.split('=');
    const verdict = VERDICTS.get(value.toLowerCase());
    if (!verdict || !prefix)
      throw new UsageError(`--mark ${mark}: use FINGERPRINT=true or FINGERPRINT=false`);
    decisions.set(resolvePrefix(baseline.findings, prefix), verdict);
  }
  if (options.decisions) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(path.resolve(io.cwd, options.decisions), 'utf8'));
    } catch (error) {
      throw new UsageError(`cannot read decisions: ${(error as Error).message}`, options.decisions);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      throw new UsageError('decisions must be a JSON object of fingerprint to verdict', options.decisions);
    for (const [prefix, value] of Object.entries(parsed)) {
      const verdict = VERDICTS.get(String(value).toLowerCase());
      if (!verdict)
        throw new UsageError(`decision for ${prefix}: "${value}" is not a verdict`, options.decisions);
      decisions.set(resolvePrefix(baseline.findings, prefix), verdict);
    }
  }
  for (const entry of baseline.findings) {
    const verdict = decisions.get(entry.fingerprint);
    if (verdict) record(entry, verdict);
  }

  const interactive = !options.nonInteractive && decisions.size === 0;
  if (interactive) {
    const root = path.resolve(io.cwd, options.root ?? path.dirname(file));
    const current = await currentFindings(root);
    const pending = baseline.findings.filter((e) => options.all || !e.audit);
    const colors = colorsFor(io, 'stdout', options.color);
    const prompt = createInterface({ input: process.stdin, output: process.stdout });
    try {
      for (const [index, entry] of pending.entries()) {
        const finding = current.get(entry.fingerprint);
        io.stdout.write(
          `\n${colors.bold(`[${index + 1}/${pending.length}]`)} ${describeEntry(entry, finding)}\n`,
        );
        const answer = (
          await prompt.question('  secret? [t]rue positive, [f]alse positive, [s]kip, [q]uit: ')
        )
          .trim()
          .toLowerCase();
        if (answer === 'q') break;
        if (answer === 't') record(entry, 'true-positive');
        else if (answer === 'f') record(entry, 'false-positive');
      }
    } finally {
      prompt.close();
    }
  }
  replaceFile(file, (temporary) => writeBaseline(temporary, baseline));
  const count = (verdict: Verdict) => baseline.findings.filter((e) => e.audit?.verdict === verdict).length;
  const unreviewed = baseline.findings.filter((e) => !e.audit).length;
  io.stdout.write(
    `audited ${path.relative(io.cwd, file) || file}: ${count('true-positive')} true positive, ${count('false-positive')} false positive, ${unreviewed} not reviewed\n`,
  );
  return 0;
}

/** The full fingerprint for a unique prefix. */
function resolvePrefix(entries: BaselineEntry[], prefix: string): string {
  const matches = entries.filter((e) => e.fingerprint.startsWith(prefix.toLowerCase()));
  if (matches.length !== 1)
    throw new UsageError(
      matches.length
        ? `fingerprint prefix ${prefix} is ambiguous`
        : `no baseline entry has fingerprint ${prefix}`,
    );
  return matches[0]!.fingerprint;
}

/** Today's findings by fingerprint, for the line and masked context of each entry. */
async function currentFindings(root: string): Promise<Map<string, Finding>> {
  const result = await scan({ root, baseline: false });
  return new Map(result.findings.map((f) => [f.fingerprint, f]));
}

/** One entry, for a person: never the secret, only its preview and the masked line. */
export function describeEntry(entry: BaselineEntry, finding?: Finding): string {
  const where = finding ? `${entry.file}:${finding.location.startLine}` : `${entry.file} (no longer found)`;
  const detector = entry.detector ? ` ${entry.detector}` : '';
  const preview = entry.secret ? ` value ${entry.secret.preview}…` : '';
  const verdict = entry.audit ? ` (marked ${entry.audit.verdict})` : '';
  const lines = [
    `${entry.ruleId}${detector} ${where}${preview}${verdict}`,
    `  fingerprint ${entry.fingerprint.slice(0, 12)}`,
  ];
  if (finding?.snippet) lines.push(...finding.snippet.split('\n').map((l) => `  │ ${l}`));
  return lines.join('\n');
}
