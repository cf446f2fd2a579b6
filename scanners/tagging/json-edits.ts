import { type Node as JsonNode, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import { FileError } from '../core/errors.js';
import { LineIndex } from '../core/source.js';
import { indentOf, indentUnit, lineEnding, lineStart, startsLine, type TextEdit } from './edits.js';

export type { JsonNode };

/** A JSON document with the line index and layout needed to insert into it in its own style. */
export class JsonDocument {
  readonly root: JsonNode;
  readonly lines: LineIndex;
  readonly eol: string;
  readonly unit: string;

  constructor(readonly text: string) {
    const errors: ParseError[] = [];
    const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: false });
    const first = errors[0];
    this.lines = new LineIndex(text);
    if (!root || first) {
      const line = first ? this.lines.position(first.offset).line : 1;
      throw new FileError(
        'parse-failed',
        `invalid JSON: ${first ? printParseErrorCode(first.error) : 'empty document'}`,
        line,
      );
    }
    this.root = root;
    this.eol = lineEnding(text);
    this.unit = indentUnit(text);
  }

  /** The value node of an object property. */
  property(object: JsonNode | undefined, key: string): JsonNode | undefined {
    if (object?.type !== 'object') return undefined;
    for (const pair of object.children ?? []) {
      if (pair.children?.[0]?.value === key) return pair.children[1];
    }
    return undefined;
  }

  /** The object's properties as [key, value node] pairs. */
  entries(object: JsonNode | undefined): Array<[string, JsonNode]> {
    if (object?.type !== 'object') return [];
    return (object.children ?? []).flatMap((pair) => {
      const [key, value] = pair.children ?? [];
      return typeof key?.value === 'string' && value ? [[key.value, value] as [string, JsonNode]] : [];
    });
  }

  /** Adds `"key": value` as the object's last property. */
  insertProperty(object: JsonNode, key: string, value: unknown): TextEdit {
    return this.insertMember(object, `${JSON.stringify(key)}: `, value);
  }

  /** Adds a value as the array's last item. */
  appendItem(array: JsonNode, value: unknown): TextEdit {
    return this.insertMember(array, '', value);
  }

  private insertMember(container: JsonNode, prefix: string, value: unknown): TextEdit {
    const { text, lines, eol, unit } = this;
    const closing = container.offset + container.length - 1;
    const members = container.children ?? [];
    const last = members.at(-1);
    const multiLine = text.slice(container.offset, closing).includes('\n');
    if (!multiLine) {
      const rendered = `${prefix}${compact(value)}`;
      if (!last) return { start: container.offset + 1, end: closing, text: rendered };
      const end = last.offset + last.length;
      return { start: end, end, text: `, ${rendered}` };
    }
    const indent = last ? indentOf(lines, last.offset) : indentOf(lines, container.offset) + unit;
    // Siblings written on one line each (`{ "Key": "a", "Value": "b" }`): the new one is too.
    const compactSiblings =
      last !== undefined &&
      last.type !== 'property' &&
      !text.slice(last.offset, last.offset + last.length).includes('\n');
    const rendered = compactSiblings
      ? `${prefix}${compact(value)}`
      : `${prefix}${JSON.stringify(value, null, unit)}`.split('\n').join(`${eol}${indent}`);
    if (!last) {
      const at = startsLine(lines, closing) ? lineStart(lines, closing) : closing;
      const before = startsLine(lines, closing) ? '' : eol;
      return { start: at, end: at, text: `${before}${indent}${rendered}${eol}` };
    }
    const end = last.offset + last.length;
    return { start: end, end, text: `,${eol}${indent}${rendered}` };
  }
}

/** One-line JSON with spaces after separators: `{ "Key": "a", "Value": "b" }`. */
function compact(value: unknown): string {
  return JSON.stringify(value, null, 1).replace(/\n\s*/g, ' ');
}
