import { createRequire } from 'node:module';
import path from 'node:path';
import { Language, type Node, Parser, type Tree } from 'web-tree-sitter';
import { FileError } from '../core/errors.js';
import { LineIndex } from '../core/source.js';
import type { Range } from '../core/types.js';
import type {
  Expr,
  HclAttribute,
  HclBlock,
  HclBody,
  HclComment,
  HclFile,
  Step,
  TemplatePart,
} from './ast.js';

/** Syntax-tree nesting (about three levels per bracket) deeper than any real configuration: hostile input. */
export const MAX_EXPRESSION_DEPTH = 512;
/** Parsing one file longer than this is treated as hostile input. */
const PARSE_TIME_LIMIT_MS = 10_000;

let parser: Parser | undefined;
let initialising: Promise<void> | undefined;
let grammarOverride: string | undefined;

/**
 * Loads the grammar from this file instead of the installed package: bundles without node_modules (the
 * GitHub Action) ship tree-sitter-terraform.wasm next to themselves. Call before initTerraformParser().
 */
export function setTerraformGrammarPath(wasmFile: string): void {
  grammarOverride = wasmFile;
}

/**
 * Loads the tree-sitter runtime and the Terraform grammar, once per process or worker thread. Parsing is
 * synchronous afterwards, so call this before scan units are processed.
 */
export function initTerraformParser(): Promise<void> {
  initialising ??= (async () => {
    try {
      const grammar = grammarOverride ?? installedGrammarPath();
      await Parser.init();
      const language = await Language.load(grammar);
      const created = new Parser();
      created.setLanguage(language);
      parser = created;
    } catch (error) {
      initError = (error as Error).message;
      throw error;
    }
  })();
  return initialising;
}

/** Why the grammar could not be loaded, if it could not: Terraform files then fail one by one. */
let initError: string | undefined;

function installedGrammarPath(): string {
  const require = createRequire(import.meta.url);
  const grammarPackage = require.resolve('@tree-sitter-grammars/tree-sitter-hcl/package.json');
  return path.join(path.dirname(grammarPackage), 'tree-sitter-terraform.wasm');
}

/** True once initTerraformParser() has completed in this thread. */
export function terraformParserReady(): boolean {
  return parser !== undefined;
}

/**
 * Parses native Terraform syntax (`.tf`, `.tfvars`) into Palisade's own ranged tree and frees the tree-sitter
 * tree. Throws FileError (with the line of the first syntax error) on malformed or hostile input.
 */
export function parseHcl(filePath: string, text: string, lines = new LineIndex(text)): HclFile {
  if (!parser) {
    if (initError !== undefined)
      throw new FileError('parse-failed', `the Terraform grammar could not be loaded: ${initError}`);
    throw new Error('the Terraform parser is not initialised; call initTerraformParser() first');
  }
  const started = Date.now();
  const tree = parser.parse(text, null, {
    progressCallback: (() => Date.now() - started > PARSE_TIME_LIMIT_MS) as () => void,
  });
  if (!tree) {
    parser.reset();
    throw new FileError(
      'parse-failed',
      'parsing took too long',
      undefined,
      'Exclude this file if it is generated.',
    );
  }
  const comments: HclComment[] = [];
  let raw: RawNode;
  try {
    const root = tree.rootNode;
    if (root.hasError) {
      const bad = firstError(root);
      const line = bad ? bad.startPosition.row + 1 : 1;
      throw new FileError(
        'parse-failed',
        bad?.isMissing ? `invalid HCL: missing ${bad.type}` : 'invalid HCL syntax',
        line,
        'Fix the syntax error at this line (terraform validate shows the details).',
      );
    }
    raw = snapshot(tree, text, (start, end) =>
      comments.push({ text: text.slice(start, end), range: lines.range(start, end) }),
    );
  } finally {
    // The tree-sitter tree lives in wasm memory: free it as soon as it has been copied.
    tree.delete();
  }
  const bodyNode = raw.children.find((c) => c.type === 'body');
  const body = bodyNode ? new Converter(text, lines).body(bodyNode) : { attributes: [], blocks: [] };
  return { path: filePath, body, comments };
}

/** A plain copy of a syntax tree node: walking JS objects is far cheaper than crossing into wasm per node. */
class RawNode {
  readonly children: RawNode[] = [];

