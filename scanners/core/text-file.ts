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
 * 128 KiB a string gets a memory mapping of its own (see code-units.ts); a little below, strings still cost
 * about a microsecond per 10 KB.
 */
export const LARGE_TEXT_BYTES = 64 * 1024;

/**
 * Files are read into one buffer that grows to the largest file, then decoded: a fresh buffer per file
 * (readFileSync) cost 0.64 s against 0.28 s on the 22,000 files of node_modules.
 */
let scratch = Buffer.allocUnsafe(64 * 1024);

/**
 * A file's text, or that it is binary (a NUL in its first 8,000 bytes). Most source files are ASCII, and an
 * ASCII file decodes as Latin-1 to the same string about three times faster than through the UTF-8
 * decoder (0.22 s against 0.79 s on node_modules). Throws what the file system throws.
 */
export function readTextFile(file: string): TextFile {
  const read = readTextSource(file);
  return read.binary || typeof read.text === 'string'
    ? (read as TextFile)
    : { ...read, text: read.text.toString() };
}

/**
 * As readTextFile, but a large text (over LARGE_TEXT_BYTES as a string) comes as CodeUnits in memory that
 * the next call reuses: for callers that look at most of it only through TextSource's methods.
 */
export function readTextSource(file: string): TextFile<TextSource> {
  const fd = openSync(file, 'r');
  let length = 0;
  try {
    const size = fstatSync(fd).size;
    if (scratch.length < size) scratch = Buffer.allocUnsafe(size);
    // Reads may return less than asked; a file that changes while it is read is read as far as fstat said.
    while (length < size) {
      const read = readSync(fd, scratch, length, size - length, null);
      if (read === 0) break;
      length += read;
    }
  } finally {
    closeSync(fd);
  }
  return decodeText(scratch.subarray(0, length));
}

/** The text of a file's bytes; a large one as CodeUnits, in `bytes` or in the decoder's memory. */
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

/** The code units of decodeUtf8's string, in the decoder's memory: valid until its next call. */
function decodeUtf8Units(bytes: Uint8Array): Uint16Array | undefined {
  decoder ??= instantiateWasm<Utf8Decoder>(UTF8_WASM);
  const { memory, decode } = decoder;
  // The bytes, then their code units (at most one per byte) from the next 16-byte boundary, plus a vector's
  // worth of room for the last store.
  const dst = (bytes.length + 31) & ~15;
  reserveMemory(memory, dst + bytes.length * 2 + 32);
  new Uint8Array(memory.buffer, 0, bytes.length).set(bytes);
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
