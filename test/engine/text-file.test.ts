import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readTextFile } from '../../scanners/core/text-file.js';

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