  constructor(
    readonly type: string,
    readonly isNamed: boolean,
    readonly startIndex: number,
    readonly endIndex: number,
    private readonly source: string,
  ) {}

  get namedChildren(): RawNode[] {
    return this.children.filter((c) => c.isNamed);
  }

  get text(): string {
    return this.source.slice(this.startIndex, this.endIndex);
  }

  get firstChild(): RawNode | null {
    return this.children[0] ?? null;
  }

  get lastChild(): RawNode | null {
    return this.children[this.children.length - 1] ?? null;
  }
}

const BINARY_OPERATORS = new Set(['||', '&&', '==', '!=', '<', '>', '<=', '>=', '+', '-', '*', '/', '%']);
/** Nodes whose inner tokens the converter never reads (their text is enough): not descended into. */
const LEAVES = new Set([
  'comment',
  'string_lit',
  'bool_lit',
  'null_lit',
  'numeric_lit',
  'identifier',
  'template_literal',
  'heredoc_identifier',
  'heredoc_start',
  'block_start',
  'block_end',
  'object_start',
  'object_end',
  'tuple_start',
  'tuple_end',
  'quoted_template_start',
  'quoted_template_end',
  'template_interpolation_start',
  'template_interpolation_end',
  'template_directive_start',
  'template_directive_end',
  'ellipsis',
  'strip_marker',
]);
/** Anonymous tokens the converter reads: operators and parentheses. */
const KEPT_TOKENS = new Set([...BINARY_OPERATORS, '!', '(', ')']);

let table: { language: Language; types: string[]; named: boolean[] } | undefined;

/** Node type names and namedness by type id, read from the grammar once (each cursor getter is a wasm call). */
function typeTable(language: Language): { types: string[]; named: boolean[] } {
  if (table?.language !== language) {
    const named: boolean[] = [];
    for (let id = 0; id < language.nodeTypeCount; id++) named.push(language.nodeTypeIsNamed(id));
    table = { language, types: language.types, named };
  }
  return table;
}

/** Copies the tree with one cursor walk, without recursion; comments go to `onComment` instead of the copy. */
function snapshot(tree: Tree, source: string, onComment: (start: number, end: number) => void): RawNode {
  const cursor = tree.walk();
  const { types, named } = typeTable(tree.language as Language);
  const make = (id: number) =>
    new RawNode(
      types[id] ?? cursor.nodeType,
      named[id] ?? cursor.nodeIsNamed,
      cursor.startIndex,
      cursor.endIndex,
      source,
    );
  try {
    const root = make(cursor.nodeTypeId);
    const stack = [root];
    if (!cursor.gotoFirstChild()) return root;
    for (;;) {
      const id = cursor.nodeTypeId;
      // Punctuation and keywords carry nothing the converter reads; operators and parentheses do.
      const kept = named[id] !== false || KEPT_TOKENS.has(types[id] ?? '');
      if (kept) {
        const node = make(id);
        if (node.type === 'comment') onComment(node.startIndex, node.endIndex);
        else (stack[stack.length - 1] as RawNode).children.push(node);
        if (!LEAVES.has(node.type) && cursor.gotoFirstChild()) {
          stack.push(node);
          continue;
        }
      }
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return root;
        stack.pop();
        if (!stack.length) return root;
      }
    }
  } finally {
    cursor.delete();
  }
}

/** The first ERROR or MISSING node in document order, found without recursion. */
function firstError(root: Node): Node | undefined {
  const cursor = root.walk();
  try {
    for (;;) {
      const node = cursor.currentNode;
      if (node.isError || node.isMissing) return node;
      if (node.hasError && cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) if (!cursor.gotoParent()) return undefined;
    }
  } finally {
    cursor.delete();
  }
}

const STEP_TYPES = new Set(['get_attr', 'index', 'splat', 'legacy_index', 'new_index']);

