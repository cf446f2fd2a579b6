import { declareCloudFormation } from '../../scanners/cloudformation/declare.js';
import { detectFormat } from '../../scanners/engine/file-format.js';
import type { DeclaredResource } from '../../scanners/model/declared.js';
import { parseSourceFile, type SourceFile, sourceFile } from '../../scanners/parsers/source-file.js';

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

export { lineOf, plainAt, valueAt } from '../helpers/declared.js';
export { detectFormat };
