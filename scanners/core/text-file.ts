import { isAscii } from 'node:buffer';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** Bytes looked at for a NUL to call a file binary, as git does. */
const BINARY_SNIFF_BYTES = 8000;
const utf8 = new TextDecoder('utf-8', { fatal: true });
const lossyUtf8 = new TextDecoder('utf-8');

export type TextFile =
  | { binary: true; bytes: number }
  | {
      binary: false;
      text: string;
      bytes: number;
      /** The first line that is not valid UTF-8 (its invalid bytes were read as U+FFFD). */
      invalidLine?: number;
    };

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

/** The text of a file's bytes. */
function decodeText(bytes: Buffer): TextFile {
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return { binary: true, bytes: bytes.length };
  if (isAscii(bytes)) return { binary: false, text: bytes.toString('latin1'), bytes: bytes.length };
  try {
    return { binary: false, text: utf8.decode(bytes), bytes: bytes.length };
  } catch {
    return {
      binary: false,
      text: lossyUtf8.decode(bytes),
      bytes: bytes.length,
      invalidLine: firstInvalidLine(bytes),
    };
  }
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
