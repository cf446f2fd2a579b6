import type { LineIndex } from '../core/source.js';
import { parseJson } from '../parsers/json.js';
import type { HclFile } from './ast.js';
import { convertJsonConfig, convertJsonVars } from './json-syntax.js';
import { parseHcl } from './parser.js';

/** Parses a Terraform configuration or variables file, native or JSON syntax, by its name. */
export function parseTerraformText(
  filePath: string,
  text: string,
  lines: LineIndex,
  format: 'terraform' | 'terraform-vars',
): HclFile {
  if (!filePath.toLowerCase().endsWith('.json')) return parseHcl(filePath, text, lines);
  const tree = parseJson(text, lines);
  return format === 'terraform' ? convertJsonConfig(filePath, tree) : convertJsonVars(filePath, tree);
}
