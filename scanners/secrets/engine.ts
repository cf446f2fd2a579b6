import path from 'node:path';
import type { TextSource } from '../core/code-units.js';
import { type Detector, type FileKind, type SecretMatch, uniformDetector } from './detector.js';
import { shannonEntropy } from './entropy.js';
import { type FilterContext, isLockfile, rejectedBy } from './filters.js';
import { maxMatchLength } from './pattern-length.js';
import { KeywordPrefilter } from './prefilter.js';
import { type CompiledPattern, type RegexEngine, type RegexMatch, regexEngine } from './regex.js';
import { DEFAULT_SECRET_SETTINGS, type SecretSettings } from './settings.js';
import { validate } from './validators.js';

/**
 * The shared secret engine. Every secret rule registers its detectors here; the first rule to look at a file
 * scans it once for all of them (keyword prefilter, then each triggered detector's pattern on the lines
 * around its keywords), and every rule then takes its own detectors' matches from the memo.
 */

/** Lines longer than this (minified code, data blobs) are only searched in a window around each keyword. */
export const LONG_LINE_CHARS = 4096;
/** Half-width of that window. */
const WINDOW_CHARS = 1024;
/** Base names whose fileNames answer a detector keeps (a repository has far fewer distinct ones). */
const MAX_FILE_NAME_ANSWERS = 10_000;
/** Keyword hits looked at per file: past this, a file is data, not configuration. */
const MAX_HITS_PER_FILE = 50_000;

interface DetectorPatterns {
  pattern: CompiledPattern;
  allowPatterns: CompiledPattern[];
  rejectMatch?: CompiledPattern;
}

/** A compiled keywordThen and its last answer, so that detectors that share it test each keyword once. */
interface KeywordThen {
  regex: RegExp;
  /** The longest text a match can take from the keyword's end: a large text is tested on that window. */
  reach: number;
  /** The scanText call and keyword end of the last answer. */
  scan: number;
  at: number;
  found: boolean;
}

const keywordThens = new Map<string, KeywordThen>();
let scans = 0;

/**
 * A detector and its compiled patterns. They are compiled on first use: on a given set of files most
 * detectors never trigger, and compiling all of them costs about 0.1 s in every process and worker thread.
 */
class CompiledDetector {
  readonly allowValues: Set<string>;
  /** keywordThen, after up to keywordWithin characters of the line; shared by detectors that spell it alike. */
  readonly keywordThen?: KeywordThen;
  /** Whether the detector searches each region on its own (block detectors) rather than all lines at once. */
  readonly perRegion: boolean;
  /** The detector, with every field present: see uniformDetector. */
  readonly detector: Detector;
  private compiled?: DetectorPatterns;
  /** fileNames, compiled on its own: most files it is asked about are not the detector's, whose patterns then never run. */
  private fileNamesPattern?: CompiledPattern;
  private readonly fileNameAnswers = new Map<string, boolean>();

  constructor(
    detector: Detector,
    readonly index: number,
    private readonly engine: RegexEngine,
  ) {
    this.detector = uniformDetector(detector);
    this.allowValues = new Set(detector.allow?.values ?? []);
    this.perRegion = Boolean(detector.spanChars || detector.contextLines);
    if (detector.keywordThen !== undefined) {
      const source = `[^\\n]{0,${detector.keywordWithin ?? 0}}?(?:${detector.keywordThen})`;
      let shared = keywordThens.get(source);
      if (!shared) {
        try {
          // Sticky, and bounded by the lazy prefix: at most keywordWithin + 1 tries per keyword.
          const regex = new RegExp(source, 'y');
          shared = { regex, reach: maxMatchLength(source), scan: -1, at: -1, found: false };
        } catch (error) {
          throw new Error(`secret detector ${detector.id}: invalid keywordThen: ${(error as Error).message}`);
        }
        keywordThens.set(source, shared);
      }
      this.keywordThen = shared;
    }
  }

