import type { TextSource } from '../core/code-units.js';
import { instantiateWasm, reserveMemory } from '../core/wasm.js';
import { PREFILTER_WASM } from './prefilter-wasm.js';

/**
 * The keyword prefilter: an Aho-Corasick automaton over ASCII-lowercased UTF-16 code units. One pass over a
 * file finds every keyword occurrence; only detectors whose keywords occur run, and only near the hits.
 *
 * The automaton is built here and run by a small WebAssembly loop (prefilter.wat): a dense transition
 * table, one read per character, with the code units that no keyword tells apart sharing a column so the
 * table stays in the CPU's cache; long texts are scanned as four parts at once. Measured on 231 MB of
 * node_modules: 0.38-0.7 s (the VM varies by the minute), against 1.0-1.3 s for the same automaton in
 * JavaScript; with fewer values live in the loops, 1.2-1.9 ns per character (0.28-0.44 s). modern-ahocorasick
 * (installed) matches grapheme clusters through Intl.Segmenter: 31 MB/s.
 */

/** Keyword occurrences, in order of their end offsets. The arrays are reused by the next scan. */
export interface KeywordHits {
  count: number;
  /** Index of each hit's keyword in the list given to the constructor. */
  keywords: Int32Array;
  /** Offset of each hit's first character. */
  starts: Int32Array;
}

const ASCII = 128;
/** The column map covers every UTF-16 code unit, so the scan loops need no test for non-ASCII ones. */
const CODE_UNITS = 65_536;

interface PrefilterExports {
  memory: WebAssembly.Memory;
  scan(text: number, textEnd: number, root: number, lane: number): void;
  scanQuad(p: number, stride: number, steps: number, root: number, lanes: number, text: number): void;
}

interface MemoryViews {
  buffer: ArrayBuffer;
  bytes: Buffer;
  units: Uint16Array;
  ints: Int32Array;
}

/** Texts shorter than this are scanned in one piece; longer ones as four parts at once. */
const QUAD_MIN_CHARS = 1024;
const LANES = 4;
/** The lanes' records, after the column map: where each lane's next hit goes and where its area ends. */
const LANES_AT = CODE_UNITS * 2;
/** Where the transition table starts, after the lanes' records. */
const TABLE_AT = LANES_AT + LANES * 8;
/** Bytes per hit in the output areas: row, index. */
const HIT_BYTES = 8;
/** Code units read past a text's end by the last lane (at most LANES - 1), zeroed. */
const TAIL_CHARS = 4;

export class KeywordPrefilter {
  private readonly lengths: number[];
  /** For each state, the keywords that end there (own and through failure links). */
  private readonly outputs: number[][];
  /** Bytes per table row: the number of columns times 4. */
  private readonly rowBytes: number;
  /** Lanes 1-3 start this many code units before their part, so no keyword straddles a cut. */
  private readonly overlap: number;
  private readonly wasm: PrefilterExports;
  /** The output areas (one per lane) and the text follow the table; they grow with the limit. */
  private readonly outAt: number;
  private laneBytes = 0;
  private textAt = 0;
  private capacity = -1;
  private hits: KeywordHits = { count: 0, keywords: new Int32Array(0), starts: new Int32Array(0) };
  private memoryViews?: MemoryViews;

  constructor(readonly keywords: readonly string[]) {
    this.lengths = keywords.map((k) => k.length);
    this.overlap = Math.max(1, ...this.lengths) - 1;
    const { columnOf, rowBytes, table, outputs } = buildAutomaton(keywords, TABLE_AT);
    this.outputs = outputs;
    this.rowBytes = rowBytes;
    this.wasm = instantiateWasm<PrefilterExports>(PREFILTER_WASM);
    this.outAt = TABLE_AT + table.byteLength;
    this.reserve(0, 0);
    // Every code unit past ASCII is in column 0, with those that no keyword holds.
    const columnBytes = new Uint16Array(this.wasm.memory.buffer, 0, CODE_UNITS);
    for (let code = 0; code < ASCII; code++) columnBytes[code] = columnOf[code]! * 4;
    new Int32Array(this.wasm.memory.buffer, TABLE_AT, table.length).set(table);
  }

