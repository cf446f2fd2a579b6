import { Arg, Env, type Instruction, Run } from 'dockerfile-ast';
import type { Range } from '../core/types.js';
import { type Attr, defaulted, explicit, unresolvable } from '../model/attr.js';
import type { DockerVariable, ShellCommand, ShellSeparator } from '../model/docker.js';
import type { DockerStage, Model } from '../model/model.js';
import type { SourceFile } from '../parsers/source-file.js';

interface LspPosition {
  line: number;
  character: number;
}

interface LspRange {
  start: LspPosition;
  end: LspPosition;
}

/** LSP ranges are 0-based; ours are 1-based. */
function toRange(range: LspRange): Range {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

/** Programs that run the command that follows them. */
const WRAPPERS = new Set(['sudo', 'env', 'time', 'nice', 'nohup', 'exec', 'command', 'xargs']);
/** Shells whose heredoc input, or `-c` argument, is a script. */
const SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh']);
/** Base image names built to run as a non-root user. */
const NON_ROOT_IMAGE = /(^|[-_./:])(nonroot|non-root|rootless)([-_./:]|$)/i;

/** Adds the build stages of a Dockerfile to the model. */
export function adaptDockerfile(file: SourceFile, model: Model): void {
  const dockerfile = file.dockerfile;
  if (!dockerfile) return;
  const text = new OffsetText(file);
  const escapeChar = dockerfile.getEscapeCharacter();
  const stagesByName = new Map<string, DockerStage>();
  const stages: DockerStage[] = [];
  let stage: DockerStage | undefined;
  let index = 0;
  for (const instruction of dockerfile.getInstructions()) {
    const keyword = instruction.getKeyword().toUpperCase();
    const range = toRange(instruction.getRange());
    if (keyword === 'FROM') {
      const from = dockerfile
        .getFROMs()
        .find((f) => f.getRange().start.line === instruction.getRange().start.line);
      stage = fromStage(file, from, range, index++, stagesByName);
      stages.push(stage);
      const stageName = from?.getBuildStage();
      if (stageName) stagesByName.set(stageName.toLowerCase(), stage);
      continue;
    }
    if (!stage) continue;
    stage.instructions.push({
      keyword,
      arguments: instruction.getArgumentsContent() ?? '',
      range,
      flags: flagsOf(instruction),
      commands: instruction instanceof Run ? runCommands(instruction, text, escapeChar) : [],
      variables: variablesOf(instruction),
    });
    if (keyword === 'USER') stage.user = userAttr(instruction, range);
    stage.range = { ...stage.range, endLine: range.endLine, endColumn: range.endColumn };
  }
  const last = stages.at(-1);
  if (last) last.isFinal = true;
  model.docker.stages.push(...stages);
}

type From = ReturnType<NonNullable<SourceFile['dockerfile']>['getFROMs']>[number];

function fromStage(
  file: SourceFile,
  from: From | undefined,
  range: Range,
  index: number,
  earlierStages: Map<string, DockerStage>,
): DockerStage {
  const image = from?.getImageName() ?? '';
  const imageRange = from?.getImageNameRange();
  const at = imageRange ? toRange(imageRange) : range;
  // A build argument, or an empty or broken FROM, names no image we can judge.
  const variable = (from?.getImage() ?? '').includes('$') || !image;
  const parent = earlierStages.get(image.toLowerCase());
  const scratch = image.toLowerCase() === 'scratch';
  const tag = from?.getImageTag();
  const digest = from?.getImageDigest();
  const tagRange = from?.getImageTagRange();
  let user: Attr<string>;
  if (variable) user = unresolvable(at, 'user');
  else if (parent) user = parent.user;
  else if (scratch || NON_ROOT_IMAGE.test(from?.getImage() ?? ''))
    user = defaulted<string>(undefined, at, 'user');
  else user = defaulted('root', range, 'user');
  return {
    kind: 'docker.stage',
    address: `stage:${from?.getBuildStage() ?? index}`,
    file: file.path,
    format: file.format,
    range,
    headerRange: range,
    name: from?.getBuildStage() ?? String(index),
    baseImage: variable ? unresolvable(at, 'from.image') : explicit(image, at, 'from.image'),
    baseTag: variable
      ? unresolvable(at, 'from.tag')
      : tag
        ? explicit(tag, tagRange ? toRange(tagRange) : at, 'from.tag')
        : defaulted('latest', at, 'from.tag'),
    baseDigest: variable
      ? unresolvable(at, 'from.digest')
      : digest
        ? explicit(digest, at, 'from.digest')
        : defaulted<string>(undefined, at, 'from.digest'),
    baseIsLocal: scratch || parent !== undefined,
    ...(parent ? { parent } : {}),
    isFinal: false,
    user,
    instructions: [],
  };
}

/** `USER name[:group]`: unresolvable when it uses a variable. */
function userAttr(instruction: Instruction, range: Range): Attr<string> {
  const args = instruction.getArguments();
  const first = args[0];
  if (!first || args.length !== 1) return unresolvable(range, 'user');
  const value = first.getValue();
  if (value.includes('$')) return unresolvable(toRange(first.getRange()), 'user');
  return explicit(value, toRange(first.getRange()), 'user');
}

function flagsOf(instruction: Instruction): string[] {
  const withFlags = instruction as Instruction & { getFlags?: () => Array<{ getName(): string }> };
  return typeof withFlags.getFlags === 'function' ? withFlags.getFlags().map((f) => f.getName()) : [];
}

function variablesOf(instruction: Instruction): DockerVariable[] {
  const properties =
    instruction instanceof Env
      ? instruction.getProperties()
      : instruction instanceof Arg
        ? [instruction.getProperty()].filter((p) => p !== null)
        : [];
  return properties.map((property) => {
    const nameRange = toRange(property.getNameRange());
    const valueRange = property.getValueRange();
    const value = property.getValue();
    return {
      name: property.getName(),
      value: value === null ? undefined : unquote(value),
      nameRange,
      valueRange: valueRange ? toRange(valueRange) : nameRange,
    };
  });
}

function unquote(value: string): string {
  const quoted = /^(["'])([\s\S]*)\1$/.exec(value);
  return quoted ? (quoted[2] ?? '') : value;
}

/** Offsets of the file's text for LSP positions, and ranges back. */
class OffsetText {
  private readonly lineStarts: number[] = [0];

  constructor(readonly file: SourceFile) {
    const { text } = file;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
  }

  offset(position: LspPosition): number {
    return (this.lineStarts[position.line] ?? this.file.text.length) + position.character;
  }

  range(start: number, end: number): Range {
    return this.file.lines.range(start, end);
  }
}

/** The simple commands of a RUN: its shell form (or exec form), and heredoc scripts fed to a shell. */
function runCommands(run: Run, text: OffsetText, escapeChar: string): ShellCommand[] {
  const json = run.getJSONStrings();
  if (json.length && run.getOpeningBracket()) {
    const words = json.map((s) => s.getJSONValue());
    const range = toRange(run.getRange());
    // ["sh", "-c", "script"] runs a script; any other exec form is one command.
    if (words.length === 3 && SHELLS.has(basename(words[0] ?? '')) && words[1] === '-c') {
      const script = json[2];
      if (script) {
        const start = text.offset(script.getRange().start) + 1;
        return tokenize(text, start, text.offset(script.getRange().end) - 1, escapeChar, false);
      }
    }
    return [command(words, range)];
  }
  const argsRange = run.getArgumentsRange();
  if (!argsRange) return [];
  const heredocs = run.getHeredocs();
  const lineEnd = heredocs.length ? text.offset(heredocs[0]!.getStartRange().start) : undefined;
  const start = text.offset(argsRange.start);
  const firstLine = tokenize(text, start, lineEnd ?? text.offset(argsRange.end), escapeChar, false);
  const commands = firstLine.filter((c) => c.words.length > 0);
  if (!heredocs.length) return skipFlags(commands);
  // `RUN <<EOF` and `RUN bash <<EOF` run the heredoc as a shell script; `RUN python3 <<EOF` does not.
  const last = skipFlags(commands).at(-1);
  const runsScript = !last || SHELLS.has(last.program);
  const result = skipFlags(commands);
  if (!runsScript) return result;
  for (const heredoc of heredocs) {
    const content = heredoc.getContentRange();
    if (!content) continue;
    const script = tokenize(text, text.offset(content.start), text.offset(content.end), escapeChar, true);
    result.push(...script.map((c, i) => (i === 0 ? { ...c, separator: '\n' as const } : c)));
  }
  return result;
}

/** Drops BuildKit flags (`--mount=…`, `--network=…`) that lead the shell form. */
function skipFlags(commands: ShellCommand[]): ShellCommand[] {
  const first = commands[0];
  if (!first) return commands;
  let skip = 0;
  while (skip < first.words.length && /^--[a-z-]+(=|$)/.test(first.words[skip] ?? '')) skip++;
  if (!skip) return commands;
  const rest = first.words.slice(skip);
  return [
    { ...command(rest, first.range), ...(first.separator ? { separator: first.separator } : {}) },
    ...commands.slice(1),
  ].filter((c) => c.words.length > 0);
}

/**
 * Splits shell text on `&&`, `||`, `;`, `|`, `&` (and newlines in a script) into simple commands, with
 * Dockerfile line continuations and comment lines removed and quotes resolved. Parentheses and braces of
 * sub-shells are separators too. Commands keep the range of their own words.
 */
function tokenize(
  text: OffsetText,
  start: number,
  end: number,
  escapeChar: string,
  script: boolean,
): ShellCommand[] {
  const source = text.file.text;
  const commands: ShellCommand[] = [];
  let words: string[] = [];
  let word = '';
  let inWord = false;
  let commandStart = -1;
  let commandEnd = -1;
  let separator: ShellSeparator | undefined;

  const endWord = (at: number) => {
    if (!inWord) return;
    words.push(word);
    word = '';
    inWord = false;
    commandEnd = at;
  };
  const startWord = (at: number) => {
    if (inWord) return;
    inWord = true;
    if (commandStart < 0) commandStart = at;
  };
  const endCommand = (next: ShellSeparator | undefined, at: number) => {
    endWord(at);
    if (words.length) {
      const cmd = command(words, text.range(commandStart, commandEnd));
      commands.push(separator ? { ...cmd, separator } : cmd);
      separator = next;
    } else if (next && commands.length) {
      separator = next;
    }
    words = [];
    commandStart = -1;
  };

  let i = start;
  while (i < end) {
    const ch = source[i] ?? '';
    // A Dockerfile line continuation, then any comment lines that follow it.
    if (!script && ch === escapeChar && isLineBreak(source, i + 1)) {
      i = skipLineBreak(source, i + 1);
      i = skipCommentLines(source, i, end);
      continue;
    }
    if (ch === '\\' && i + 1 < end) {
      if (isLineBreak(source, i + 1)) {
        i = skipLineBreak(source, i + 1);
        continue;
      }
      startWord(i);
      word += source[i + 1];
      i += 2;
      continue;
    }
    if (ch === "'") {
      startWord(i);
      const close = source.indexOf("'", i + 1);
      const stop = close === -1 || close >= end ? end : close;
      word += source.slice(i + 1, stop);
      i = stop + 1;
      commandEnd = i;
      continue;
    }
    if (ch === '"') {
      startWord(i);
      i++;
      while (i < end && source[i] !== '"') {
        if (source[i] === '\\' && i + 1 < end && '"\\$`'.includes(source[i + 1] ?? '')) i++;
        if (!script && source[i] === escapeChar && isLineBreak(source, i + 1)) {
          i = skipLineBreak(source, i + 1);
          continue;
        }
        word += source[i];
        i++;
      }
      i++;
      commandEnd = i;
      continue;
    }
    if (ch === '$' && source[i + 1] === '(') {
      // Keep a command substitution in one word, with its nesting.
      startWord(i);
      let depth = 0;
      while (i < end) {
        const c = source[i] ?? '';
        if (c === '(') depth++;
        if (c === ')') depth--;
        word += c;
        i++;
        if (depth === 0) break;
      }
      commandEnd = i;
      continue;
    }
    if (ch === '#' && !inWord) {
      const newline = source.indexOf('\n', i);
      i = newline === -1 || newline >= end ? end : newline;
      continue;
    }
    if (ch === '\n' || ch === '\r') {
      if (script) endCommand('\n', i);
      else endWord(i);
      i++;
      continue;
    }
    if (ch === ' ' || ch === '\t') {
      endWord(i);
      i++;
      continue;
    }
    const two = source.slice(i, i + 2);
    if (two === '&&' || two === '||') {
      endCommand(two, i);
      i += 2;
      continue;
    }
    if (ch === ';' || ch === '|' || ch === '&') {
      // `2>&1`, `>&2` and `|&` keep their ampersand inside the redirection.
      if (ch === '&' && (source[i - 1] === '>' || source[i + 1] === '>' || source[i - 1] === '|')) {
        startWord(i);
        word += ch;
        i++;
        continue;
      }
      endCommand(ch as ShellSeparator, i);
      i++;
      continue;
    }
    if (ch === '(' || ch === ')' || ((ch === '{' || ch === '}') && !inWord && isDelimited(source, i + 1))) {
      endCommand(';', i);
      i++;
      continue;
    }
    startWord(i);
    word += ch;
    i++;
  }
  endCommand(undefined, end);
  return commands;
}

function isDelimited(source: string, at: number): boolean {
  const next = source[at];
  return next === undefined || next === ' ' || next === '\t' || next === '\n' || next === ';';
}

function isLineBreak(source: string, at: number): boolean {
  return source[at] === '\n' || (source[at] === '\r' && source[at + 1] === '\n');
}

function skipLineBreak(source: string, at: number): number {
  return source[at] === '\r' ? at + 2 : at + 1;
}

/** Docker removes comment lines inside a continued instruction. */
function skipCommentLines(source: string, at: number, end: number): number {
  let i = at;
  for (;;) {
    let j = i;
    while (j < end && (source[j] === ' ' || source[j] === '\t')) j++;
    if (source[j] !== '#') return i;
    const newline = source.indexOf('\n', j);
    if (newline === -1 || newline >= end) return end;
    i = newline + 1;
  }
}

function basename(word: string): string {
  return word.slice(word.lastIndexOf('/') + 1);
}

/** A simple command: finds the program behind assignments and wrappers. */
function command(words: string[], range: Range): ShellCommand {
  let index = 0;
  let sudo = false;
  while (index < words.length) {
    const current = words[index] ?? '';
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(current)) {
      index++;
      continue;
    }
    const name = basename(current);
    if (!WRAPPERS.has(name)) break;
    if (name === 'sudo') sudo = true;
    index++;
    // Options of the wrapper (`sudo -E -u app`, `nice -n 10`).
    while (index < words.length && (words[index] ?? '').startsWith('-')) {
      const option = words[index] ?? '';
      index += /^-[ungCchpr]$/.test(option) ? 2 : 1;
    }
  }
  return {
    words,
    program: index < words.length ? basename(words[index] ?? '') : '',
    args: words.slice(index + 1),
    sudo,
    range,
  };
}