  /** Whether fileNames matches a base name. Names repeat (index.js, package.json), so answers are kept. */
  namesFile(base: string): boolean {
    let found = this.fileNameAnswers.get(base);
    if (found === undefined) {
      found = this.fileNames()?.test(base) ?? true;
      if (this.fileNameAnswers.size >= MAX_FILE_NAME_ANSWERS) this.fileNameAnswers.clear();
      this.fileNameAnswers.set(base, found);
    }
    return found;
  }

  private fileNames(): CompiledPattern | undefined {
    const { fileNames } = this.detector;
    if (fileNames === undefined) return undefined;
    try {
      this.fileNamesPattern ??= this.engine.compile(fileNames, { ignoreCase: true });
    } catch (error) {
      throw new Error(`secret detector ${this.detector.id}: invalid fileNames: ${(error as Error).message}`);
    }
    return this.fileNamesPattern;
  }

  get patterns(): DetectorPatterns {
    if (!this.compiled) {
      const { detector, engine } = this;
      try {
        this.compiled = {
          pattern: engine.compile(detector.pattern, { ignoreCase: detector.ignoreCase }),
          allowPatterns: (detector.allow?.patterns ?? []).map((p) => engine.compile(`^(?:${p})$`)),
          rejectMatch: detector.rejectMatch ? engine.compile(detector.rejectMatch) : undefined,
        };
      } catch (error) {
        throw new Error(`secret detector ${detector.id}: invalid pattern: ${(error as Error).message}`);
      }
    }
    return this.compiled;
  }
}

interface CompiledSet {
  engine: RegexEngine;
  detectors: CompiledDetector[];
  prefilter: KeywordPrefilter;
  /** For each keyword of the prefilter, the detectors it triggers. */
  byKeyword: number[][];
  scratch: ScanScratch;
}

/**
 * scanText's per-file tables, kept from one file to the next and cleared where the last file set them:
 * allocating them for each file was a fifth of scanText's own time on node_modules.
 */
class ScanScratch {
  /** Per detector: whether it applies to the file (0: not worked out yet, 1: yes, 2: no). */
  readonly applies: Uint8Array;
  /** Per detector: its regions, merged. */
  readonly regions: Array<Region[] | undefined>;
  /** Per keywordWithin detector: where its keywords end, ascending (hits come in end order). */
  readonly keywordEnds: Array<number[] | undefined>;
  /** Per alsoContains detector: where its literal next occurs (hits come in order, so this only moves on). */
  readonly nextLiteral: Array<number | undefined>;
  /** Per keyword: the detectors it triggers in this file, worked out at its first hit. */
  readonly triggered: Array<number[] | undefined>;
  private readonly usedDetectors: number[] = [];
  private readonly usedKeywords: number[] = [];

  constructor(detectors: number, keywords: number) {
    this.applies = new Uint8Array(detectors);
    this.regions = new Array(detectors).fill(undefined);
    this.keywordEnds = new Array(detectors).fill(undefined);
    this.nextLiteral = new Array(detectors).fill(undefined);
    this.triggered = new Array(keywords).fill(undefined);
  }

  /** Notes that a detector's or a keyword's entries were set, to be cleared before the next file. */
  usedDetector(index: number): void {
    this.usedDetectors.push(index);
  }

  usedKeyword(keyword: number): void {
    this.usedKeywords.push(keyword);
  }

  clear(): void {
    for (const index of this.usedDetectors) {
      this.applies[index] = 0;
      this.regions[index] = undefined;
      this.keywordEnds[index] = undefined;
      this.nextLiteral[index] = undefined;
    }
    for (const keyword of this.usedKeywords) this.triggered[keyword] = undefined;
    this.usedDetectors.length = 0;
    this.usedKeywords.length = 0;
  }
}

const registry = new Map<string, Detector>();
let compiledSet: CompiledSet | undefined;