  /**
   * Every keyword occurrence in `text` (case-insensitive), in order of their end offsets, up to `limit`.
   * The result is overwritten by the next call.
   */
  scan(text: TextSource, limit = 200_000): KeywordHits {
    this.reserve(limit, text.length);
    const { scan, scanQuad } = this.wasm;
    const { textAt, outAt, laneBytes } = this;
    const { bytes, units, ints } = this.views();
    if (typeof text === 'string') bytes.write(text, textAt, 'utf16le');
    else units.set(text.units, textAt >> 1);
    const textEnd = textAt + text.length * 2;
    const records = LANES_AT >> 2;
    this.hits.count = 0;
    const part = Math.ceil(text.length / LANES);
    if (text.length < QUAD_MIN_CHARS || part <= this.overlap) {
      ints[records] = outAt;
      ints[records + 1] = outAt + limit * HIT_BYTES;
      scan(textAt, textEnd, TABLE_AT, LANES_AT);
      this.collect(outAt, ints[records]!, 0, text.length, limit);
      return this.hits;
    }
    // Lane k owns the hits that end in [k * part, (k + 1) * part). Lanes 1-3 start `overlap` code units
    // early, so they see every keyword that ends in their part; every lane runs part + overlap steps, and the
    // hits it finds past its part are the next lane's (or, for the last, past the text: it reads up to three
    // zeroed code units beyond it).
    units.fill(0, textEnd >> 1, (textEnd >> 1) + TAIL_CHARS);
    for (let lane = 0; lane < LANES; lane++) {
      ints[records + lane * 2] = outAt + lane * laneBytes;
      ints[records + lane * 2 + 1] = outAt + (lane + 1) * laneBytes;
    }
    // Every lane starts `overlap` code units before its part; lane 0's are the zeros before the text.
    scanQuad(textAt - this.overlap * 2, part * 2, part + this.overlap, TABLE_AT, LANES_AT, textAt);
    // A lane whose area filled up missed hits, but it holds at least `limit` of its own: the list ends there.
    for (let lane = 0; lane < LANES && this.hits.count < limit; lane++) {
      const end = Math.min(text.length, (lane + 1) * part);
      this.collect(outAt + lane * laneBytes, ints[records + lane * 2]!, lane * part, end, limit);
    }
    return this.hits;
  }

  /**
   * Views of the WebAssembly memory, made again only after it grows: making them on every call made scan
   * large enough to cost V8 25 ms to optimize, in every thread.
   */
  private views(): MemoryViews {
    const { buffer } = this.wasm.memory;
    if (this.memoryViews?.buffer !== buffer)
      this.memoryViews = {
        buffer,
        bytes: Buffer.from(buffer),
        units: new Uint16Array(buffer),
        ints: new Int32Array(buffer),
      };
    return this.memoryViews;
  }

  /** Appends the keywords of the hits in [from, to) whose last code unit is in [minimum, maximum). */
  private collect(from: number, to: number, minimum: number, maximum: number, limit: number): void {
    const { ints } = this.views();
    const { keywords, starts } = this.hits;
    let count = this.hits.count;
    for (let hit = from >> 2; hit < to >> 2 && count < limit; hit += 2) {
      const last = ints[hit + 1]!;
      if (last < minimum || last >= maximum) continue;
      const ending = this.outputs[(ints[hit]! - TABLE_AT) / this.rowBytes]!;
      for (let k = 0; k < ending.length && count < limit; k++) {
        const keyword = ending[k]!;
        keywords[count] = keyword;
        starts[count] = last + 1 - this.lengths[keyword]!;
        count++;
      }
    }
    this.hits.count = count;
  }

  /** Room for `limit` hits and a text of `chars` code units. */
  private reserve(limit: number, chars: number): void {
    const grown = limit > this.capacity;
    if (grown) {
      this.capacity = limit;
      this.hits = { count: 0, keywords: new Int32Array(limit), starts: new Int32Array(limit) };
      // A lane's area also holds up to `overlap` hits of the lane before and of the lane after (one record per
      // position; a record may stand for several keywords), so a full one holds at least `limit` of its own.
      this.laneBytes = (limit + 2 * this.overlap) * HIT_BYTES;
      // The text follows `overlap` zeroed code units, which lane 0 starts on: a zero is in no keyword, so the
      // automaton is in its first row when the text begins.
      this.textAt = this.outAt + LANES * this.laneBytes + this.overlap * 2;
    }
    reserveMemory(this.wasm.memory, this.textAt + (chars + TAIL_CHARS) * 2);
    // An earlier, smaller layout may have put text there.
    if (grown) this.views().units.fill(0, (this.textAt >> 1) - this.overlap, this.textAt >> 1);
  }
}

