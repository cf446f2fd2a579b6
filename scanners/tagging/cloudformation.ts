import { isMap, isScalar, isSeq, type Node, parseDocument, type YAMLMap, type YAMLSeq } from 'yaml';
import { FileError } from '../core/errors.js';
import { LineIndex } from '../core/source.js';
import { assertNestingDepth } from '../parsers/depth.js';
import { indentUnit, lineEnding, lineStart, type TextEdit } from './edits.js';
import { JsonDocument, type JsonNode } from './json-edits.js';
import { cloudFormationTagStyle } from './taggable.js';
import {
  type FileTagPlan,
  isTraceKey,
  type TaggableResource,
  TRACE_TAG,
  type TraceIdSource,
} from './types.js';

const COMPUTED =
  'its `Tags` is computed (an intrinsic function or a flow collection Palisade does not extend); add the trace tag by hand';

/**
 * Plans trace tags for a CloudFormation or SAM template (YAML or JSON): a `{Key, Value}` item appended to
 * `Tags`, a key added to map-style tags (SAM, SSM), or `Tags` (and `Properties`) added. YAML is edited as
 * text at the ranges the `yaml` package reports, so comments, short-form tags (`!Ref`) and layout stay.
 * Throws FileError when the template does not parse.
 */
export function planCloudFormationTags(text: string, newId: TraceIdSource, json: boolean): FileTagPlan {
  return json ? planJson(text, newId) : planYaml(text, newId);
}

// ---- YAML ----

interface YamlContext {
  text: string;
  lines: LineIndex;
  eol: string;
  unit: string;
  /** Block sequences in this file sit at their key's indentation (`Tags:\n- Key: …`). */
  flushSequences: boolean;
  newId: TraceIdSource;
}

