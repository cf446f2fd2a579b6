/**
 * A small, strict XML 1.0 parser for tests: it throws on anything not well-formed (unbalanced tags,
 * raw `<` or `&`, unknown entities, duplicate attributes, characters outside the Char production)
 * and returns a tree to assert structure on. No DTDs, namespaces or encodings other than UTF-16 strings.
 */

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** Concatenated character data directly inside this element, references decoded. */
  text: string;
}

const NAME_START = /[A-Za-z_:]/;
const NAME_CHAR = /[A-Za-z0-9_:.-]/;
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** True for code points XML 1.0 allows in a document. */
export function isXmlChar(codePoint: number): boolean {
  return (
    codePoint === 0x9 ||
    codePoint === 0xa ||
    codePoint === 0xd ||
    (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
    (codePoint >= 0x10000 && codePoint <= 0x10ffff)
  );
}

/** Parses a document and returns its root element; throws an Error saying where it is not well-formed. */
export function parseXml(xml: string): XmlElement {
  for (let i = 0; i < xml.length; ) {
    const codePoint = xml.codePointAt(i)!;
    // A lone surrogate comes back as itself, which isXmlChar rejects.
    if (!isXmlChar(codePoint)) throw new Error(`illegal character U+${codePoint.toString(16)} at ${i}`);
    i += codePoint > 0xffff ? 2 : 1;
  }
  const parser = new Parser(xml);
  return parser.document();
}

class Parser {
  private pos = 0;

  constructor(private readonly xml: string) {}

  document(): XmlElement {
    if (this.xml.startsWith('<?xml')) this.skipPast('?>');
    this.misc();
    if (this.peek() !== '<') this.fail('expected the root element');
    const root = this.element();
    this.misc();
    if (this.pos !== this.xml.length) this.fail('content after the root element');
    return root;
  }

  /** Whitespace, comments and processing instructions between top-level parts. */
  private misc(): void {
    for (;;) {
      this.whitespace();
      if (this.xml.startsWith('<!--', this.pos)) this.comment();
      else if (this.xml.startsWith('<?', this.pos)) this.skipPast('?>');
      else return;
    }
  }

  private element(): XmlElement {
    this.expect('<');
    const name = this.name();
    const element: XmlElement = { name, attributes: {}, children: [], text: '' };
    for (;;) {
      const hadSpace = this.whitespace();
      if (this.xml.startsWith('/>', this.pos)) {
        this.pos += 2;
        return element;
      }
      if (this.peek() === '>') {
        this.pos += 1;
        break;
      }
      if (!hadSpace) this.fail('expected whitespace before an attribute');
      const attribute = this.name();
      if (attribute in element.attributes) this.fail(`duplicate attribute ${attribute}`);
      this.whitespace();
      this.expect('=');
      this.whitespace();
      element.attributes[attribute] = this.attributeValue();
    }
    for (;;) {
      if (this.pos >= this.xml.length) this.fail(`unclosed element <${name}>`);
      if (this.xml.startsWith('</', this.pos)) {
        this.pos += 2;
        const closing = this.name();
        if (closing !== name) this.fail(`</${closing}> closes <${name}>`);
        this.whitespace();
        this.expect('>');
        return element;
      }
      if (this.xml.startsWith('<!--', this.pos)) this.comment();
      else if (this.xml.startsWith('<![CDATA[', this.pos)) {
        const end = this.xml.indexOf(']]>', this.pos);
        if (end < 0) this.fail('unterminated CDATA');
        element.text += this.xml.slice(this.pos + 9, end);
        this.pos = end + 3;
      } else if (this.xml.startsWith('<?', this.pos)) this.skipPast('?>');
      else if (this.peek() === '<') element.children.push(this.element());
      else element.text += this.characterData();
    }
  }

  private characterData(): string {
    let text = '';
    while (this.pos < this.xml.length && this.peek() !== '<') {
      if (this.xml.startsWith(']]>', this.pos)) this.fail('"]]>" in character data');
      if (this.peek() === '&') text += this.reference();
      else {
        text += this.peek();
        this.pos += 1;
      }
    }
    return text;
  }

  private attributeValue(): string {
    const quote = this.peek();
    if (quote !== '"' && quote !== "'") this.fail('attribute value must be quoted');
    this.pos += 1;
    let value = '';
    for (;;) {
      const ch = this.peek();
      if (ch === undefined) this.fail('unterminated attribute value');
      if (ch === quote) {
        this.pos += 1;
        return value;
      }
      if (ch === '<') this.fail('"<" in attribute value');
      if (ch === '&') value += this.reference();
      else {
        // Attribute-value normalisation: literal whitespace becomes a space; references are kept.
        value += ch === '\t' || ch === '\n' || ch === '\r' ? ' ' : ch;
        this.pos += 1;
      }
    }
  }

  private reference(): string {
    const end = this.xml.indexOf(';', this.pos);
    if (end < 0 || end - this.pos > 12) this.fail('"&" that is not a reference');
    const body = this.xml.slice(this.pos + 1, end);
    this.pos = end + 1;
    if (body.startsWith('#')) {
      const codePoint = body.startsWith('#x') ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
      if (!/^#(x[0-9A-Fa-f]+|[0-9]+)$/.test(body) || !isXmlChar(codePoint))
        this.fail(`bad reference &${body};`);
      return String.fromCodePoint(codePoint);
    }
    const entity = ENTITIES[body];
    if (entity === undefined) this.fail(`unknown entity &${body};`);
    return entity;
  }

  private comment(): void {
    const end = this.xml.indexOf('-->', this.pos + 4);
    if (end < 0) this.fail('unterminated comment');
    if (this.xml.slice(this.pos + 4, end).includes('--')) this.fail('"--" inside a comment');
    this.pos = end + 3;
  }

  private name(): string {
    const start = this.pos;
    if (!NAME_START.test(this.peek() ?? '')) this.fail('expected a name');
    while (NAME_CHAR.test(this.peek() ?? '')) this.pos += 1;
    return this.xml.slice(start, this.pos);
  }

  private whitespace(): boolean {
    const start = this.pos;
    while (/[ \t\r\n]/.test(this.peek() ?? '')) this.pos += 1;
    return this.pos > start;
  }

  private skipPast(terminator: string): void {
    const end = this.xml.indexOf(terminator, this.pos);
    if (end < 0) this.fail(`missing "${terminator}"`);
    this.pos = end + terminator.length;
  }

  private expect(text: string): void {
    if (!this.xml.startsWith(text, this.pos)) this.fail(`expected "${text}"`);
    this.pos += text.length;
  }

  private peek(): string | undefined {
    return this.xml[this.pos];
  }

  private fail(message: string): never {
    throw new Error(`XML not well-formed at offset ${this.pos}: ${message}`);
  }
}

/** All descendants (and the element itself) with this tag name, in document order. */
export function findAll(element: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = element.name === name ? [element] : [];
  for (const child of element.children) found.push(...findAll(child, name));
  return found;
}
