import { createRequire } from 'node:module';
import { RE2JS } from 're2js';

/**
 * One small interface over two linear-time regex engines with RE2 syntax:
 * - `re2`, the native binding (fastest; needs a compiled addon, pinned to 1.24.1 which builds on Node 20);
 * - `re2js`, a pure JavaScript port, for bundled surfaces (GitHub Action, Azure DevOps task) that cannot
 *   compile native code.
 * Neither backtracks, so no pattern can be driven into catastrophic time by a hostile file.
 */
export type RegexEngineName = 're2' | 're2js';

export interface RegexMatch {
  /** Offset of the whole match in the searched text. */
  start: number;
  end: number;
  /** [start, end) of each capture group, or undefined when the group did not take part. */
  groups: Array<readonly [number, number] | undefined>;
}

export interface CompiledPattern {
  readonly source: string;
  /** Every non-overlapping match in `text`, left to right. */
  matchAll(text: string): RegexMatch[];
  /** Whether the pattern matches anywhere in `text` (no match objects). */
  test(text: string): boolean;
}

export interface RegexEngine {
  readonly name: RegexEngineName;
  /**
   * Compiles an RE2 pattern, multi-line (`^` and `$` match at line breaks); `ignoreCase` folds case.
   * Throws on invalid syntax.
   */
  compile(source: string, options?: { ignoreCase?: boolean }): CompiledPattern;
}

interface Re2Instance {
  lastIndex: number;
  exec(text: string): (RegExpExecArray & { indices?: Array<[number, number] | undefined> }) | null;
  test(text: string): boolean;
}
type Re2Constructor = new (source: string, flags: string) => Re2Instance;

/** Upper bound on matches per call: a minified file must not produce millions of candidates. */
const MAX_MATCHES_PER_CALL = 10_000;

function re2Engine(RE2: Re2Constructor): RegexEngine {
  return {
    name: 're2',
    compile(source, options = {}) {
      const regex = new RE2(source, options.ignoreCase ? 'gdimu' : 'gdmu');
      return {
        source,
        matchAll(text) {
          const matches: RegexMatch[] = [];
          regex.lastIndex = 0;
          for (let m = regex.exec(text); m; m = regex.exec(text)) {
            const indices = m.indices ?? [];
            const whole = indices[0] ?? [m.index, m.index + m[0].length];
            // Pushed one by one, as re2js's are: an array from map() has one elements kind where map runs
            // in the interpreter and another where V8 inlines it, and code reading both bailed out.
            const groups: RegexMatch['groups'] = [];
            for (let g = 1; g < indices.length; g++) {
              const span = indices[g];
              groups.push(span ? [span[0], span[1]] : undefined);
            }
            matches.push({ start: whole[0], end: whole[1], groups });
            if (m[0].length === 0) regex.lastIndex++;
            if (matches.length >= MAX_MATCHES_PER_CALL) break;
          }
          return matches;
        },
        test(text) {
          regex.lastIndex = 0;
          return regex.test(text);
        },
      };
    },
  };
}

const re2jsEngine: RegexEngine = {
  name: 're2js',
  compile(source, options = {}) {
    const flags = RE2JS.MULTILINE | (options.ignoreCase ? RE2JS.CASE_INSENSITIVE : 0);
    const regex = RE2JS.compile(source, flags);
    const groupCount = regex.groupCount();
    return {
      source,
      matchAll(text) {
        const matches: RegexMatch[] = [];
        const matcher = regex.matcher(text);
        while (matcher.find()) {
          const groups: RegexMatch['groups'] = [];
          for (let g = 1; g <= groupCount; g++) {
            const start = matcher.start(g);
            groups.push(start < 0 ? undefined : [start, matcher.end(g)]);
          }
          matches.push({ start: matcher.start(), end: matcher.end(), groups });
          if (matches.length >= MAX_MATCHES_PER_CALL) break;
        }
        return matches;
      },
      test(text) {
        return regex.matcher(text).find();
      },
    };
  },
};

let nativeLoad: { engine?: RegexEngine; error?: string } | undefined;

/** The native engine, or why it cannot load (no compiled addon on this machine). */
function loadNative(): { engine?: RegexEngine; error?: string } {
  if (!nativeLoad) {
    try {
      const require = createRequire(import.meta.url);
      nativeLoad = { engine: re2Engine(require('re2') as Re2Constructor) };
    } catch (error) {
      nativeLoad = { error: (error as Error).message };
    }
  }
  return nativeLoad;
}

/** True when the native `re2` addon loads here. */
export function nativeRegexAvailable(): boolean {
  return loadNative().engine !== undefined;
}

/**
 * The engine by name, or the default: PALISADE_REGEX_ENGINE when set, else native when it loads, else
 * re2js. Asking for `re2` where it cannot load is an error, not a silent fallback.
 */
export function regexEngine(name?: RegexEngineName): RegexEngine {
  const wanted = name ?? parseEngineName(process.env.PALISADE_REGEX_ENGINE);
  if (wanted === 're2js') return re2jsEngine;
  const native = loadNative();
  if (native.engine) return native.engine;
  if (wanted === 're2')
    throw new Error(`PALISADE_REGEX_ENGINE=re2 but the re2 addon cannot load: ${native.error}`);
  return re2jsEngine;
}

function parseEngineName(value: string | undefined): RegexEngineName | undefined {
  if (value === undefined || value === '') return undefined;
  if (value === 're2' || value === 're2js') return value;
  throw new Error(`PALISADE_REGEX_ENGINE must be re2 or re2js, not "${value}"`);
}
