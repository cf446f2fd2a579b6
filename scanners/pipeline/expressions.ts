/**
 * A parser for the expression language shared by GitHub Actions `${{ }}` and Azure Pipelines `${{ }}` /
 * `$[ ]`: literals, context access (`github.event.issue.title`, `variables['Build.SourceBranch']`),
 * function calls, and the operators `! < <= > >= == != && ||`. Expressions are parsed, not grepped, so
 * `contains(github.event.issue.title, 'x')` (a boolean) is told apart from `github.event.issue.title`.
 */

export type Expr =
  | { type: 'literal'; value: string | number | boolean | null }
  | { type: 'context'; name: string }
  | { type: 'property'; object: Expr; property: string | undefined }
  | { type: 'call'; name: string; args: Expr[] }
  | { type: 'unary'; operator: '!'; operand: Expr }
  | { type: 'binary'; operator: string; left: Expr; right: Expr };

/** Nesting allowed in one expression; deeper input is hostile, not a real workflow. */
const MAX_DEPTH = 64;

type Token =
  | { kind: 'ident'; text: string }
  | { kind: 'number'; value: number }
  | { kind: 'string'; value: string }
  | { kind: 'punct'; text: string };

export class ExpressionError extends Error {}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i] as string;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= source.length) throw new ExpressionError('unterminated string');
        if (source[i] === "'") {
          if (source[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += source[i];
        i++;
      }
      tokens.push({ kind: 'string', value });
      continue;
    }
    const number = /^(0x[0-9a-fA-F]+|[+-]?\d+(\.\d+)?([eE][+-]?\d+)?)/.exec(source.slice(i));
    if (number && /[\d]/.test(ch)) {
      tokens.push({ kind: 'number', value: Number(number[0]) });
      i += number[0].length;
      continue;
    }
    const ident = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(source.slice(i));
    if (ident) {
      tokens.push({ kind: 'ident', text: ident[0] });
      i += ident[0].length;
      continue;
    }
    const punct = /^(==|!=|<=|>=|&&|\|\||[()[\].,!<>*])/.exec(source.slice(i));
    if (!punct) throw new ExpressionError(`unexpected character ${ch}`);
    tokens.push({ kind: 'punct', text: punct[0] });
    i += punct[0].length;
  }
  return tokens;
}

/** Parses one expression (the text between `${{` and `}}`). Throws ExpressionError on bad syntax. */
export function parseExpression(source: string): Expr {
  const tokens = tokenize(source);
  let position = 0;
  let depth = 0;
  const peek = () => tokens[position];
  const isPunct = (text: string) => {
    const token = peek();
    return token?.kind === 'punct' && token.text === text;
  };
  const expect = (text: string) => {
    if (!isPunct(text)) throw new ExpressionError(`expected ${text}`);
    position++;
  };
  const binaryLevel = (operators: string[], next: () => Expr) => (): Expr => {
    let left = next();
    for (;;) {
      const token = peek();
      if (token?.kind !== 'punct' || !operators.includes(token.text)) return left;
      position++;
      left = { type: 'binary', operator: token.text, left, right: next() };
    }
  };
  const unary = (): Expr => {
    if (isPunct('!')) {
      position++;
      return { type: 'unary', operator: '!', operand: unary() };
    }
    return postfix();
  };
  const comparison = binaryLevel(['<', '<=', '>', '>='], unary);
  const equality = binaryLevel(['==', '!='], comparison);
  const and = binaryLevel(['&&'], equality);
  const or = binaryLevel(['||'], and);
  const nested = (): Expr => {
    if (++depth > MAX_DEPTH) throw new ExpressionError('expression nested too deeply');
    const result = or();
    depth--;
    return result;
  };
  function postfix(): Expr {
    let expr = primary();
    for (;;) {
      if (isPunct('.')) {
        position++;
        const token = peek();
        if (token?.kind === 'ident') {
          position++;
          expr = { type: 'property', object: expr, property: token.text };
        } else if (token?.kind === 'punct' && token.text === '*') {
          position++;
          expr = { type: 'property', object: expr, property: undefined };
        } else throw new ExpressionError('expected a property name');
      } else if (isPunct('[')) {
        position++;
        if (isPunct('*')) {
          position++;
          expect(']');
          expr = { type: 'property', object: expr, property: undefined };
          continue;
        }
        const index = nested();
        expect(']');
        const property =
          index.type === 'literal' && typeof index.value === 'string' ? index.value : undefined;
        expr = { type: 'property', object: expr, property };
      } else return expr;
    }
  }
  function primary(): Expr {
    const token = peek();
    if (!token) throw new ExpressionError('unexpected end of expression');
    position++;
    if (token.kind === 'string') return { type: 'literal', value: token.value };
    if (token.kind === 'number') return { type: 'literal', value: token.value };
    if (token.kind === 'punct') {
      if (token.text === '(') {
        const inner = nested();
        expect(')');
        return inner;
      }
      throw new ExpressionError(`unexpected ${token.text}`);
    }
    const word = token.text;
    if (isPunct('(')) {
      position++;
      const args: Expr[] = [];
      if (!isPunct(')')) {
        args.push(nested());
        while (isPunct(',')) {
          position++;
          args.push(nested());
        }
      }
      expect(')');
      return { type: 'call', name: word.toLowerCase(), args };
    }
    if (word === 'true' || word === 'false') return { type: 'literal', value: word === 'true' };
    if (word === 'null') return { type: 'literal', value: null };
    return { type: 'context', name: word };
  }
  const result = nested();
  if (position < tokens.length) throw new ExpressionError('unexpected text after the expression');
  return result;
}