class Converter {
  private depth = 0;

  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
  ) {}

  range(node: RawNode): Range {
    return this.lines.range(node.startIndex, node.endIndex);
  }

  body(node: RawNode): HclBody {
    const body: HclBody = { attributes: [], blocks: [] };
    this.enter(node);
    try {
      for (const c of node.namedChildren) {
        if (!c) continue;
        if (c.type === 'attribute') body.attributes.push(this.attribute(c));
        else if (c.type === 'block') body.blocks.push(this.block(c));
      }
    } finally {
      this.depth--;
    }
    return body;
  }

  /** One level deeper; hostile nesting fails here, before the stack does. */
  private enter(node: RawNode): void {
    if (++this.depth > MAX_EXPRESSION_DEPTH) {
      this.depth--;
      throw new FileError(
        'too-deep',
        `blocks and expressions nest deeper than ${MAX_EXPRESSION_DEPTH} levels`,
        this.lines.position(node.startIndex).line,
        'This file is not a configuration Palisade can check; exclude it if it is generated.',
      );
    }
  }

  attribute(node: RawNode): HclAttribute {
    const name = node.namedChildren.find((c) => c?.type === 'identifier') as RawNode;
    const value = node.namedChildren.find((c) => c?.type === 'expression') as RawNode;
    return {
      name: name.text,
      nameRange: this.range(name),
      expr: this.expression(value),
      range: this.range(node),
    };
  }

  block(node: RawNode): HclBlock {
    let type = '';
    const labels: string[] = [];
    let body: HclBody = { attributes: [], blocks: [] };
    let headerEnd = node.endIndex;
    for (const c of node.namedChildren) {
      if (!c) continue;
      if (c.type === 'identifier') {
        if (!type) type = c.text;
        else labels.push(c.text);
      } else if (c.type === 'string_lit') {
        labels.push(this.stringLiteral(c));
      } else if (c.type === 'block_start') {
        headerEnd = c.endIndex;
      } else if (c.type === 'body') {
        body = this.body(c);
      }
    }
    return {
      type,
      labels,
      range: this.range(node),
      headerRange: this.lines.range(node.startIndex, headerEnd),
      body,
    };
  }

  /** A plain quoted string (block labels, literal strings): escapes resolved. */
  stringLiteral(node: RawNode): string {
    // A string_lit is always a whole quoted string (a missing quote is a syntax error found earlier).
    const quoted = node.endIndex - node.startIndex >= 2 && this.text[node.endIndex - 1] === '"';
    return unescapeQuoted(this.text.slice(node.startIndex + 1, quoted ? node.endIndex - 1 : node.endIndex));
  }

  expression(node: RawNode): Expr {
    return this.node(node);
  }

  /** Converts one node that stands for an expression; every level of the tree counts towards the limit. */
  node(node: RawNode): Expr {
    this.enter(node);
    try {
      return this.convertNode(node);
    } finally {
      this.depth--;
    }
  }

  private convertNode(node: RawNode): Expr {
    const range = this.range(node);
    switch (node.type) {
      case 'expression':
        return this.term(node.children, range);
      case 'literal_value':
        return this.node(node.namedChildren[0] as RawNode);
      case 'numeric_lit':
        return { t: 'literal', value: Number(node.text), range };
      case 'bool_lit':
        return { t: 'literal', value: node.text === 'true', range };
      case 'null_lit':
        return { t: 'literal', value: null, range };
      case 'string_lit':
        return { t: 'literal', value: this.stringLiteral(node), range };
      case 'template_expr':
        return this.node(node.namedChildren[0] as RawNode);
      case 'quoted_template':
        return this.quotedTemplate(node, range);
      case 'heredoc_template':
        return this.heredoc(node, range);
      case 'collection_value':
        return this.node(node.namedChildren[0] as RawNode);
      case 'tuple':
        return { t: 'tuple', items: this.named(node, 'expression').map((c) => this.expression(c)), range };
      case 'object':
        return {
          t: 'object',
          items: this.named(node, 'object_elem').map((elem) => {
            const [key, value] = this.named(elem, 'expression') as [RawNode, RawNode];
            return { key: this.objectKey(key), value: this.expression(value) };
          }),
          range,
        };
      case 'variable_expr':
        return { t: 'name', name: node.text, range };
      case 'function_call':
        return this.call(node, range);
      case 'for_expr':
        return this.forExpr(node.namedChildren[0] as RawNode, range);
      case 'operation':
        return this.node(node.namedChildren[0] as RawNode);
      case 'unary_operation': {
        const children = node.children.filter((c): c is RawNode => c !== null && c.type !== 'comment');
        const op = children[0]?.type ?? '-';
        return { t: 'unary', op, operand: this.term(children.slice(1), range), range };
      }
      case 'binary_operation':
        return this.binary(node, range);
      case 'conditional': {
        const [cond, then, otherwise] = this.named(node, 'expression') as [RawNode, RawNode, RawNode];
        return {
          t: 'conditional',
          cond: this.expression(cond),
          whenTrue: this.expression(then),
          whenFalse: this.expression(otherwise),
          range,
        };
      }
      default:
        return { t: 'opaque', range };
    }
  }

  named(node: RawNode, type: string): RawNode[] {
    return node.namedChildren.filter((c): c is RawNode => c?.type === type);
  }

  /** `name = ...` in an object is the key "name"; any other key expression is evaluated. */
  objectKey(node: RawNode): Expr {
    const children = node.children.filter((c): c is RawNode => c !== null && c.type !== 'comment');
    const only = children[0];
    if (children.length === 1 && only?.type === 'variable_expr')
      return { t: 'literal', value: only.text, range: this.range(only) };
    return this.expression(node);
  }

  /** A primary expression followed by attribute, index and splat steps (tree-sitter keeps them as siblings). */
  term(children: (RawNode | null)[], range: Range): Expr {
    let current: Expr | undefined;
    let start = -1;
    for (let i = 0; i < children.length; i++) {
      const c = children[i];
      if (!c || c.type === 'comment') continue;
      if (start < 0) start = c.startIndex;
      if (c.type === '(') {
        const inner = children.slice(i + 1).find((n) => n?.type === 'expression');
        if (inner) current = this.expression(inner);
        while (i < children.length && children[i]?.type !== ')') i++;
        continue;
      }
      if (STEP_TYPES.has(c.type)) {
        if (!current) return { t: 'opaque', range };
        const stepRange = this.lines.range(start, c.endIndex);
        current = this.applyStep(current, c, stepRange);
        continue;
      }
      if (!c.isNamed) continue;
      current = c.type === 'expression' ? this.expression(c) : this.node(c);
    }
    return current ?? { t: 'opaque', range };
  }

  applyStep(target: Expr, node: RawNode, range: Range): Expr {
    switch (node.type) {
      case 'get_attr':
      case 'legacy_index':
      case 'index':
      case 'new_index': {
        const step = this.step(node);
        return step ? { t: 'traverse', target, step, range } : { t: 'opaque', range };
      }
      case 'splat': {
        const inner = node.namedChildren[0] as RawNode;
        const steps: Step[] = [];
        for (const c of inner.namedChildren) {
          if (!c || c.type === 'comment') continue;
          const step = this.step(c);
          if (!step) return { t: 'opaque', range };
          steps.push(step);
        }
        return { t: 'splat', target, steps, range };
      }
      default:
        return { t: 'opaque', range };
    }
  }

  step(node: RawNode): Step | undefined {
    const range = this.range(node);
    if (node.type === 'get_attr') {
      const name = node.namedChildren.find((c) => c?.type === 'identifier');
      return name ? { kind: 'attr', name: name.text, range } : undefined;
    }
    if (node.type === 'index') return this.step(node.namedChildren[0] as RawNode);
    if (node.type === 'new_index') {
      const key = node.namedChildren.find((c) => c?.type === 'expression');
      return key ? { kind: 'index', key: this.expression(key), range } : undefined;
    }
    if (node.type === 'legacy_index') {
      const digits = /\d+/.exec(node.text)?.[0];
      return digits === undefined
        ? undefined
        : { kind: 'index', key: { t: 'literal', value: Number(digits), range }, range };
    }
    return undefined;
  }

  binary(node: RawNode, range: Range): Expr {
    const children = node.children.filter((c): c is RawNode => c !== null && c.type !== 'comment');
    let depth = 0;
    let split = -1;
    for (let i = 0; i < children.length; i++) {
      const type = (children[i] as RawNode).type;
      if (type === '(') depth++;
      else if (type === ')') depth--;
      else if (depth === 0 && i > 0 && !(children[i] as RawNode).isNamed && BINARY_OPERATORS.has(type)) {
        split = i;
        break;
      }
    }
    if (split < 0) return { t: 'opaque', range };
    const left = children.slice(0, split);
    const right = children.slice(split + 1);
    const leftRange = this.lines.range(left[0]?.startIndex ?? 0, left[left.length - 1]?.endIndex ?? 0);
    const rightRange = this.lines.range(right[0]?.startIndex ?? 0, right[right.length - 1]?.endIndex ?? 0);
    return {
      t: 'binary',
      op: (children[split] as RawNode).type,
      left: this.term(left, leftRange),
      right: this.term(right, rightRange),
      range,
    };
  }

  call(node: RawNode, range: Range): Expr {
    const name = node.namedChildren.find((c) => c?.type === 'identifier')?.text ?? '';
    const argsNode = node.namedChildren.find((c) => c?.type === 'function_arguments');
    const args = argsNode ? this.named(argsNode, 'expression').map((c) => this.expression(c)) : [];
    const expandLast = argsNode ? argsNode.namedChildren.some((c) => c?.type === 'ellipsis') : false;
    return { t: 'call', name, args, expandLast, range };
  }

  forExpr(node: RawNode, range: Range): Expr {
    const intro = node.namedChildren.find((c) => c?.type === 'for_intro') as RawNode;
    const names = this.named(intro, 'identifier').map((c) => c.text);
    const collection = this.named(intro, 'expression')[0] as RawNode;
    const bodies = this.named(node, 'expression');
    const condNode = node.namedChildren.find((c) => c?.type === 'for_cond');
    const condExpr = condNode ? this.named(condNode, 'expression')[0] : undefined;
    const object = node.type === 'for_object_expr';
    return {
      t: 'for',
      object,
      keyVar: names.length > 1 ? names[0] : undefined,
      valueVar: (names.length > 1 ? names[1] : names[0]) ?? '_',
      collection: this.expression(collection),
      key: object && bodies[0] ? this.expression(bodies[0]) : undefined,
      value: this.expression((object ? bodies[1] : bodies[0]) as RawNode),
      cond: condExpr ? this.expression(condExpr) : undefined,
      group: node.namedChildren.some((c) => c?.type === 'ellipsis'),
      range,
    };
  }

  quotedTemplate(node: RawNode, range: Range): Expr {
    const children = node.children.filter((c): c is RawNode => c !== null);
    const first = children[0];
    const last = children[children.length - 1];
    const start = first?.type === 'quoted_template_start' ? first.endIndex : node.startIndex;
    const end = last?.type === 'quoted_template_end' ? last.startIndex : node.endIndex;
    return { t: 'template', parts: this.templateParts(children, start, end, false), range };
  }

  heredoc(node: RawNode, range: Range): Expr {
    const children = node.children.filter((c): c is RawNode => c !== null);
    const markers = children.filter((c) => c.type === 'heredoc_identifier');
    const opening = markers[0];
    const closing = markers.length > 1 ? markers[markers.length - 1] : undefined;
    const strip = children.some((c) => c.type === 'heredoc_start' && c.text === '<<-');
    const lineEnd = opening ? this.text.indexOf('\n', opening.endIndex) : -1;
    const start = lineEnd < 0 ? node.endIndex : lineEnd + 1;
    let end = closing ? closing.startIndex : node.endIndex;
    // The closing marker's indentation is not content.
    while (end > start && (this.text[end - 1] === ' ' || this.text[end - 1] === '\t')) end--;
    const parts = this.templateParts(children, start, Math.max(start, end), true);
    return { t: 'template', parts: strip ? stripIndent(parts) : parts, range };
  }

  /** Template parts in [start, end): literal text between interpolations and directives. */
  templateParts(children: RawNode[], start: number, end: number, heredoc: boolean): TemplatePart[] {
    const parts: TemplatePart[] = [];
    let cursor = start;
    let trimNext = false;
    const pushText = (raw: string) => {
      let text = heredoc ? unescapeHeredoc(raw) : unescapeQuoted(raw);
      if (trimNext) text = text.replace(/^\s+/, '');
      trimNext = false;
      if (text) parts.push({ kind: 'text', text });
    };
    for (const c of children) {
      if (c.startIndex < start || c.endIndex > end) continue;
      if (c.type !== 'template_interpolation' && c.type !== 'template_directive') continue;
      pushText(this.text.slice(cursor, c.startIndex));
      const strips = c.namedChildren.filter((n) => n?.type === 'strip_marker') as RawNode[];
      if (strips.some((s) => s.startIndex < (c.firstChild?.endIndex ?? 0) + 1)) trimLastText(parts);
      if (c.type === 'template_interpolation') {
        const inner = c.namedChildren.find((n) => n?.type === 'expression');
        parts.push(inner ? { kind: 'interp', expr: this.expression(inner) } : { kind: 'opaque' });
      } else {
        parts.push(this.directive(c, heredoc));
      }
      trimNext = strips.some((s) => s.endIndex >= (c.lastChild?.startIndex ?? c.endIndex));
      cursor = c.endIndex;
    }
    pushText(this.text.slice(cursor, end));
    return parts;
  }

  directive(node: RawNode, heredoc: boolean): TemplatePart {
    const inner = node.namedChildren[0];
    if (inner?.type !== 'template_if') return { kind: 'opaque' };
    const children = inner.children.filter((c): c is RawNode => c !== null);
    const intro = children.find((c) => c.type === 'template_if_intro');
    const elseIntro = children.find((c) => c.type === 'template_else_intro');
    const endNode = children.find((c) => c.type === 'template_if_end');
    const condNode = intro?.namedChildren.find((c) => c?.type === 'expression');
    if (!intro || !endNode || !condNode) return { kind: 'opaque' };
    const thenEnd = elseIntro ? elseIntro.startIndex : endNode.startIndex;
    return {
      kind: 'if',
      cond: this.expression(condNode),
      whenTrue: this.templateParts(children, intro.endIndex, thenEnd, heredoc),
      whenFalse: elseIntro
        ? this.templateParts(children, elseIntro.endIndex, endNode.startIndex, heredoc)
        : [],
    };
  }
}

