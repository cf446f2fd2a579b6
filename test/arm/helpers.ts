import { declareArm } from '../../scanners/arm/declare.js';
import type { DeclaredResource } from '../../scanners/model/declared.js';
import { nodeAt } from '../../scanners/model/kinds.js';
import { parseSourceFile, type SourceFile, sourceFile } from '../../scanners/parsers/source-file.js';
import { type TreeNode, toPlain } from '../../scanners/parsers/tree.js';

export const SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';

/** An ARM template text from its sections, formatted as people write it. */
export function template(sections: Record<string, unknown>): string {
  return `${JSON.stringify({ $schema: SCHEMA, contentVersion: '1.0.0.0', ...sections }, null, 2)}\n`;
}

/** A parsed ARM source file. */
export function armFile(text: string, path = 'azuredeploy.json'): SourceFile {
  const file = sourceFile(path, 'arm', text);
  parseSourceFile(file);
  return file;
}

/** The declared resources of a template text. */
export function declare(text: string): DeclaredResource[] {
  return declareArm(armFile(text));
}

/** The resource with this address; fails the test when absent. */
export function byAddress(resources: DeclaredResource[], address: string): DeclaredResource {
  const found = resources.find((r) => r.address === address);
  if (!found) throw new Error(`no resource ${address}; have ${resources.map((r) => r.address).join(', ')}`);
  return found;
}

/** The node at a dotted path of a resource body. */
export function valueAt(resource: DeclaredResource, path: string): TreeNode | undefined {
  return nodeAt(resource.body, path.split('.'));
}

/** The plain value at a path, or `unknown` (with refs) for an unknown node. */
export function plainAt(resource: DeclaredResource, path: string): unknown {
  const node = valueAt(resource, path);
  if (!node) return undefined;
  if (node.kind === 'unknown') return { unknown: node.refs ?? [] };
  return toPlain(node);
}

/** The 1-based line of the first occurrence of `needle`. */
export function lineOf(text: string, needle: string, from = 0): number {
  const at = text.indexOf(needle, from);
  if (at < 0) throw new Error(`${needle} not in text`);
  return text.slice(0, at).split('\n').length;
}
