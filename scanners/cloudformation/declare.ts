import { FileError } from '../core/errors.js';
import type { Range } from '../core/types.js';
import type { DeclaredResource } from '../model/declared.js';
import type { SourceFile } from '../parsers/source-file.js';
import { child, type MapEntry, type MapNode, scalar } from '../parsers/tree.js';
import { CfnTemplate } from './evaluate.js';
import { expandResources, usesLanguageExtensions } from './foreach.js';
import { mergeGlobals, samGlobals } from './sam.js';

/** Resources declared per file at most. */
export const MAX_RESOURCES = 10_000;

/**
 * The resources of a CloudFormation (or SAM) template: the body is the evaluated `Properties` map (SAM
 * Globals merged in), and resources whose `Condition` is known to be false are left out.
 */
export function declareCloudFormation(file: SourceFile): DeclaredResource[] {
  const declared: DeclaredResource[] = [];
  let textLines: string[] | undefined;
  const lines = () => {
    textLines ??= file.text.split('\n');
    return textLines;
  };
  for (const { tree } of file.documents) {
    if (!tree) continue;
    if (tree.kind !== 'map') throw malformed('a template is a map of sections', tree.range);
    const resources = child(tree, 'Resources');
    if (!resources) continue;
    if (resources.kind !== 'map')
      throw malformed('`Resources` must be a map of logical ids', resources.range);
    const template = new CfnTemplate(tree);
    const globals = samGlobals(tree, template);
    const entries = usesLanguageExtensions(tree) ? expandResources(resources, template) : resources.entries;
    for (const resource of entries) {
      const node = resource.value;
      const type = scalar(child(node, 'Type'));
      // A resource without a Type declares nothing a rule could check; CloudFormation itself rejects it.
      if (node.kind !== 'map' || typeof type !== 'string' || !type) continue;
      const condition = scalar(child(node, 'Condition'));
      if (typeof condition === 'string' && template.condition(condition) === false) continue;
      if (declared.length >= MAX_RESOURCES) {
        throw new FileError(
          'too-large',
          `template declares more than ${MAX_RESOURCES} resources`,
          resource.keyRange.startLine,
        );
      }
      declared.push({
        family: 'cloudformation',
        type,
        address: `Resources.${resource.key}`,
        file: file.path,
        range: trimmed(
          { ...resource.keyRange, endLine: node.range.endLine, endColumn: node.range.endColumn },
          lines(),
        ),
        headerRange: resource.keyRange,
        body: propertiesOf(template, node, globals.get(type)),
        refKeys: [resource.key],
      });
    }
  }
  return declared;
}

function propertiesOf(template: CfnTemplate, resource: MapNode, global: MapNode | undefined): MapNode {
  const properties = child(resource, 'Properties');
  const body: MapNode = (properties && template.properties(properties)) || {
    kind: 'map',
    range: properties?.range ?? resource.range,
    entries: [] as MapEntry[],
  };
  return global ? mergeGlobals(global, body) : body;
}

/** A YAML block ends at the start of the next line; the resource ends at the end of its last line. */
function trimmed(range: Range, lines: string[]): Range {
  if (range.endColumn !== 1 || range.endLine <= range.startLine) return range;
  const endLine = range.endLine - 1;
  return { ...range, endLine, endColumn: (lines[endLine - 1] ?? '').replace(/\r$/, '').length + 1 };
}

function malformed(message: string, range: Range): FileError {
  return new FileError(
    'parse-failed',
    `malformed CloudFormation template: ${message}`,
    range.startLine,
    'Fix the template structure at this line.',
  );
}
