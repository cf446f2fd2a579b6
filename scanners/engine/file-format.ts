import path from 'node:path';
import type { TextSource } from '../core/code-units.js';

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
  'github-repository-settings',
  'yaml',
  'json',
  'text',
] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];

/** Bytes of content looked at to recognise a format. */
const SNIFF_BYTES = 16 * 1024;

/** Detects the format of a file from its relative path and its text. */
export function detectFormat(relativePath: string, text: TextSource): FileFormat {
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
    if (/\.gitlab-ci\.ya?ml$/.test(lower)) return 'gitlab-ci';
  }
  if (isYaml || isJson || isTemplate) {
    const sniffed = sniffStructuredFormat(head, isJson) ?? (isYaml ? sniffPipelineFormat(head) : undefined);
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
  // A repository settings snapshot (scanners/posture/snapshot.ts).
  if (json && /"kind"\s*:\s*"github-repository-settings"/.test(head) && /"schemaVersion"\s*:/.test(head))
    return 'github-repository-settings';
  if (/["']?AWSTemplateFormatVersion["']?\s*:/.test(head)) return 'cloudformation';
  if (
    /["']?Type["']?\s*:\s*["']?(AWS|Alexa)::[A-Za-z0-9]+::/.test(head) &&
    /["']?Resources["']?\s*:/.test(head)
  ) {
    return 'cloudformation';
  }
  if (json && /"\$schema"\s*:\s*"[^"]*deploymentTemplate\.json/i.test(head)) return 'arm';
  // An ARM template without `$schema`: a content version and resources of Microsoft.* types.
  if (json && /"contentVersion"\s*:/.test(head) && /"type"\s*:\s*"Microsoft\.[A-Za-z]+\//i.test(head))
    return 'arm';
  if (json && /"format_version"\s*:/.test(head) && /"terraform_version"\s*:/.test(head))
    return 'terraform-plan';
  if (/^\s*apiVersion\s*:\s*\S/m.test(head) && /^\s*kind\s*:\s*\S/m.test(head)) return 'kubernetes';
  if (json && /"apiVersion"\s*:/.test(head) && /"kind"\s*:/.test(head)) return 'kubernetes';
  return undefined;
}

/**
 * Pipeline files named freely (GitLab files included by `.gitlab-ci.yml`, Azure templates, workflow
 * templates): recognised by the top-level keys only their platform uses together.
 */
function sniffPipelineFormat(head: string): FileFormat | undefined {
  if (/^["']?on["']?\s*:/m.test(head) && /^jobs\s*:/m.test(head) && /^\s+(runs-on|uses)\s*:/m.test(head))
    return 'github-workflow';
  if (/^runs\s*:/m.test(head) && /^\s+using\s*:\s*["']?(composite|node\d+|docker)["']?\s*$/m.test(head))
    return 'github-action';
  if (
    /^(steps|jobs|stages)\s*:[ \t]*\r?\n(?:[ \t]*(?:#.*)?\r?\n)*[ \t]*-[ \t]*(task|script|bash|pwsh|powershell|checkout|template|job|stage|deployment|download|publish)\s*:/m.test(
      head,
    ) ||
    /^extends\s*:[ \t]*\r?\n[ \t]+template\s*:/m.test(head)
  )
    return 'azure-pipelines';
  if (hasGitlabJob(head)) return 'gitlab-ci';
  return undefined;
}

/** A top-level key whose direct children include `script:` (a GitLab job), outside any Azure step list. */
function hasGitlabJob(head: string): boolean {
  let inTopLevelMap = false;
  let childIndent = -1;
  for (const line of head.split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    const indent = line.length - line.trimStart().length;
    if (indent === 0) {
      inTopLevelMap = /^[^\s#-][^:]*:\s*$/.test(line.trimEnd());
      childIndent = -1;
      continue;
    }
    if (!inTopLevelMap) continue;
    if (childIndent === -1) childIndent = indent;
    if (indent === childIndent && /^\s+(script|before_script|after_script)\s*:/.test(line)) return true;
  }
  return false;
}
