import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CodeUnits } from '../../scanners/core/code-units.js';
import { decodeUtf8, LARGE_TEXT_BYTES, readTextFile, readTextSource } from '../../scanners/core/text-file.js';
import { seededRandom } from '../secrets/tools/samples.js';

const folder = mkdtempSync(path.join(tmpdir(), 'palisade-text-file-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function write(name: string, bytes: Buffer | string): string {
  const file = path.join(folder, name);
  writeFileSync(file, bytes);
  return file;
}

describe('readTextFile', () => {
  it('reads ASCII, UTF-8 and empty files to the same text the UTF-8 decoder gives', () => {
    for (const text of ['plain = "ascii"\n', 'naïve = "café" // 🔑\n', '']) {
      const read = readTextFile(write('text.txt', text));
      expect(read).toEqual({ binary: false, text, bytes: Buffer.byteLength(text) });
    }
  });

  it('reads files larger than any read before, whole', () => {
    const small = readTextFile(write('small.txt', 'a'.repeat(10)));
    expect(small.binary === false && small.text.length).toBe(10);
    const text = `${'x'.repeat(3 * 1024 * 1024)}é\nend`;
    const read = readTextFile(write('large.txt', text));
    expect(read.binary === false && read.text === text).toBe(true);
  });

  it('calls a file with a NUL in its first 8,000 bytes binary', () => {
    expect(readTextFile(write('image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2])))).toEqual({
      binary: true,
      bytes: 7,
    });
    const late = Buffer.concat([Buffer.alloc(8000, 0x61), Buffer.from([0])]);
    expect(readTextFile(write('late-nul.txt', late)).binary).toBe(false);
  });

  it('reads invalid UTF-8 with replacement characters and names the first bad line', () => {
    const bytes = Buffer.concat([
      Buffer.from('one\ntwo\nthr'),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('ee\n'),
    ]);
    expect(readTextFile(write('latin1.txt', bytes))).toEqual({
      binary: false,
      text: 'one\ntwo\nthr\ufffd\ufffdee\n',
      bytes: bytes.length,
      invalidLine: 3,
    });
  });

  it('throws what the file system throws', () => {
    expect(() => readTextFile(path.join(folder, 'missing.txt'))).toThrow(/ENOENT/);
  });
});

describe('readTextSource', () => {
  it('gives a text as CodeUnits past LARGE_TEXT_BYTES as a string, holding the text readTextFile gives', () => {
    const ascii = `${'k = "v"\n'.repeat(LARGE_TEXT_BYTES / 8)}`;
    // One-byte strings: the limit counts bytes. Two-byte strings take two bytes per code unit.
    const cases = [
      { name: 'at-limit.txt', text: ascii, large: false },
      { name: 'past-limit.txt', text: `${ascii}x`, large: true },
      { name: 'utf8-small.txt', text: `é${'a'.repeat(LARGE_TEXT_BYTES / 2 - 2)}`, large: false },
      { name: 'utf8-large.txt', text: `é${'a'.repeat(LARGE_TEXT_BYTES / 2)}🔑`, large: true },
    ];
    for (const { name, text, large } of cases) {
      const file = write(name, text);
      const source = readTextSource(file);
      expect(source.binary, name).toBe(false);
      if (source.binary) continue;
      expect(source.text instanceof CodeUnits, name).toBe(large);
      expect(source.text.toString(), name).toBe(text);
      expect(source.bytes).toBe(Buffer.byteLength(text));
      expect(readTextFile(file)).toEqual({ binary: false, text, bytes: Buffer.byteLength(text) });
    }
  });

  it('reads as far as a given size, which saves looking it up', () => {
    const file = write('sized.txt', 'first line\nsecond line\n');
    expect(readTextSource(file, 10)).toEqual({ binary: false, text: 'first line', bytes: 10 });
    expect(readTextFile(file, 99)).toEqual({ binary: false, text: 'first line\nsecond line\n', bytes: 23 });
  });

  it('gives a large file as a string when it is not valid UTF-8, with its first bad line', () => {
    const bytes = Buffer.concat([Buffer.alloc(LARGE_TEXT_BYTES * 2, 0x61), Buffer.from([0xff, 0x0a])]);
    const source = readTextSource(write('large-latin1.txt', bytes));
    expect(source.binary === false && typeof source.text).toBe('string');
    expect(source.binary === false && source.invalidLine).toBe(1);
  });
});

describe('decodeUtf8', () => {
  const fatal = new TextDecoder('utf-8', { fatal: true });
  const reference = (bytes: Uint8Array): string | undefined => {
    try {
      return fatal.decode(bytes);
    } catch {
      return undefined;
    }
  };

  it('decodes as TextDecoder does, and refuses what it refuses', () => {
    const cases: number[][] = [
      [0xef, 0xbb, 0xbf, 0x61], // byte order mark, dropped
      [0x61, 0xef, 0xbb, 0xbf], // not at the start: kept
      [0xc2, 0x80, 0xdf, 0xbf], // two-byte bounds
      [0xc0, 0x80], // overlong
      [0xc1, 0xbf], // overlong
      [0xe0, 0xa0, 0x80, 0xef, 0xbf, 0xbf], // three-byte bounds
      [0xe0, 0x9f, 0xbf], // overlong
      [0xed, 0x9f, 0xbf], // last before the surrogates
      [0xed, 0xa0, 0x80], // a surrogate
      [0xf0, 0x90, 0x80, 0x80, 0xf4, 0x8f, 0xbf, 0xbf], // four-byte bounds: a surrogate pair each
      [0xf0, 0x8f, 0xbf, 0xbf], // overlong
      [0xf4, 0x90, 0x80, 0x80], // past U+10FFFF
      [0xf5, 0x80, 0x80, 0x80],
      [0x80], // a lone continuation byte
      [0x61, 0xe2, 0x82], // cut short at the end
      [0xe2, 0x82, 0x61],
      [0xf0, 0x9f, 0x94, 0x61],
    ];
    for (const bytes of cases)
      expect(decodeUtf8(Uint8Array.from(bytes))).toBe(reference(Uint8Array.from(bytes)));
    expect(decodeUtf8(Uint8Array.from([0xe2, 0x82, 0xac]))).toBe('€');
    expect(decodeUtf8(new Uint8Array(0))).toBe('');
  });

  it('agrees with TextDecoder on random text, valid or not, around its 16-byte ASCII runs', () => {
    const random = seededRandom(5);
    const pieces = [
      'a',
      'key = "x"\n',
      'x'.repeat(15),
      'y'.repeat(33),
      'é',
      '€',
      '🔑',
      '\ufeff',
      '\u{10ffff}',
    ].map((p) => Buffer.from(p));
    const broken = [
      [0x80],
      [0xc3],
      [0xe2, 0x82],
      [0xf0, 0x9f, 0x94],
      [0xed, 0xa0, 0x80],
      [0xff],
      [0xc0, 0xaf],
    ];
    let invalid = 0;
    for (let round = 0; round < 3000; round++) {
      const parts: Buffer[] = [];
      const count = 1 + Math.floor(random() * 12);
      for (let i = 0; i < count; i++) parts.push(pieces[Math.floor(random() * pieces.length)]!);
      if (random() < 0.3)
        parts.splice(
          Math.floor(random() * parts.length),
          0,
          Buffer.from(broken[Math.floor(random() * broken.length)]!),
        );
      const bytes = Buffer.concat(parts);
      const expected = reference(bytes);
      if (expected === undefined) invalid++;
      expect(decodeUtf8(bytes)).toBe(expected);
    }
    // Both kinds were tried.
    expect(invalid).toBeGreaterThan(300);
    expect(invalid).toBeLessThan(2700);
  });

  it('decodes a text larger than any before', () => {
    const text = `${'é'.repeat(100)}${'a'.repeat(2_000_000)}🔑`;
    expect(decodeUtf8(Buffer.from(text))).toBe(text);
  });
});