function trimLastText(parts: TemplatePart[]): void {
  const last = parts[parts.length - 1];
  if (last?.kind === 'text') {
    last.text = last.text.replace(/\s+$/, '');
    if (!last.text) parts.pop();
  }
}

/** `<<-` heredocs drop the smallest indentation of their lines. */
function stripIndent(parts: TemplatePart[]): TemplatePart[] {
  let smallest = Number.POSITIVE_INFINITY;
  let atLineStart = true;
  for (const part of parts) {
    if (part.kind !== 'text') {
      atLineStart = false;
      continue;
    }
    const pieces = part.text.split('\n');
    pieces.forEach((piece, i) => {
      if ((i > 0 || atLineStart) && piece.trim() !== '') {
        smallest = Math.min(smallest, /^[ \t]*/.exec(piece)?.[0].length ?? 0);
      }
    });
    atLineStart = part.text.endsWith('\n');
  }
  if (!Number.isFinite(smallest) || smallest === 0) return parts;
  atLineStart = true;
  return parts.map((part) => {
    if (part.kind !== 'text') {
      atLineStart = false;
      return part;
    }
    const text = part.text
      .split('\n')
      .map((piece, i) => ((i > 0 || atLineStart) && /^[ \t]/.test(piece) ? piece.slice(smallest) : piece))
      .join('\n');
    atLineStart = part.text.endsWith('\n');
    return { kind: 'text', text };
  });
}

const ESCAPES = new Map([
  ['n', '\n'],
  ['r', '\r'],
  ['t', '\t'],
  ['"', '"'],
  ['\\', '\\'],
]);

/** Resolves the escapes of a quoted HCL string: `\n`, `\"`, `\uNNNN`, `$${`, `%%{`. */
export function unescapeQuoted(raw: string): string {
  if (!raw.includes('\\') && !raw.includes('$${') && !raw.includes('%%{')) return raw;
  return raw.replace(
    /\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)|\$\$\{|%%\{/g,
    (match, sequence: string | undefined) => {
      if (match === '$${') return '${';
      if (match === '%%{') return '%{';
      if (!sequence) return match;
      if (sequence.length > 1) {
        const code = Number.parseInt(sequence.slice(1), 16);
        return code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
      }
      return ESCAPES.get(sequence) ?? match;
    },
  );
}

/** Heredocs keep backslashes; only `$${` and `%%{` are escapes. */
function unescapeHeredoc(raw: string): string {
  return raw.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
}