/** Adds detectors to the engine (secret rules call this when they load). Ids must be unique. */
export function registerDetectors(detectors: readonly Detector[]): void {
  for (const detector of detectors) {
    const existing = registry.get(detector.id);
    if (existing && existing !== detector) throw new Error(`duplicate secret detector id ${detector.id}`);
    registry.set(detector.id, detector);
  }
  compiledSet = undefined;
}

/** Every registered detector. */
export function registeredDetectors(): Detector[] {
  return [...registry.values()];
}

/**
 * Prepares detectors for an engine (default: PALISADE_REGEX_ENGINE, else native, else re2js): the keyword
 * prefilter now, each detector's patterns when it first triggers.
 */
export function compileDetectors(detectors: readonly Detector[], engine = regexEngine()): CompiledSet {
  const keywordIndex = new Map<string, number>();
  const byKeyword: number[][] = [];
  const compiled = detectors.map((detector, index): CompiledDetector => {
    for (const raw of detector.keywords) {
      const keyword = raw.toLowerCase();
      let k = keywordIndex.get(keyword);
      if (k === undefined) {
        k = byKeyword.length;
        keywordIndex.set(keyword, k);
        byKeyword.push([]);
      }
      byKeyword[k]!.push(index);
    }
    return new CompiledDetector(detector, index, engine);
  });
  return {
    engine,
    detectors: compiled,
    prefilter: new KeywordPrefilter([...keywordIndex.keys()]),
    byKeyword,
    scratch: new ScanScratch(compiled.length, byKeyword.length),
  };
}

function currentSet(): CompiledSet {
  compiledSet ??= compileDetectors(registeredDetectors());
  return compiledSet;
}

/** The extensions of each file kind, for fileKind (a lookup, where a switch cost V8 10 ms to optimize). */
const EXTENSIONS_OF_KIND: Partial<Record<FileKind, string>> = {
  code:
    'js jsx mjs cjs ts tsx mts cts py rb go java kt kts scala groovy gradle cs vb fs php swift rs c cc cpp h ' +
    'hpp m dart lua pl r ex exs erl clj vue svelte',
  yaml: 'yml yaml',
  json: 'json jsonc template',
  properties: 'properties',
  ini: 'ini cfg conf toml cnf',
  xml: 'xml config csproj props targets plist xaml pom',
  shell: 'sh bash zsh ksh ps1 bat cmd',
  hcl: 'tf tfvars hcl',
};
const KIND_OF_EXTENSION = new Map(
  Object.entries(EXTENSIONS_OF_KIND).flatMap(([kind, extensions]) =>
    extensions.split(' ').map((ext) => [ext, kind as FileKind] as const),
  ),
);

/** The kind of a file, from its name, for detectors that depend on syntax. */
export function fileKind(file: string): FileKind {
  return kindOfBaseName(path.posix.basename(file));
}

function kindOfBaseName(name: string): FileKind {
  const base = name.toLowerCase();
  const ext = base.includes('.') ? base.slice(base.lastIndexOf('.') + 1) : '';
  if (base === '.env' || base.startsWith('.env.') || ext === 'env') return 'env';
  if (base === 'dockerfile' || base.endsWith('.dockerfile') || base.startsWith('dockerfile.')) return 'shell';
  if (base === '.npmrc' || base === '.pypirc' || base === '.gitconfig' || base === '.netrc') return 'ini';
  return KIND_OF_EXTENSION.get(ext) ?? 'other';
}

interface Region {
  start: number;
  end: number;
}

/**
 * Scans a text with every registered detector (or a given compiled set).
 *
 * In two steps, each its own function: V8 optimizes (and, when its guesses fail, re-optimizes) each one
 * separately, and one function holding both had cost 90–200 ms of compiling per optimization in every thread.
 */
export function scanText(
  file: string,
  text: TextSource,
  settings: SecretSettings = DEFAULT_SECRET_SETTINGS,
  set: CompiledSet = currentSet(),
): SecretMatch[] {
  if (!settings.enabled || !text.length) return [];
  set.scratch.clear();
  const touched = findRegions(file, text, settings, set);
  const found: SecretMatch[] = [];
  for (let t = 0; t < touched.length; t++)
    matchRegions(set.detectors[touched[t]!]!, set.scratch, file, text, settings, found);
  return dropAllowed(text, resolveOverlaps(found));
}