/**
 * The Aho-Corasick automaton over ASCII, lower-case, on columns: each code unit that occurs in a keyword has
 * a column of its own (an upper-case letter shares its lower-case one's), and every other code unit, NUL and
 * non-ASCII ones included, shares column 0, on which no keyword goes on. Two code units in different columns
 * always lead apart somewhere (at the state before a keyword's use of one of them), so no two columns agree
 * in every state: about 50 columns instead of 128, which keeps the table's rows in the processor's cache.
 * Built straight on columns, the tables are 2.6 times smaller than on code units, and so is the time to
 * build them (30 ms per thread before).
 *
 * Returns the table the scan loops read, to be placed at `tableAt`: for each state (a row of `columns`
 * entries) and column, the address of the next state's row (goto with failure links folded in), or
 * -(address) - 1 where a keyword ends in the next state; and the keywords that end in each state. It runs once per thread, before V8 has
 * optimized it, so it works in preallocated typed arrays (growing an array by one entry at a time had cost
 * 20 ms of it).
 */
function buildAutomaton(
  keywords: readonly string[],
  tableAt: number,
): {
  columnOf: Uint8Array;
  /** Bytes per table row: the number of columns times 4. */
  rowBytes: number;
  table: Int32Array;
  outputs: number[][];
} {
  let characters = 0;
  const lowered = keywords.map((keyword) => {
    if (!keyword) throw new Error('empty prefilter keyword');
    const lower = keyword.toLowerCase();
    for (let i = 0; i < lower.length; i++) {
      const code = lower.charCodeAt(i);
      if (code === 0 || code >= ASCII) throw new Error(`prefilter keyword must be ASCII: ${keyword}`);
    }
    characters += lower.length;
    return lower;
  });
  const used = new Uint8Array(ASCII);
  for (const keyword of lowered) for (let i = 0; i < keyword.length; i++) used[keyword.charCodeAt(i)] = 1;
  // Columns numbered in the order of their first code unit.
  const columnOf = new Uint8Array(ASCII);
  let columns = 1;
  for (let code = 0; code < ASCII; code++) {
    const lower = code >= 65 && code <= 90 ? code + 32 : code;
    if (!used[lower]) continue;
    if (!columnOf[lower]) columnOf[lower] = columns++;
    columnOf[code] = columnOf[lower]!;
  }
  // The trie: at most one state per keyword character, plus the root.
  const goto = new Int32Array((characters + 1) * columns).fill(-1);
  const outputs: number[][] = [[]];
  lowered.forEach((keyword, index) => {
    let state = 0;
    for (let i = 0; i < keyword.length; i++) {
      const at = state * columns + columnOf[keyword.charCodeAt(i)]!;
      if (goto[at] === -1) {
        goto[at] = outputs.length;
        outputs.push([]);
      }
      state = goto[at]!;
    }
    outputs[state]!.push(index);
  });
  // Breadth-first: failure links, folded into a complete transition table. The queue, the root first, is
  // also the order the states are renumbered in below.
  const states = outputs.length;
  const fail = new Int32Array(states);
  const transitions = new Int32Array(states * columns);
  const queue = new Int32Array(states);
  let queued = 1;
  for (let column = 0; column < columns; column++) {
    const next = goto[column]!;
    transitions[column] = next === -1 ? 0 : next;
    if (next !== -1) queue[queued++] = next;
  }
  for (let head = 1; head < queued; head++) {
    const state = queue[head]!;
    outputs[state]!.push(...outputs[fail[state]!]!);
    const row = state * columns;
    const failRow = fail[state]! * columns;
    for (let column = 0; column < columns; column++) {
      const next = goto[row + column]!;
      if (next === -1) transitions[row + column] = transitions[failRow + column]!;
      else {
        fail[next] = transitions[failRow + column]!;
        transitions[row + column] = next;
        queue[queued++] = next;
      }
    }
  }
  // Renumbered breadth-first (the root, then the states one character deep...): text mostly stays in the
  // shallow states, whose rows then sit together in memory (2-3% less prefilter time, measured interleaved).
  const renumbered = new Int32Array(states);
  for (let index = 0; index < states; index++) renumbered[queue[index]!] = index;
  const rowBytes = columns * 4;
  const table = new Int32Array(transitions.length);
  for (let index = 0; index < states; index++) {
    const from = queue[index]! * columns;
    for (let column = 0; column < columns; column++) {
      const next = transitions[from + column]!;
      const address = tableAt + renumbered[next]! * rowBytes;
      table[index * columns + column] = outputs[next]!.length ? -address - 1 : address;
    }
  }
  return { columnOf, rowBytes, table, outputs: Array.from(queue, (state) => outputs[state]!) };
}
