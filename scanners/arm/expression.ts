/**
 * The ARM template expression language: `[concat(parameters('a'), '-x')]`, `[reference(x).properties['y'][0]]`.
 * A hand-written recursive-descent parser with bounded length and nesting; it never evaluates anything.
 */

export type Expression =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'call'; name: string; args: Expression[] }
  | { kind: 'property'; target: Expression; name: string }
  | { kind: 'index'; target: Expression; index: Expression };

/** Longest expression text parsed; real templates stay far below it. */
export const MAX_EXPRESSION_LENGTH = 32 * 1024;
/** Deepest nesting of calls, accesses and indexes. */
export const MAX_EXPRESSION_DEPTH = 64;

export class ExpressionError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
    this.name = 'ExpressionError';
  }
}

/**
 * Classifies a JSON string: an expression (`[...]`, its text without the brackets), or a literal (with the
 * `[[` escape undone).
 */
export function classifyString(text: string): { expression: string } | { literal: string } {
  if (text.startsWith('[[')) return { literal: text.slice(1) };
  if (text.length >= 2 && text.startsWith('[') && text.endsWith(']'))
    return { expression: text.slice(1, -1) };
  return { literal: text };
}

/** Parses the text between the brackets of an ARM expression. Throws ExpressionError when malformed. */
export function parseExpression(text: string): Expression {
  if (text.length > MAX_EXPRESSION_LENGTH) throw new ExpressionError('expression is too long', 0);
  const parser = new Parser(text);
  const expression = parser.expression(0);
  parser.skipSpace();
  if (!parser.atEnd()) throw new ExpressionError(`unexpected '${parser.peek()}'`, parser.position);
  return expression;
}

class Parser {
  position = 0;

  constructor(private readonly text: string) {}

  atEnd(): boolean {
    return this.position >= this.text.length;
  }

  peek(): string {
    return this.text[this.position] ?? '';
  }

  skipSpace(): void {
    while (/\s/.test(this.peek()) && !this.atEnd()) this.position++;
  }

  private expect(char: string): void {
    this.skipSpace();
    if (this.peek() !== char)
      throw new ExpressionError(`expected '${char}' but found '${this.peek() || 'end'}'`, this.position);
    this.position++;
  }

  expression(depth: number): Expression {
    if (depth > MAX_EXPRESSION_DEPTH)
      throw new ExpressionError('expression is nested too deeply', this.position);
    let result = this.primary(depth);
    for (;;) {
      this.skipSpace();
      const char = this.peek();
      if (char === '.') {
        this.position++;
        if (this.peek() === '?') this.position++; // safe dereference `.?name`
        this.skipSpace();
        result = { kind: 'property', target: result, name: this.identifier() };
      } else if (char === '[') {
        this.position++;
        const index = this.expression(depth + 1);
        this.expect(']');
        result = { kind: 'index', target: result, index };
      } else {
        return result;
      }
      if (++depth > MAX_EXPRESSION_DEPTH)
        throw new ExpressionError('expression is nested too deeply', this.position);
    }
  }

  private primary(depth: number): Expression {
    this.skipSpace();
    const char = this.peek();
    if (char === "'") return { kind: 'string', value: this.stringLiteral() };
    if (/[-0-9]/.test(char)) return { kind: 'number', value: this.number() };
    if (/[A-Za-z_]/.test(char)) {
      let name = this.identifier();
      // A user-defined function is namespaced: `contoso.uniqueName(...)`.
      const save = this.position;
      if (this.peek() === '.') {
        this.position++;
        if (/[A-Za-z_]/.test(this.peek())) {
          const member = this.identifier();
          this.skipSpace();
          if (this.peek() === '(') name = `${name}.${member}`;
          else this.position = save;
        } else this.position = save;
      }
      this.expect('(');
      const args: Expression[] = [];
      this.skipSpace();
      if (this.peek() === ')') {
        this.position++;
        return { kind: 'call', name, args };
      }
      for (;;) {
        args.push(this.expression(depth + 1));
        this.skipSpace();
        const next = this.peek();
        this.position++;
        if (next === ')') return { kind: 'call', name, args };
        if (next !== ',')
          throw new ExpressionError(`expected ',' or ')' but found '${next || 'end'}'`, this.position - 1);
      }
    }
    throw new ExpressionError(`unexpected '${char || 'end'}'`, this.position);
  }

  private identifier(): string {
    const match = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(this.text.slice(this.position, this.position + 512));
    if (!match) throw new ExpressionError('expected a name', this.position);
    this.position += match[0].length;
    return match[0];
  }

  private number(): number {
    const match = /^-?\d+(\.\d+)?/.exec(this.text.slice(this.position, this.position + 64));
    if (!match) throw new ExpressionError('expected a number', this.position);
    this.position += match[0].length;
    return Number(match[0]);
  }

  private stringLiteral(): string {
    let value = '';
    this.position++;
    for (;;) {
      const end = this.text.indexOf("'", this.position);
      if (end < 0) throw new ExpressionError('unterminated string', this.position);
      value += this.text.slice(this.position, end);
      this.position = end + 1;
      if (this.peek() !== "'") return value;
      value += "'"; // '' is an escaped quote
      this.position++;
    }
  }
}

/** The canonical text of an expression, used as the symbolic name of values that cannot be known. */
export function printExpression(expression: Expression): string {
  switch (expression.kind) {
    case 'string':
      return `'${expression.value.replaceAll("'", "''")}'`;
    case 'number':
      return String(expression.value);
    case 'call':
      return `${expression.name}(${expression.args.map(printExpression).join(', ')})`;
    case 'property':
      return `${printExpression(expression.target)}.${expression.name}`;
    case 'index':
      return `${printExpression(expression.target)}[${printExpression(expression.index)}]`;
  }
}