/**
 * Step 1: keyword hits become regions (the hit's line, or a window of it), merged per detector, in the
 * scratch tables. Returns the detectors that got regions. A keyword's detectors are worked out at its first
 * hit: `@` in JSDoc or `-p` in JavaScript trigger nothing (their detectors are for other files), and cost
 * nothing more.
 */
function findRegions(file: string, text: TextSource, settings: SecretSettings, set: CompiledSet): number[] {
  const scan = ++scans;
  const disabled = disabledIds(settings);
  const base = path.posix.basename(file);
  const kind = kindOfBaseName(base);
  const lockfile = isLockfile(file);
  const scratch = set.scratch;
  const { applies, regions, keywordEnds, nextLiteral, triggered } = scratch;
  const detectorApplies = (index: number): boolean => {
    if (applies[index] === 0) {
      const compiled = set.detectors[index]!;
      const { detector } = compiled;
      const ok =
        !disabled.has(detector.id) &&
        !(lockfile && detector.generic) &&
        (!detector.fileKinds || detector.fileKinds.includes(kind)) &&
        (!detector.fileNames || compiled.namesFile(base));
      applies[index] = ok ? 1 : 2;
      scratch.usedDetector(index);
    }
    return applies[index] === 1;
  };

  const touched: number[] = [];
  const keywords = set.prefilter.keywords;
  // The line of the last hit that needed one, looked for only then: most hits add no region.
  let lineStart = -1;
  let lineEnd = -1;
  const findLine = (at: number) => {
    if (at >= lineStart && at <= lineEnd) return;
    lineStart = lineStartOf(text, at);
    lineEnd = lineEndOf(text, at);
  };
  const hits = set.prefilter.scan(text, MAX_HITS_PER_FILE);
  for (let h = 0; h < hits.count; h++) {
    const keyword = hits.keywords[h]!;
    let detectors = triggered[keyword];
    if (!detectors) {
      detectors = set.byKeyword[keyword]!.filter(detectorApplies);
      triggered[keyword] = detectors;
      scratch.usedKeyword(keyword);
    }
    if (!detectors.length) continue;
    const hitStart = hits.starts[h]!;
    // Indexed loops here and below: for-of's iterator checks deoptimized scanText hundreds of times per pass
    // in worker threads (arrays of different element kinds reach the same loop).
    for (let d = 0; d < detectors.length; d++) {
      const index = detectors[d]!;
      const compiled = set.detectors[index]!;
      const { detector } = compiled;
      if (detector.alsoContains !== undefined) {
        let next = nextLiteral[index];
        if (next === undefined || (next !== -1 && next < hitStart)) {
          next = text.indexOf(detector.alsoContains, hitStart);
          nextLiteral[index] = next;
          scratch.usedDetector(index);
        }
        if (next === -1) continue;
        findLine(hitStart);
        if (next > Math.min(lineEnd, hitStart + (detector.maxMatchChars ?? WINDOW_CHARS))) continue;
      }
      const keywordEnd = hitStart + keywords[keyword]!.length;
      const then = compiled.keywordThen;
      if (then) {
        if (then.scan !== scan || then.at !== keywordEnd) {
          then.found = testKeywordThen(then, text, keywordEnd);
          then.scan = scan;
          then.at = keywordEnd;
        }
        if (!then.found) continue;
      }
      if (detector.keywordWithin !== undefined) {
        const ends = keywordEnds[index] ?? [];
        keywordEnds[index] = ends;
        ends.push(keywordEnd);
      }
      let list = regions[index];
      if (!list) {
        list = [];
        regions[index] = list;
        touched.push(index);
        scratch.usedDetector(index);
      }
      findLine(hitStart);
      const last = list.at(-1);
      // Common case: another keyword on a line this detector already covers to its end.
      if (!compiled.perRegion && last && last.start <= hitStart && last.end === lineEnd) continue;
      const region = regionFor(text, detector, hitStart, lineStart, lineEnd);
      if (last && region.start <= last.end) {
        // A longer keyword ending later may start earlier (keywords come in order of their ends).
        last.start = Math.min(last.start, region.start);
        last.end = Math.max(last.end, region.end);
      } else list.push(region);
    }
  }
  return touched;
}

