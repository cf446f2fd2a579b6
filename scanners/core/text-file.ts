import { isAscii } from 'node:buffer';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { CodeUnits, type TextSource } from './code-units.js';
import { UTF8_WASM } from './utf8-wasm.js';
import { instantiateWasm, reserveMemory } from './wasm.js';

/** Bytes looked at for a NUL to call a file binary, as git does. */
const BINARY_SNIFF_BYTES = 8000;
const utf8 = new TextDecoder('utf-8', { fatal: true });
const lossyUtf8 = new TextDecoder('utf-8');

export type TextFile<Text extends TextSource = string> =
  | { binary: true; bytes: number }
  | {
      binary: false;
      text: Text;
      bytes: number;
      /** The first line that is not valid UTF-8 (its invalid bytes were read as U+FFFD). */
      invalidLine?: number;
    };

/**
 * Texts whose string would take more than this in V8's heap are given as CodeUnits by readTextSource: past
 * 128 KiB a string gets a memory mapping of its own (see code-units.ts), while building a smaller one costs
 * about 3 µs per 10 KB.
 */
export const LARGE_TEXT_BYTES = 64 * 1024;

/**
 * A file's text, or that it is binary (a NUL in its first 8,000 bytes). Most source files are ASCII, and an
 * ASCII file decodes as Latin-1 to the same string about three times faster than through the UTF-8
 * decoder (0.22 s against 0.79 s on node_modules). Throws what the file system throws.
 */
export function readTextFile(file: string, size?: number): TextFile {
  const read = readTextSource(file, size);
  return read.binary || typeof read.text === 'string'
    ? (read as TextFile)
    : { ...read, text: read.text.toString() };
}

/**
 * As readTextFile, but a large text (over LARGE_TEXT_BYTES as a string) comes as CodeUnits in memory that
 * the next call reuses: for callers that look at most of it only through TextSource's methods.
 *
 * `size`, when the caller has just looked it up (the inventory has), saves an fstat per file: a tenth of
 * the system calls, which cost about 15 µs each on the VMs this was measured on. A file that changes while
 * it is read is read as far as that size (or fstat) said.
 */
export function readTextSource(file: string, size?: number): TextFile<TextSource> {
  const fd = openSync(file, 'r');
  let bytes: Buffer;
  let length = 0;
  try {
    const expected = size ?? fstatSync(fd).size;
    bytes = readBuffer(expected);
    // Reads may return less than asked.
    while (length < expected) {
      const read = readSync(fd, bytes, length, expected - length, null);
      if (read === 0) break;
      length += read;
    }
  } finally {
    closeSync(fd);
  }
  return decodeText(bytes.subarray(0, length));
}

/** The text of a file's bytes (in the decoder's memory); a large one as CodeUnits there. */
function decodeText(bytes: Buffer): TextFile<TextSource> {
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return { binary: true, bytes: bytes.length };
  if (isAscii(bytes)) {
    const text = bytes.length > LARGE_TEXT_BYTES ? new CodeUnits(bytes) : bytes.toString('latin1');
    return { binary: false, text, bytes: bytes.length };
  }
  const units = decodeUtf8Units(bytes);
  if (units !== undefined) {
    const text = units.length * 2 > LARGE_TEXT_BYTES ? new CodeUnits(units) : new CodeUnits(units).toString();
    return { binary: false, text, bytes: bytes.length };
  }
  return {
    binary: false,
    text: lossyUtf8.decode(bytes),
    bytes: bytes.length,
    invalidLine: firstInvalidLine(bytes),
  };
}

interface Utf8Decoder {
  memory: WebAssembly.Memory;
  decode(src: number, length: number, dst: number): number;
}

let decoder: Utf8Decoder | undefined;

/**
 * UTF-8 bytes as a string, as TextDecoder with `fatal` reads them (a leading byte order mark dropped), or
 * undefined if they are not valid UTF-8. Decoded by utf8.wat: 0.33 s through TextDecoder on the 89 MB of
 * non-ASCII files in node_modules, against 0.13-0.18 s, most of it building the strings.
 */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  const units = decodeUtf8Units(bytes);
  return units === undefined ? undefined : new CodeUnits(units).toString();
}

/**
 * Files are read into the decoder's memory, from offset 0, and decoded there: one buffer that grows to the
 * largest file and is never given back, so its pages are faulted in once (a fresh buffer per file,
 * readFileSync, cost 0.64 s against 0.28 s on the 22,000 files of node_modules; a separate read buffer
 * another 14 MB of page faults per thread there).
 */
function readBuffer(length: number): Buffer {
  const { memory } = utf8Decoder();
  reserveMemory(memory, unitsAt(length) + length * 2 + 32);
  return Buffer.from(memory.buffer, 0, length);
}

function utf8Decoder(): Utf8Decoder {
  decoder ??= instantiateWasm<Utf8Decoder>(UTF8_WASM);
  return decoder;
}

/**
 * Where the code units of `length` bytes at offset 0 go: from the next 16-byte boundary, with room for at
 * most one unit per byte plus a vector's worth for the last store.
 */
function unitsAt(length: number): number {
  return (length + 31) & ~15;
}

/** The code units of decodeUtf8's string, in the decoder's memory: valid until its next call. */
function decodeUtf8Units(bytes: Uint8Array): Uint16Array | undefined {
  const { memory, decode } = utf8Decoder();
  if (bytes.buffer !== memory.buffer || bytes.byteOffset !== 0) readBuffer(bytes.length).set(bytes);
  const dst = unitsAt(bytes.length);
  const units = decode(0, bytes.length, dst);
  return units < 0 ? undefined : new Uint16Array(memory.buffer, dst, units);
}

function firstInvalidLine(bytes: Buffer): number {
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 10) {
      try {
        utf8.decode(bytes.subarray(start, i));
      } catch {
        return line;
      }
      line++;
      start = i + 1;
    }
  }
  return 1;
}