/** Functions whose result is a boolean or a number: no text of their arguments reaches the output. */
const NON_TEXT_FUNCTIONS = new Set([
  'contains',
  'startswith',
  'endswith',
  'success',
  'failure',
  'always',
  'cancelled',
  'hashfiles',
  'eq',
  'ne',
  'gt',
  'ge',
  'lt',
  'le',
  'and',
  'or',
  'not',
  'xor',
  'in',
  'notin',
  'containsvalue',
  'length',
  'succeeded',
  'failed',
  'canceled',
  'succeededorfailed',
]);

/** The dotted path of a context access (`github.event.issue.title`, `*` for any index), if static. */
export function pathOf(expr: Expr): string | undefined {
  if (expr.type === 'context') return expr.name;
  if (expr.type !== 'property') return undefined;
  const object = pathOf(expr.object);
  return object === undefined ? undefined : `${object}.${expr.property ?? '*'}`;
}

/** Every context path the expression reads. */
export function contextPaths(expr: Expr): string[] {
  const paths: string[] = [];
  const visit = (node: Expr): void => {
    const path = pathOf(node);
    if (path !== undefined) {
      paths.push(path);
      return;
    }
    if (node.type === 'property') visit(node.object);
    else if (node.type === 'call') node.args.forEach(visit);
    else if (node.type === 'unary') visit(node.operand);
    else if (node.type === 'binary') {
      visit(node.left);
      visit(node.right);
    }
  };
  visit(expr);
  return paths;
}

/**
 * The context paths whose text can reach the expression's value. Comparisons, `!` and predicate functions
 * yield booleans; `a && b` / `a || b` yield one of their operands; `format`, `join`, `toJSON` keep text.
 */
export function valuePaths(expr: Expr): string[] {
  const path = pathOf(expr);
  if (path !== undefined) return [path];
  switch (expr.type) {
    case 'literal':
    case 'context':
      return [];
    case 'property':
      return valuePaths(expr.object);
    case 'unary':
      return [];
    case 'binary':
      if (expr.operator === '&&') return valuePaths(expr.right);
      if (expr.operator === '||') return [...valuePaths(expr.left), ...valuePaths(expr.right)];
      return [];
    case 'call':
      if (NON_TEXT_FUNCTIONS.has(expr.name)) return [];
      return expr.args.flatMap(valuePaths);
  }
}

/** An expression found in text: `${{ ... }}` (or Azure `$[ ... ]`), with offsets into that text. */
export interface FoundExpression {
  /** Offset of `$`. */
  start: number;
  /** Offset just past the closing delimiter. */
  end: number;
  source: string;
  /** Undefined when the text does not parse. */
  expr?: Expr;
}

/**
 * Finds `${{ ... }}` expressions in text; string literals may contain `}}`. With `runtime`, also Azure's
 * `$[ ... ]` runtime expressions.
 */
export function findExpressions(text: string, runtime = false): FoundExpression[] {
  const found: FoundExpression[] = [];
  let index = 0;
  while (index < text.length) {
    const dollar = text.indexOf('$', index);
    if (dollar === -1) break;
    const templated = text.startsWith('${{', dollar);
    const bracketed = runtime && text.startsWith('$[', dollar);
    if (!templated && !bracketed) {
      index = dollar + 1;
      continue;
    }
    const open = templated ? 3 : 2;
    const close = templated ? '}}' : ']';
    let i = dollar + open;
    let inString = false;
    let nesting = 0;
    let end = -1;
    while (i < text.length) {
      const ch = text[i];
      if (inString) {
        if (ch === "'") {
          if (text[i + 1] === "'") i++;
          else inString = false;
        }
      } else if (ch === "'") inString = true;
      else if (!templated && ch === '[') nesting++;
      else if (!templated && ch === ']' && nesting > 0) nesting--;
      else if (text.startsWith(close, i)) {
        end = i;
        break;
      }
      i++;
    }
    if (end === -1) break;
    const source = text.slice(dollar + open, end);
    let expr: Expr | undefined;
    try {
      expr = parseExpression(source);
    } catch {
      expr = undefined;
    }
    found.push({ start: dollar, end: end + close.length, source, expr });
    index = end + close.length;
  }
  return found;
}
