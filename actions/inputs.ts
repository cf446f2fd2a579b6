/** The action's inputs, read and checked once: a bad value is a usage error before anything runs. */
import path from 'node:path';
import * as core from '@actions/core';
import { SEVERITIES, type Severity } from '../scanners/core/types.js';

export interface ActionInputs {
  /** Absolute folder to scan. */
  root: string;
  config?: string;
  /** Undefined: the config's fail-on. */
  failOn?: Severity | 'none';
  diffOnly: boolean;
  comment: boolean;
  annotations: boolean;
  /** Absolute path of the SARIF file, and the path as given (the output). */
  sarifFile: string;
  sarifOutput: string;
  baseline?: string;
  token: string;
  serverUrl?: string;
  serverToken?: string;
}

/** Events where `diff-only` defaults to true: the change under review is a pull request. */
const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target', 'merge_group']);

export function readInputs(workspace: string, eventName: string): ActionInputs {
  const inWorkspace = (value: string) => path.resolve(workspace, value);
  const optional = (name: string) => core.getInput(name) || undefined;
  const sarifOutput = core.getInput('sarif-file') || 'palisade.sarif';
  const serverToken = optional('server-token');
  if (serverToken) core.setSecret(serverToken);
  return {
    root: inWorkspace(core.getInput('path') || '.'),
    config: optional('config') && inWorkspace(core.getInput('config')),
    failOn: parseFailOn(core.getInput('fail-on')),
    diffOnly: parseBoolean('diff-only', PULL_REQUEST_EVENTS.has(eventName)),
    comment: parseBoolean('comment', true),
    annotations: parseBoolean('annotations', true),
    sarifFile: inWorkspace(sarifOutput),
    sarifOutput,
    baseline: optional('baseline') && inWorkspace(core.getInput('baseline')),
    token: core.getInput('token'),
    serverUrl: optional('server-url'),
    serverToken,
  };
}

function parseFailOn(value: string): Severity | 'none' | undefined {
  const text = value.trim().toLowerCase();
  if (!text) return undefined;
  if (text === 'none' || (SEVERITIES as readonly string[]).includes(text)) return text as Severity | 'none';
  throw new InputError(`fail-on must be one of ${[...SEVERITIES, 'none'].join(', ')}, not "${value}"`);
}

/** YAML 1.2 core booleans as the runner passes them; empty means the default. */
function parseBoolean(name: string, fallback: boolean): boolean {
  const text = core.getInput(name).trim();
  if (!text) return fallback;
  if (['true', 'True', 'TRUE'].includes(text)) return true;
  if (['false', 'False', 'FALSE'].includes(text)) return false;
  throw new InputError(`${name} must be true or false, not "${text}"`);
}

export class InputError extends Error {}
