import { declareArm } from '../../scanners/arm/declare.js';
import type { DeclaredResource } from '../../scanners/model/declared.js';
import { parseSourceFile, type SourceFile, sourceFile } from '../../scanners/parsers/source-file.js';

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

export { lineOf, plainAt, valueAt } from '../helpers/declared.js';
