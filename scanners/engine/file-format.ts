import path from 'node:path';

/** What a file is, decided by its name and, where the name is not enough, its content. */
export const FILE_FORMATS = [
  'terraform',
  'terraform-vars',
  'terraform-plan',
  'cloudformation',
  'arm',
  'bicep',
  'kubernetes',
  'dockerfile',
  'github-workflow',
  'github-action',
  'gitlab-ci',
  'azure-pipelines',
  'yaml',
  'json',
  'text',
] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];

/** Bytes of content looked at to recognise a format. */
const SNIFF_BYTES = 16 * 1024;

/** Detects the format of a file from its relative path and its text. */
export function detectFormat(relativePath: string, text: string): FileFormat {
  const base = path.posix.basename(relativePath);
  const lower = base.toLowerCase();
  const head = text.slice(0, SNIFF_BYTES);

  if (lower.endsWith('.tf') || lower.endsWith('.tf.json')) return 'terraform';
  if (lower.endsWith('.tfvars') || lower.endsWith('.tfvars.json')) return 'terraform-vars';
  if (lower.endsWith('.bicep')) return 'bicep';
  if (isDockerfileName(lower)) return 'dockerfile';

  const isYaml = lower.endsWith('.yml') || lower.endsWith('.yaml');
  const isJson = lower.endsWith('.json');
  const isTemplate = lower.endsWith('.template');

  if (isYaml) {
    if (/(^|\/)\.github\/workflows\/[^/]+$/.test(relativePath)) return 'github-workflow';
    if (lower === 'action.yml' || lower === 'action.yaml') return 'github-action';
    if (lower === '.gitlab-ci.yml' || lower === '.gitlab-ci.yaml') return 'gitlab-ci';
    if (/^azure-pipelines([.-].*)?\.ya?ml$/.test(lower)) return 'azure-pipelines';
  }
  if (isYaml || isJson || isTemplate) {
    const sniffed = sniffStructuredFormat(head, isJson);
    if (sniffed) return sniffed;
    if (isTemplate) return head.trimStart().startsWith('{') ? 'json' : 'yaml';
    return isJson ? 'json' : 'yaml';
  }
  if (!path.posix.extname(lower) && looksLikeDockerfile(head)) return 'dockerfile';
  return 'text';
}

function isDockerfileName(lower: string): boolean {
  return (
    lower === 'dockerfile' ||
    lower === 'containerfile' ||
    lower.startsWith('dockerfile.') ||
    lower.endsWith('.dockerfile') ||
    lower.endsWith('.containerfile')
  );
}

/** The first instruction of a Dockerfile is FROM, or ARG before FROM. */
function looksLikeDockerfile(head: string): boolean {
  for (const raw of head.split('\n', 50)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    return /^(FROM|ARG)\s+\S/i.test(line) && /^\s*FROM\s+\S/im.test(head);
  }
  return false;
}

function sniffStructuredFormat(head: string, json: boolean): FileFormat | undefined {
  if (/["']?AWSTemplateFormatVersion["']?\s*:/.test(head)) return 'cloudformation';
  if (
    /["']?Type["']?\s*:\s*["']?(AWS|Alexa)::[A-Za-z0-9]+::/.test(head) &&
    /["']?Resources["']?\s*:/.test(head)
  ) {
    return 'cloudformation';
  }
  if (json && /"\$schema"\s*:\s*"[^"]*deploymentTemplate\.json/i.test(head)) return 'arm';
  if (json && /"format_version"\s*:/.test(head) && /"terraform_version"\s*:/.test(head))
    return 'terraform-plan';
  if (/^\s*apiVersion\s*:\s*\S/m.test(head) && /^\s*kind\s*:\s*\S/m.test(head)) return 'kubernetes';
  if (json && /"apiVersion"\s*:/.test(head) && /"kind"\s*:/.test(head)) return 'kubernetes';
  return undefined;
}
