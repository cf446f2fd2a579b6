import { DockerfileParser } from 'dockerfile-ast';
import { LineIndex } from '../core/source.js';
import type { FileFormat } from '../engine/file-format.js';
import type { HclFile } from '../terraform/ast.js';
import { parseTerraformText } from '../terraform/parse-file.js';
import { parseJson } from './json.js';
import type { TreeNode } from './tree.js';
import { parseYaml } from './yaml.js';

export interface ParsedDocument {
  /** Undefined for an empty YAML document. */
  tree: TreeNode | undefined;
}

/** One file of a scan unit, with its text and, for structured formats, its parsed documents. */
export interface SourceFile {
  /** Relative to the scan root, forward slashes. */
  path: string;
  format: FileFormat;
  text: string;
  lines: LineIndex;
  /** YAML or JSON documents (a YAML stream may hold several). */
  documents: ParsedDocument[];
  dockerfile?: ReturnType<typeof DockerfileParser.parse>;
  /** Terraform configuration or variables (native or JSON syntax), converted from the parse tree. */
  terraform?: HclFile;
}

const YAML_FORMATS = new Set<FileFormat>([
  'kubernetes',
  'github-workflow',
  'github-action',
  'gitlab-ci',
  'azure-pipelines',
  'yaml',
]);
const JSON_FORMATS = new Set<FileFormat>(['arm', 'terraform-plan', 'github-repository-settings', 'json']);

/** A file with its text and line index, not yet parsed. */
export function sourceFile(filePath: string, format: FileFormat, text: string): SourceFile {
  return { path: filePath, format, text, lines: new LineIndex(text), documents: [] };
}

/** True when the format has a parser (the others are checked as text only). */
export function isParsable(format: FileFormat): boolean {
  return (
    JSON_FORMATS.has(format) ||
    YAML_FORMATS.has(format) ||
    format === 'cloudformation' ||
    format === 'dockerfile' ||
    format === 'terraform' ||
    format === 'terraform-vars'
  );
}

/** Parses a file's text according to its format, in place. Throws FileError on malformed input. */
export function parseSourceFile(file: SourceFile): void {
  const { format, text, lines } = file;
  const json = JSON_FORMATS.has(format) || (format === 'cloudformation' && text.trimStart().startsWith('{'));
  if (json) {
    file.documents = [{ tree: parseJson(text, lines) }];
  } else if (YAML_FORMATS.has(format) || format === 'cloudformation') {
    file.documents = parseYaml(text, lines).map((doc) => ({ tree: doc.tree }));
  } else if (format === 'dockerfile') {
    file.dockerfile = DockerfileParser.parse(text);
  } else if (format === 'terraform' || format === 'terraform-vars') {
    file.terraform = parseTerraformText(file.path, text, lines, format);
  }
}