/** Step 2: a triggered detector's pattern runs on its regions only; what it accepts goes into `found`. */
function matchRegions(
  compiled: CompiledDetector,
  scratch: ScanScratch,
  file: string,
  text: TextSource,
  settings: SecretSettings,
  found: SecretMatch[],
): void {
  const group = compiled.detector.secretGroup;
  const within = compiled.detector.keywordWithin;
  const keywordEnds = scratch.keywordEnds[compiled.index];
  const seen = new Set<number>();
  const { pattern, rejectMatch } = compiled.patterns;
  const batchList = batches(text, compiled, scratch.regions[compiled.index]!);
  for (let b = 0; b < batchList.length; b++) {
    const batch = batchList[b]!;
    const matches = pattern.matchAll(batch.text);
    for (let m = 0; m < matches.length; m++) {
      const match = matches[m]!;
      // Without a secretGroup, the first capture group that took part (alternatives may each capture).
      const span = group === undefined ? firstGroup(match.groups) : match.groups[group - 1];
      if (!span || span[1] <= span[0]) continue;
      const start = batch.toText(match.start, match.end, span[0]);
      if (start === undefined || seen.has(start)) continue;
      if (within !== undefined && !keywordBefore(text, keywordEnds!, start - (span[0] - match.start), within))
        continue;
      seen.add(start);
      const value = batch.text.slice(span[0], span[1]);
      if (rejectMatch?.test(batch.text.slice(match.start, match.end))) continue;
      if (accepts(compiled, value, start, file, text, settings)) {
        found.push({ detector: compiled.detector, value, start, end: start + value.length });
      }
    }
  }
}

/** Whether keywordThen matches at a keyword's end: in a string there, in a large text on a window of it. */
function testKeywordThen(then: KeywordThen, text: TextSource, keywordEnd: number): boolean {
  if (typeof text === 'string') {
    then.regex.lastIndex = keywordEnd;
    return then.regex.test(text);
  }
  then.regex.lastIndex = 0;
  return then.regex.test(text.slice(keywordEnd, keywordEnd + then.reach));
}

/** The first capture group that took part in a match. */
function firstGroup(groups: RegexMatch['groups']): readonly [number, number] | undefined {
  for (let g = 0; g < groups.length; g++) if (groups[g] !== undefined) return groups[g];
  return undefined;
}

const disabledSets = new WeakMap<SecretSettings, Set<string>>();

/** The ids of the detectors the settings turn off, worked out once per settings object. */
function disabledIds(settings: SecretSettings): Set<string> {
  let ids = disabledSets.get(settings);
  if (!ids) {
    ids = new Set(settings.disable);
    disabledSets.set(settings, ids);
  }
  return ids;
}

/** Where the line holding offset `at` starts. */
function lineStartOf(text: TextSource, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1;
}

/** Where the line holding offset `at` ends (its newline, or the end of the text). */
function lineEndOf(text: TextSource, at: number): number {
  const next = text.indexOf('\n', at);
  return next === -1 ? text.length : next;
}

/** True when one of `ends` (ascending) lies at most `within` characters before `at`, on its line. */
function keywordBefore(text: TextSource, ends: number[], at: number, within: number): boolean {
  let low = 0;
  let high = ends.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (ends[mid]! <= at) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  if (found < 0 || at - ends[found]! > within) return false;
  for (let i = ends[found]!; i < at; i++) if (text.charCodeAt(i) === 10) return false;
  return true;
}

