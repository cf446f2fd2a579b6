/**
 * The repository's Palisade configuration for the App: `.github/palisade.yml` read with Probot's config
 * support (from the default branch, with the organisation's `.github` repository as fallback and `_extends`),
 * else `.palisade.yml` at the top of the default branch; validated with the same schema as `.palisade.yml`.
 * It is always read from the default branch, so a pull request cannot loosen the policy that judges it.
 */
import path from 'node:path';
import type { ProbotOctokit } from 'probot';
import { stringify } from 'yaml';
import { defaultConfig, type PalisadeConfig, parseConfig } from '../scanners/config/config.js';
import { UsageError } from '../scanners/core/errors.js';
import type { RepositoryRef } from './content.js';
import { readFileOnBranch } from './workspace.js';

const APP_CONFIG_FILE = 'palisade.yml';

export interface RepositoryConfig {
  config: PalisadeConfig;
  /** Where it came from, for the summary: `.github/palisade.yml`, `.palisade.yml` or `defaults`. */
  source: string;
  /** Settings the App does not apply, with why. */
  notes: string[];
}

/** A configuration file that does not validate: the check run says so and fails. */
export class ConfigError extends Error {}

/**
 * Merges configs from the most basic (an `_extends` target, the organisation's) to the repository's own:
 * maps merge key by key, anything else (lists included) is replaced by the later file's value.
 */
export function mergeConfigs(configs: readonly unknown[]): unknown {
  const isMap = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value);
  return configs.reduce<unknown>((merged, next) => {
    if (!isMap(merged) || !isMap(next)) return next;
    const out: Record<string, unknown> = Object.create(null);
    for (const [key, value] of Object.entries(merged)) out[key] = value;
    for (const [key, value] of Object.entries(next))
      out[key] = key in out ? mergeConfigs([out[key], value]) : value;
    return out;
  }, undefined);
}

/**
 * Reads and validates the configuration. Paths in it (baseline, Terraform var files) are relative to the top
 * of the repository, which is `folder` in the scan.
 */
export async function loadRepositoryConfig(
  octokit: ProbotOctokit,
  repository: RepositoryRef,
  folder: string,
): Promise<RepositoryConfig> {
  let raw: unknown;
  let source = `.github/${APP_CONFIG_FILE}`;
  try {
    // What Probot's context.config() does, for events without a repository payload too (installations).
    const { files, config } = await octokit.config.get({
      ...repository,
      path: `.github/${APP_CONFIG_FILE}`,
      defaults: (configs) => mergeConfigs(configs) as Record<string, unknown>,
    });
    raw = files.some((file) => file.config !== null) ? config : undefined;
  } catch (error) {
    throw new ConfigError(`${source}: ${(error as Error).message}`);
  }
  let text: string | undefined;
  if (raw === undefined) {
    text = await readFileOnBranch(octokit, repository, '.palisade.yml');
    if (text === undefined) return { config: defaultConfig(), source: 'defaults', notes: [] };
    source = '.palisade.yml';
  }
  let config: PalisadeConfig;
  const file = path.join(folder, '.palisade.yml');
  try {
    config = parseConfig(text ?? stringify(raw), file);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    throw new ConfigError(error.message.split(file).join(source));
  }
  const notes: string[] = [];
  if (config.customRules) {
    notes.push('`custom-rules` is not applied by the App: it never loads code or rules from a repository.');
    config = { ...config, customRules: undefined };
  }
  return { config, source, notes };
}
