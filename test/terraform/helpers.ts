import { FileError } from '../../scanners/core/errors.js';
import { detectFormat } from '../../scanners/engine/file-format.js';
import type { DeclaredResource } from '../../scanners/model/declared.js';
import { parseSourceFile, type SourceFile, sourceFile } from '../../scanners/parsers/source-file.js';
import { child, type TreeNode, toPlain } from '../../scanners/parsers/tree.js';
import {
  declareTerraformUnit,
  initTerraformParser,
  type TerraformUnitOptions,
} from '../../scanners/terraform/index.js';

export interface Declared {
  resources: DeclaredResource[];
  errors: Array<{ file: string; code?: string; line?: number; message: string }>;
}

/** Parses files of one Terraform folder and evaluates them as a unit. */
export async function declare(
  files: Record<string, string>,
  options: TerraformUnitOptions = {},
): Promise<Declared> {
  await initTerraformParser();
  const errors: Declared['errors'] = [];
  const parsed: SourceFile[] = [];
  for (const [name, text] of Object.entries(files)) {
    const file = sourceFile(name, detectFormat(name, text), text);
    try {
      parseSourceFile(file);
      parsed.push(file);
    } catch (error) {
      const e = error as FileError;
      errors.push({ file: name, code: e.code, line: e.line, message: e.message });
    }
  }
  const resources = declareTerraformUnit(parsed, options, (file, error) =>
    errors.push({
      file: file.path,
      code: error instanceof FileError ? error.code : undefined,
      line: error instanceof FileError ? error.line : undefined,
      message: error.message,
    }),
  );
  return { resources, errors };
}

/** The evaluated node of `value = <expression>` in a resource, with `preamble` declared beside it. */
export async function evaluate(expression: string, preamble = ''): Promise<TreeNode> {
  const { resources, errors } = await declare({
    'main.tf': `${preamble}\nresource "test_thing" "t" {\n  value = ${expression}\n}\n`,
  });
  if (errors.length) throw new Error(JSON.stringify(errors));
  const value = child(resources[0]?.body, 'value');
  if (!value) throw new Error('no value');
  return value;
}

/** The plain value of an expression; throws when it is unknown anywhere. */
export async function plain(expression: string, preamble = ''): Promise<unknown> {
  const node = await evaluate(expression, preamble);
  if (containsUnknown(node)) throw new Error(`unknown: ${JSON.stringify(node)}`);
  return toPlain(node);
}

export function containsUnknown(node: TreeNode): boolean {
  if (node.kind === 'unknown') return true;
  if (node.kind === 'seq') return node.items.some(containsUnknown);
  if (node.kind === 'map') return node.entries.some((e) => containsUnknown(e.value));
  return false;
}

export function byAddress(resources: DeclaredResource[], address: string): DeclaredResource {
  const found = resources.find((r) => r.address === address);
  if (!found) throw new Error(`no ${address} in ${resources.map((r) => r.address).join(', ')}`);
  return found;
}