/** Markers that allow a secret on their line: ours, and detect-secrets' and gitleaks' for migration. */
const ALLOW_ON_LINE = /palisade:allow|pragma:\s*allowlist secret|gitleaks:allow/;
const ALLOW_NEXT_LINE = /pragma:\s*allowlist nextline secret/;

/** Drops matches on a line marked `palisade:allow` (or the markers of detect-secrets and gitleaks). */
function dropAllowed(text: TextSource, matches: SecretMatch[]): SecretMatch[] {
  // Only the lines of the matches are looked at (testing whole texts first cost 45 ms on node_modules).
  return matches.filter((match) => {
    const lineStart = lineStartOf(text, match.start);
    const line = text.slice(lineStart, lineEndOf(text, match.start));
    if (ALLOW_ON_LINE.test(line)) return false;
    if (lineStart === 0) return true;
    return !ALLOW_NEXT_LINE.test(text.slice(lineStartOf(text, lineStart - 1), lineStart - 1));
  });
}

/**
 * Text that one regex call searches: one region, or several joined by newlines. One class, so the loop that
 * calls toText sees one shape (two had cost deoptimizations in worker threads).
 */
class Batch {
  constructor(
    readonly text: string,
    private readonly regions: Region[],
    /** Where each region starts in `text`. */
    private readonly starts: number[],
  ) {}

  /** Offset in the file of a secret at `secretAt` in the batch, or undefined for a match across regions. */
  toText(matchStart: number, matchEnd: number, secretAt: number): number | undefined {
    const { regions, starts } = this;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= secretAt) low = mid;
      else high = mid - 1;
    }
    const region = regions[low]!;
    const regionEnd = starts[low]! + (region.end - region.start);
    // A match may start or end on a joining newline (a boundary), but not reach into another region.
    if (matchStart < starts[low]! - 1 || matchEnd > regionEnd + 1 || secretAt > regionEnd) return undefined;
    return region.start + (secretAt - starts[low]!);
  }
}

/**
 * Line-local detectors run once per file over their regions joined by newlines (patterns are compiled
 * multi-line, so ^ and $ still mean line start and end), instead of once per region: one call into the
 * regex engine instead of thousands. Block detectors (context lines, spans) run per region.
 */
function batches(text: TextSource, compiled: CompiledDetector, regions: Region[]): Batch[] {
  const list: Batch[] = [];
  if (compiled.perRegion || regions.length === 1) {
    for (let r = 0; r < regions.length; r++) {
      const region = regions[r]!;
      list.push(new Batch(text.slice(region.start, region.end), [region], [0]));
    }
    return list;
  }
  const parts: string[] = [];
  const starts: number[] = [];
  let length = 0;
  for (let r = 0; r < regions.length; r++) {
    const region = regions[r]!;
    starts.push(length);
    parts.push(text.slice(region.start, region.end));
    length += region.end - region.start + 1;
  }
  list.push(new Batch(parts.join('\n'), regions, starts));
  return list;
}

function regionFor(
  text: TextSource,
  detector: Detector,
  hit: number,
  lineStart: number,
  lineEnd: number,
): Region {
  if (detector.spanChars) {
    return {
      start: Math.max(lineStart, hit - WINDOW_CHARS),
      end: Math.min(text.length, hit + detector.spanChars),
    };
  }
  if (detector.maxMatchChars) {
    return {
      start: Math.max(lineStart, hit - detector.maxMatchChars),
      end: Math.min(lineEnd, hit + detector.maxMatchChars),
    };
  }
  // The match starts after the keyword, so nothing before it on the line needs searching.
  if (detector.keywordWithin !== undefined) lineStart = hit;
  let start = lineStart;
  let end = lineEnd;
  const contextLines = detector.contextLines ?? 0;
  for (let n = 0; n < contextLines; n++) {
    if (start > 0) start = lineStartOf(text, start - 1);
    if (end < text.length) end = lineEndOf(text, end + 1);
  }
  if (end - start > LONG_LINE_CHARS * (1 + 2 * contextLines)) {
    start = Math.max(start, hit - WINDOW_CHARS);
    end = Math.min(end, hit + WINDOW_CHARS);
  }
  return { start, end };
}

