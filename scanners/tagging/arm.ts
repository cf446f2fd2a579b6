import { TRACE_TAG_KEYS } from '../core/types.js';
import type { TextEdit } from './edits.js';
import { JsonDocument, type JsonNode } from './json-edits.js';
import { armTaggable } from './taggable.js';
import { type FileTagPlan, isTraceKey, TRACE_TAG, type TraceIdSource } from './types.js';

/** Nested `resources` arrays deeper than this are not real templates. */
const MAX_DEPTH = 16;
const TRACE_IN_EXPRESSION = new RegExp(`'(${TRACE_TAG_KEYS.join('|')})'`);

/**
 * Plans trace tags for an ARM template: every tracked resource (one with a `location`) gets
 * `"tags": {"palisade_trace": "…"}`, a key in its literal `tags` object, or, when `tags` is an expression,
 * `[union(<expr>, createObject('palisade_trace', '…'))]`. Child resources are visited; inline nested
 * deployment templates are not (tag them in their own files). Throws FileError when the JSON is invalid.
 */
export function planArmTags(text: string, newId: TraceIdSource): FileTagPlan {
  const document = new JsonDocument(text);
  const plan: FileTagPlan = { resources: [], edits: [] };
  visitResources(document, document.property(document.root, 'resources'), plan, newId, 0);
  return plan;
}

function visitResources(
  document: JsonDocument,
  resources: JsonNode | undefined,
  plan: FileTagPlan,
  newId: TraceIdSource,
  depth: number,
): void {
  if (!resources || depth > MAX_DEPTH) return;
  // languageVersion 2.0 keys resources by symbolic name.
  const list =
    resources.type === 'array'
      ? (resources.children ?? [])
      : document.entries(resources).map(([, value]) => value);
  for (const resource of list) {
    if (resource.type !== 'object') continue;
    const type = document.property(resource, 'type')?.value;
    if (typeof type !== 'string') continue;
    const hasLocation = document.property(resource, 'location') !== undefined;
    if (armTaggable(type, hasLocation)) planResource(document, resource, type, plan, newId);
    visitResources(document, document.property(resource, 'resources'), plan, newId, depth + 1);
  }
}

function planResource(
  document: JsonDocument,
  resource: JsonNode,
  type: string,
  plan: FileTagPlan,
  newId: TraceIdSource,
): void {
  const name = document.property(resource, 'name')?.value;
  const address = `${type}/${typeof name === 'string' ? name : '?'}`;
  const line = document.lines.position(resource.offset).line;
  const tags = document.property(resource, 'tags');
  if (!tags) {
    plan.resources.push({ address, line, traced: false });
    plan.edits.push(document.insertProperty(resource, 'tags', { [TRACE_TAG]: newId() }));
    return;
  }
  if (tags.type === 'object') {
    const traced = document.entries(tags).some(([key]) => isTraceKey(key));
    plan.resources.push({ address, line, traced });
    if (!traced) plan.edits.push(document.insertProperty(tags, TRACE_TAG, newId()));
    return;
  }
  if (tags.type === 'string' && isExpression(tags.value as string)) {
    const expression = tags.value as string;
    const traced = TRACE_IN_EXPRESSION.test(expression);
    plan.resources.push({ address, line, traced });
    if (!traced) plan.edits.push(wrapExpression(tags, expression, newId()));
    return;
  }
  plan.resources.push({
    address,
    line,
    traced: false,
    problem: '`tags` is neither an object nor an expression; add the trace tag by hand',
  });
}

/** `[expr]` is an ARM expression; `[[` escapes a literal bracket. */
function isExpression(value: string): boolean {
  return value.startsWith('[') && !value.startsWith('[[') && value.endsWith(']');
}

function wrapExpression(node: JsonNode, expression: string, id: string): TextEdit {
  const inner = expression.slice(1, -1).trim();
  const wrapped = `[union(${inner}, createObject('${TRACE_TAG}', '${id}'))]`;
  return { start: node.offset, end: node.offset + node.length, text: JSON.stringify(wrapped) };
}