function planYaml(text: string, newId: TraceIdSource): FileTagPlan {
  assertNestingDepth(text);
  const doc = parseDocument(text, {
    keepSourceTokens: false,
    prettyErrors: false,
    uniqueKeys: false,
    strict: false,
  });
  const lines = new LineIndex(text);
  const error = doc.errors[0];
  if (error)
    throw new FileError(
      'parse-failed',
      `invalid YAML: ${error.message.split(' at line ')[0]}`,
      lines.position(error.pos[0]).line,
    );
  const context: YamlContext = {
    text,
    lines,
    eol: lineEnding(text),
    unit: indentUnit(text),
    flushSequences: /^([ \t]*)[^\s#-][^\n]*:[ \t]*\r?\n\1- /m.test(text),
    newId,
  };
  const plan: FileTagPlan = { resources: [], edits: [] };
  const resources = isMap(doc.contents) ? doc.contents.get('Resources', true) : undefined;
  if (!isMap(resources)) return plan;
  for (const pair of resources.items) {
    const logicalId = isScalar(pair.key) ? String(pair.key.value) : undefined;
    const body = pair.value;
    if (!logicalId || !isMap(body)) continue;
    const type = body.get('Type');
    const style = typeof type === 'string' ? cloudFormationTagStyle(type) : undefined;
    if (!style) continue;
    const resource: TaggableResource = {
      address: `Resources.${logicalId}`,
      line: lines.position((pair.key as Node).range?.[0] ?? 0).line,
      traced: false,
    };
    plan.resources.push(resource);
    planYamlResource(context, body, style, resource, plan.edits);
  }
  return plan;
}

function planYamlResource(
  context: YamlContext,
  body: YAMLMap,
  style: 'list' | 'map',
  resource: TaggableResource,
  edits: TextEdit[],
): void {
  const properties = body.get('Properties', true) as Node | null | undefined;
  if (body.flow) {
    resource.problem = 'it is written as a flow map; add the trace tag by hand';
    return;
  }
  const keyIndent = columnOf(context, body);
  if (properties === undefined) {
    const at = lineEndAfter(context, body.range?.[1] ?? 0);
    const tags = tagsBlock(context, style, keyIndent + context.unit.length);
    edits.push({
      start: at,
      end: at,
      text: `${context.eol}${' '.repeat(keyIndent)}Properties:${context.eol}${tags}`,
    });
    return;
  }
  const emptyValue =
    properties === null || (isScalar(properties) && properties.range?.[0] === properties.range?.[1]);
  if (emptyValue) {
    // `Properties:` with nothing after it: the tags go right under it.
    const key = propertiesPair(body)?.key as Node | undefined;
    const at = lineEndAfter(context, key?.range?.[1] ?? 0);
    edits.push({
      start: at,
      end: at,
      text: `${context.eol}${tagsBlock(context, style, keyIndent + context.unit.length)}`,
    });
    return;
  }
  if (!isMap(properties) || properties.flow) {
    resource.problem = 'its `Properties` is not a block map; add the trace tag by hand';
    return;
  }
  const tags = properties.get('Tags', true);
  if (tags === undefined) {
    const at = lineEndAfter(context, properties.range?.[1] ?? 0);
    edits.push({
      start: at,
      end: at,
      text: `${context.eol}${tagsBlock(context, style, columnOf(context, properties))}`,
    });
    return;
  }
  if (style === 'list' && isSeq(tags)) {
    resource.traced = tags.items.some((item) => isMap(item) && isTraceKey(item.get('Key')));
    if (resource.traced) return;
    if (tags.flow || !tags.items.length) {
      resource.problem = COMPUTED;
      return;
    }
    edits.push(appendListItem(context, tags));
    return;
  }
  if (style === 'map' && isMap(tags)) {
    resource.traced = tags.items.some((item) => isScalar(item.key) && isTraceKey(item.key.value));
    if (resource.traced) return;
    if (tags.flow || !tags.items.length) {
      resource.problem = COMPUTED;
      return;
    }
    const at = lineEndAfter(context, tags.range?.[1] ?? 0);
    edits.push({
      start: at,
      end: at,
      text: `${context.eol}${' '.repeat(columnOf(context, tags))}${TRACE_TAG}: ${quoted(context.newId())}`,
    });
    return;
  }
  resource.problem = COMPUTED;
}

function propertiesPair(body: YAMLMap) {
  return body.items.find((pair) => isScalar(pair.key) && pair.key.value === 'Properties');
}

/** The `Tags:` key and its one trace tag, indented at `indent` spaces. */
function tagsBlock(context: YamlContext, style: 'list' | 'map', indent: number): string {
  const { eol, unit } = context;
  const pad = ' '.repeat(indent);
  const id = quoted(context.newId());
  if (style === 'map') return `${pad}Tags:${eol}${pad}${unit}${TRACE_TAG}: ${id}`;
  const dash = context.flushSequences ? pad : pad + unit;
  return `${pad}Tags:${eol}${dash}- Key: ${TRACE_TAG}${eol}${dash}  Value: ${id}`;
}

/** Appends `- Key: palisade_trace / Value: …` after the last item, at the items' own indentation. */
function appendListItem(context: YamlContext, tags: YAMLSeq): TextEdit {
  const { lines, eol } = context;
  const first = tags.items[0] as Node;
  const itemColumn = columnOf(context, first);
  const dashOffset = context.text.lastIndexOf('-', first.range?.[0] ?? 0);
  const dashColumn = dashOffset - lineStart(lines, dashOffset);
  const gap = ' '.repeat(Math.max(1, itemColumn - dashColumn - 1));
  const at = lineEndAfter(context, tags.range?.[1] ?? 0);
  const id = quoted(context.newId());
  return {
    start: at,
    end: at,
    text: `${eol}${' '.repeat(dashColumn)}-${gap}Key: ${TRACE_TAG}${eol}${' '.repeat(itemColumn)}Value: ${id}`,
  };
}

/** The column (0-based) where a block node's first key or item starts. */
function columnOf(context: YamlContext, node: Node | YAMLMap): number {
  const first = isMap(node)
    ? ((node.items[0]?.key as Node | undefined)?.range?.[0] ?? node.range?.[0])
    : node.range?.[0];
  const offset = first ?? 0;
  return offset - lineStart(context.lines, offset);
}

/**
 * The end of the last line of a node's content: block scalars and collections report a value end at the
 * start of the next line, so back up over line breaks first. A trailing comment stays on its line.
 */
function lineEndAfter(context: YamlContext, valueEnd: number): number {
  const { text } = context;
  let position = valueEnd;
  while (position > 0 && (text[position - 1] === '\n' || text[position - 1] === '\r')) position--;
  const newline = text.indexOf('\n', position);
  if (newline === -1) return text.length;
  return text[newline - 1] === '\r' ? newline - 1 : newline;
}

/** UUIDs need no quotes, but quoting keeps a value that looks like a number or date a string. */
function quoted(id: string): string {
  return `"${id}"`;
}

// ---- JSON ----

function planJson(text: string, newId: TraceIdSource): FileTagPlan {
  const document = new JsonDocument(text);
  const plan: FileTagPlan = { resources: [], edits: [] };
  for (const [logicalId, body] of document.entries(document.property(document.root, 'Resources'))) {
    const type = document.property(body, 'Type')?.value;
    const style = typeof type === 'string' ? cloudFormationTagStyle(type) : undefined;
    if (!style || body.type !== 'object') continue;
    const resource: TaggableResource = {
      address: `Resources.${logicalId}`,
      line: document.lines.position(body.parent?.offset ?? body.offset).line,
      traced: false,
    };
    plan.resources.push(resource);
    const edit = planJsonResource(document, body, style, resource, newId);
    if (edit) plan.edits.push(edit);
  }
  return plan;
}

function planJsonResource(
  document: JsonDocument,
  body: JsonNode,
  style: 'list' | 'map',
  resource: TaggableResource,
  newId: TraceIdSource,
): TextEdit | undefined {
  const tagValue = () => (style === 'list' ? [{ Key: TRACE_TAG, Value: newId() }] : { [TRACE_TAG]: newId() });
  const properties = document.property(body, 'Properties');
  if (!properties) return document.insertProperty(body, 'Properties', { Tags: tagValue() });
  if (properties.type !== 'object') {
    resource.problem = 'its `Properties` is not an object; add the trace tag by hand';
    return undefined;
  }
  const tags = document.property(properties, 'Tags');
  if (!tags) return document.insertProperty(properties, 'Tags', tagValue());
  if (style === 'list' && tags.type === 'array') {
    resource.traced = (tags.children ?? []).some((item) => isTraceKey(document.property(item, 'Key')?.value));
    return resource.traced ? undefined : document.appendItem(tags, { Key: TRACE_TAG, Value: newId() });
  }
  if (style === 'map' && tags.type === 'object') {
    resource.traced = document.entries(tags).some(([key]) => isTraceKey(key));
    return resource.traced ? undefined : document.insertProperty(tags, TRACE_TAG, newId());
  }
  resource.problem = COMPUTED;
  return undefined;
}