function accepts(
  compiled: CompiledDetector,
  value: string,
  start: number,
  file: string,
  text: TextSource,
  settings: SecretSettings,
): boolean {
  const { detector } = compiled;
  if (compiled.allowValues.has(value)) return false;
  if (compiled.patterns.allowPatterns.some((p) => p.test(value))) return false;
  const minimum =
    detector.generic === 'entropy-base64'
      ? settings.entropy.base64
      : detector.generic === 'entropy-hex'
        ? settings.entropy.hex
        : detector.minEntropy;
  if (minimum !== undefined && shannonEntropy(value) < minimum) return false;
  for (const validator of detector.validators ?? []) if (!validate(validator, value)) return false;
  if (detector.filters?.length) {
    const lineStart = lineStartOf(text, start);
    const lineEnd = lineEndOf(text, start);
    const context: FilterContext = {
      value,
      line: text.slice(Math.max(lineStart, start - WINDOW_CHARS), Math.min(lineEnd, start + WINDOW_CHARS)),
      before: text.slice(Math.max(lineStart, start - 200), start),
      file,
    };
    if (rejectedBy(detector.filters, context)) return false;
  }
  return true;
}

const GENERIC_RANK: Record<NonNullable<Detector['generic']>, number> = {
  keyword: 1,
  'entropy-base64': 2,
  'entropy-hex': 3,
};

/**
 * A value found by a specific detector is not reported again by a generic one, and of the generic
 * detectors that found the same value only the first (keyword, then base64, then hex) reports it.
 */
function resolveOverlaps(found: SecretMatch[]): SecretMatch[] {
  if (found.length < 2) return found;
  const rank = (m: SecretMatch) => (m.detector.generic ? GENERIC_RANK[m.detector.generic] : 0);
  const ordered = [...found].sort((a, b) => rank(a) - rank(b) || a.start - b.start);
  const overlap = (a: SecretMatch, b: SecretMatch) => a.start < b.end && b.start < a.end;
  const kept: SecretMatch[] = [];
  for (const match of ordered) {
    const replaced = found.some(
      (other) =>
        other !== match && other.detector.supersedes?.includes(match.detector.id) && overlap(match, other),
    );
    if (replaced) continue;
    if (match.detector.generic && kept.some((k) => overlap(match, k))) continue;
    kept.push(match);
  }
  return kept.sort((a, b) => a.start - b.start || (a.detector.id < b.detector.id ? -1 : 1));
}

interface MemoEntry {
  settings: SecretSettings;
  set: CompiledSet;
  byDetector: Map<string, SecretMatch[]>;
}

const memo = new WeakMap<object, MemoEntry>();

/**
 * The matches of every registered detector in a file, grouped by detector id. Memoised per file object, so
 * the secret rules of one scan share one pass over each file.
 */
export function secretsIn(
  file: { path: string; text: string },
  settings: SecretSettings = DEFAULT_SECRET_SETTINGS,
): Map<string, SecretMatch[]> {
  const cached = memo.get(file);
  if (cached && cached.settings === settings && cached.set === currentSet()) return cached.byDetector;
  return rememberSecrets(file, scanText(file.path, file.text, settings), settings);
}

/**
 * Keeps what scanText found in a file's text (with these settings) as the file's secrets for secretsIn: for
 * a text searched before its file object was made (a large one, as CodeUnits), so it is not searched again.
 */
export function rememberSecrets(
  file: object,
  matches: SecretMatch[],
  settings: SecretSettings = DEFAULT_SECRET_SETTINGS,
): Map<string, SecretMatch[]> {
  const byDetector = new Map<string, SecretMatch[]>();
  for (const match of matches) {
    let list = byDetector.get(match.detector.id);
    if (!list) {
      list = [];
      byDetector.set(match.detector.id, list);
    }
    list.push(match);
  }
  memo.set(file, { settings, set: currentSet(), byDetector });
  return byDetector;
}
