/**
 * A text held as its UTF-16 code units in memory that the reader reuses, instead of as a string.
 *
 * V8 gives every string over 128 KiB (its largest regular object) a memory mapping of its own, which the
 * kernel fills page by page on first touch and which is unmapped again at the next collection. On the VMs
 * this was measured on a page fault costs about 16 µs, so building the strings of node_modules' large files
 * took 0.4-0.7 s of a 1.5-2.2 s secret scan. A large file that is only searched for secrets is read into a
 * reused buffer and searched there; strings are built only for the parts that are looked at (regions around
 * keywords, candidates, their lines).
 *
 * The methods behave as String.prototype's do for the arguments the scanners pass, so code written for
 * strings runs unchanged on either (see `TextSource`). The units are valid until the reader's next call.
 */
export class CodeUnits {
  readonly length: number;
  /** The same memory as bytes, made once: a Buffer per call had cost 0.1 s per worker while the JIT warmed. */
  private readonly bytes: Buffer;
  private readonly encoding: 'latin1' | 'utf16le';
  private readonly unitBytes: number;

  /** `units` holds Latin-1 (here: ASCII) bytes or UTF-16 code units. */
  constructor(readonly units: Uint8Array | Uint16Array) {
    this.length = units.length;
    this.bytes = Buffer.from(units.buffer, units.byteOffset, units.byteLength);
    this.encoding = units instanceof Uint8Array ? 'latin1' : 'utf16le';
    this.unitBytes = units.BYTES_PER_ELEMENT;
  }

  charCodeAt(index: number): number {
    return index >= 0 && index < this.length ? this.units[index]! : Number.NaN;
  }

  /** As String.prototype.slice, for non-negative start and end. */
  slice(start: number, end = this.length): string {
    const from = Math.max(0, Math.min(start, this.length));
    const to = Math.max(from, Math.min(end, this.length));
    return this.bytes.toString(this.encoding, from * this.unitBytes, to * this.unitBytes);
  }

  /**
   * As String.prototype.indexOf. Searched with Buffer's indexOf, which node runs with memchr: 3 times faster
   * than a typed array's indexOf, which had cost 60 ms per pass over node_modules (newlines, `@`).
   */
  indexOf(search: string, position = 0): number {
    const from = Math.max(0, Math.min(position, this.length));
    if (!search) return from;
    if (this.unitBytes === 1 && !isLatin1(search)) return -1;
    const at = this.bytes.indexOf(search, from * this.unitBytes, this.encoding);
    return at === -1 ? -1 : at / this.unitBytes;
  }

  /** As String.prototype.lastIndexOf, searched as indexOf is. */
  lastIndexOf(search: string, position = Number.POSITIVE_INFINITY): number {
    if (this.length < search.length) return -1;
    const from = Math.max(
      0,
      Math.min(Number.isNaN(position) ? this.length : position, this.length - search.length),
    );
    if (!search) return from;
    if (this.unitBytes === 1 && !isLatin1(search)) return -1;
    const at = this.bytes.lastIndexOf(search, from * this.unitBytes, this.encoding);
    return at === -1 ? -1 : at / this.unitBytes;
  }

  toString(): string {
    return this.slice(0, this.length);
  }
}

function isLatin1(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0xff) return false;
  return true;
}

/** What the scanners read of a text: a string, or a large file's code units. */
export type TextSource = string | CodeUnits;
