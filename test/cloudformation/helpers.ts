import { declareCloudFormation } from '../../scanners/cloudformation/declare.js';
import { detectFormat } from '../../scanners/engine/file-format.js';
import type { DeclaredResource } from '../../scanners/model/declared.js';
import { nodeAt } from '../../scanners/model/kinds.js';
import { parseSourceFile, type SourceFile, sourceFile } from '../../scanners/parsers/source-file.js';
import { type TreeNode, toPlain } from '../../scanners/parsers/tree.js';

/** A parsed CloudFormation source file (YAML or JSON by content). */
export function cfnFile(text: string, path = 'template.yaml'): SourceFile {
  const file = sourceFile(path, 'cloudformation', text);
  parseSourceFile(file);
  return file;
}

/** The declared resources of a template text. */
export function declare(text: string, path = 'template.yaml'): DeclaredResource[] {
  return declareCloudFormation(cfnFile(text, path));
}

/** The resource with this logical id; fails the test when absent. */
export function resource(resources: DeclaredResource[], logicalId: string): DeclaredResource {
  const found = resources.find((r) => r.address === `Resources.${logicalId}`);
  if (!found) throw new Error(`no resource ${logicalId}; have ${resources.map((r) => r.address).join(', ')}`);
  return found;
}

/** The node at a dotted path of a resource body. */
export function valueAt(declared: DeclaredResource, path: string): TreeNode | undefined {
  return nodeAt(declared.body, path.split('.'));
}

/** The plain value at a path, or `{ unknown: refs }` for an unknown node. */
export function plainAt(declared: DeclaredResource, path: string): unknown {
  const node = valueAt(declared, path);
  if (!node) return undefined;
  if (node.kind === 'unknown') return { unknown: node.refs ?? [] };
  return toPlain(node);
}

/** The 1-based line of the first occurrence of `needle` (after `from`). */
export function lineOf(text: string, needle: string, from = 0): number {
  const at = text.indexOf(needle, from);
  if (at < 0) throw new Error(`${needle} not in text`);
  return text.slice(0, at).split('\n').length;
}

export { detectFormat };
