import { readFileSync, writeFileSync } from 'node:fs';
import { UsageError } from '../core/errors.js';
import { compareText, type Finding } from '../core/types.js';

/**
 * A baseline: fingerprints of known findings. No line numbers (so no merge churn when code moves)
 * and no secret values.
 */
export interface Baseline {
  version: 1;
  tool: 'palisade';
  createdAt: string;
  findings: BaselineEntry[];
}

/**
 * One known finding. For a secret, the identity (the fingerprint) is file + detector + secret hash, never
 * the line; `detector` and the redacted `secret` are kept so `palisade baseline audit` can show them.
 */
export interface BaselineEntry {
  fingerprint: string;
  ruleId: string;
  file: string;
  detector?: string;
  secret?: { sha256: string; preview: string };
  /** A reviewer's verdict from `palisade baseline audit`. */
  audit?: { verdict: 'true-positive' | 'false-positive'; at: string; note?: string };
}

/** Builds a baseline from findings (suppressed ones are left out: they are already handled). */
export function createBaseline(findings: Finding[], now = new Date()): Baseline {
  const entries = findings
    .filter((f) => !f.suppression)
    .map((f): BaselineEntry => {
      const entry: BaselineEntry = { fingerprint: f.fingerprint, ruleId: f.ruleId, file: f.location.file };
      const detector = f.category === 'secret' ? /\[([a-z0-9][a-z0-9-]*)\]$/.exec(f.message)?.[1] : undefined;
      if (detector) entry.detector = detector;
      if (f.secret) entry.secret = { sha256: f.secret.sha256, preview: f.secret.preview };
      return entry;
    });
  const unique = [...new Map(entries.map((e) => [e.fingerprint, e])).values()];
  unique.sort(
    (a, b) =>
      compareText(a.file, b.file) ||
      compareText(a.ruleId, b.ruleId) ||
      compareText(a.fingerprint, b.fingerprint),
  );
  return { version: 1, tool: 'palisade', createdAt: now.toISOString(), findings: unique };
}

/** Writes a baseline file, sorted and pretty-printed for reviewable diffs. */
export function writeBaseline(file: string, baseline: Baseline): void {
  writeFileSync(file, `${JSON.stringify(baseline, null, 2)}\n`);
}

/** Reads a baseline file; a malformed one is a UsageError. */
export function readBaseline(file: string): Baseline {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read baseline: ${(error as Error).message}`, file);
  }
  const baseline = parsed as Partial<Baseline>;
  if (baseline?.version !== 1 || !Array.isArray(baseline.findings)) {
    throw new UsageError('not a Palisade baseline (expected version 1 and a findings list)', file);
  }
  for (const [index, entry] of baseline.findings.entries()) {
    if (typeof entry?.fingerprint !== 'string') {
      throw new UsageError(`findings[${index}] has no fingerprint`, file);
    }
  }
  return baseline as Baseline;
}
