import type { Severity } from '../core/types.js';
import type { FilterName } from './filters.js';
import type { ValidatorName } from './validators.js';

/** Kinds of files, for detectors that only make sense in some of them (the keyword detector, .npmrc). */
export type FileKind =
  | 'code'
  | 'yaml'
  | 'json'
  | 'properties'
  | 'ini'
  | 'env'
  | 'xml'
  | 'shell'
  | 'hcl'
  | 'other';

/**
 * A secret detector is data: what to look for, where, and how to tell a real secret from a look-alike.
 * The engine compiles every detector once and runs them all in one pass per file.
 */
export interface Detector {
  /** Stable kebab-case id, for example `github-classic-pat`; part of each finding's fingerprint. */
  id: string;
  /** What the detector finds, in a few words ("GitHub personal access token (classic)"). */
  description: string;
  /**
   * ASCII keywords (matched case-insensitively) of which at least one must occur for the pattern to run;
   * the pattern then runs only on the lines around each occurrence.
   */
  keywords: string[];
  /** An RE2 pattern (no lookaround, no backreferences). The secret is `secretGroup` (default 1). */
  pattern: string;
  ignoreCase?: boolean;
  secretGroup?: number;
  severity?: Severity;
  /** Minimum Shannon entropy (bits per character) of the secret. */
  minEntropy?: number;
  /** Named structure checks (checksums, JWT header, PEM block). */
  validators?: ValidatorName[];
  /** Generic false-positive filters applied to the value; specific formats use few, generic ones all. */
  filters?: FilterName[];
  /** Documented example values and other known non-secrets: exact values, or RE2-compatible patterns. */
  allow?: { values?: string[]; patterns?: string[] };
  /** Lines before and after a keyword hit the pattern may span or look at (default 0: the hit's line). */
  contextLines?: number;
  /**
   * The longest match, in characters, for a pattern that contains one of its keywords: the pattern then runs
   * on that many characters either side of each keyword (within its line) instead of on the whole line.
   * For detectors whose keywords are common words in code (`pat`, `://`).
   */
  maxMatchChars?: number;
  /**
   * A literal every match holds after its keyword, within maxMatchChars (`@` after a URL's `://`): where it
   * is missing, the pattern does not run. For keywords that are common but rarely matched.
   */
  alsoContains?: string;
  /** For block secrets (PEM keys): characters after the hit the pattern may span. */
  spanChars?: number;
  /**
   * The match must start at most this many characters after the end of one of the detector's keywords, on
   * the same line. Stands for a pattern prefix "keyword, then up to N characters": spelled in the pattern,
   * that prefix makes RE2's automaton explode on lines with several keywords (and fall back to its NFA).
   */
  keywordWithin?: number;
  /**
   * What follows one of the keywords in every match: a JavaScript pattern that accepts at least what the
   * detector's pattern does there, tested from the keyword's end (or, with keywordWithin, from up to that
   * many characters after it, on its line). A keyword adds a region only if it passes, which costs less than
   * searching the region: on node_modules, 1% of the generic entropy detectors' keywords pass.
   */
  keywordThen?: string;
  /** Only files of these kinds. */
  fileKinds?: FileKind[];
  /** Only files whose base name matches this RE2 pattern (case-insensitive), for example `^\.npmrc$`. */
  fileNames?: string;
  /**
   * Generic detectors (keyword assignments, high entropy) give way to a specific detector that matched the
   * same value, and are tuned by `secrets.entropy` in the config.
   */
  generic?: 'keyword' | 'entropy-base64' | 'entropy-hex';
  /** A pattern run on the whole match (not just the secret): when it matches, the candidate is dropped. */
  rejectMatch?: string;
  /** More general detectors whose overlapping match this one replaces (a service-account key over a PEM key). */
  supersedes?: string[];
}

/** A secret found in a file. Offsets are UTF-16 offsets into the file's text. */
export interface SecretMatch {
  detector: Detector;
  /** The secret's value and its offsets. */
  value: string;
  start: number;
  end: number;
}

/**
 * A copy of a detector with every field present (undefined where it has none), in one order, so that all
 * detectors share one object shape. Detectors are written as object literals with different optional
 * fields, and code that reads them for each match (the engine, the secret rules) bailed out of its
 * optimized code each time it met another shape, in every worker thread.
 */
export function uniformDetector(detector: Detector): Detector {
  // `satisfies` keeps this list complete: a field added to Detector and not here fails to compile.
  const uniform = {
    id: detector.id,
    description: detector.description,
    keywords: detector.keywords,
    pattern: detector.pattern,
    ignoreCase: detector.ignoreCase,
    secretGroup: detector.secretGroup,
    severity: detector.severity,
    minEntropy: detector.minEntropy,
    validators: detector.validators,
    filters: detector.filters,
    allow: detector.allow,
    contextLines: detector.contextLines,
    maxMatchChars: detector.maxMatchChars,
    alsoContains: detector.alsoContains,
    spanChars: detector.spanChars,
    keywordWithin: detector.keywordWithin,
    keywordThen: detector.keywordThen,
    fileKinds: detector.fileKinds,
    fileNames: detector.fileNames,
    generic: detector.generic,
    rejectMatch: detector.rejectMatch,
    supersedes: detector.supersedes,
  } satisfies Record<keyof Detector, unknown>;
  return uniform as Detector;
}
