/** Runs the bundled action (dist/action/index.js) as the runner does: a node process with GITHUB_* and INPUT_*. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { packagePath } from '../../scanners/core/package.js';

export const BUNDLE = packagePath('dist/action/index.js');

/** Records every native addon the process loads: the bundle must load none. */
const NATIVE_PROBE =
  'data:text/javascript,const load=process.dlopen;process.dlopen=function(m,f){process.stderr.write("NATIVE-ADDON "+f+"\\n");return load.apply(this,arguments)}';

export interface ActionRun {
  status: number;
  stdout: string;
  stderr: string;
  outputs: Map<string, string>;
  summary: string;
  summaryBytes: number;
  /** Workflow commands `::error file=...::`, parsed. */
  annotations: Array<{ level: string; properties: Map<string, string>; message: string }>;
}

export interface RunOptions {
  workspace: string;
  eventName: string;
  event: Record<string, unknown>;
  inputs?: Record<string, string>;
  env?: Record<string, string>;
  apiUrl: string;
  token: string;
}

/** The runner passes every input declared in action.yml, with its default when the workflow sets none. */
function defaultInputs(token: string): Record<string, string> {
  const action = parse(readFileSync(packagePath('action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
  };
  const inputs: Record<string, string> = {};
  // The literal default written in action.yml, which the runner evaluates.
  const tokenDefault = ['$', '{{ github.token }}'].join('');
  for (const [name, input] of Object.entries(action.inputs))
    inputs[name] = input.default === tokenDefault ? token : (input.default ?? '');
  return inputs;
}

export async function runAction(options: RunOptions): Promise<ActionRun> {
  const temp = mkdtempSync(path.join(os.tmpdir(), 'palisade-action-run-'));
  const eventPath = path.join(temp, 'event.json');
  const outputPath = path.join(temp, 'output');
  const summaryPath = path.join(temp, 'summary.md');
  writeFileSync(eventPath, JSON.stringify(options.event));
  writeFileSync(outputPath, '');
  writeFileSync(summaryPath, '');
  const inputs = { ...defaultInputs(options.token), ...options.inputs };
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? temp,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_EVENT_NAME: options.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_REPOSITORY_OWNER: 'acme',
    GITHUB_API_URL: options.apiUrl,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_GRAPHQL_URL: `${options.apiUrl}/graphql`,
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'palisade',
    GITHUB_ACTOR: 'octocat',
    GITHUB_WORKFLOW: 'palisade',
    RUNNER_TEMP: temp,
    RUNNER_OS: 'Linux',
    ...options.env,
  };
  for (const [name, value] of Object.entries(inputs))
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;

  const child = spawn(process.execPath, ['--import', NATIVE_PROBE, BUNDLE], {
    cwd: options.workspace,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const status = await new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)));
  const summary = readFileSync(summaryPath, 'utf8');
  return {
    status,
    stdout,
    stderr,
    outputs: parseOutputs(readFileSync(outputPath, 'utf8')),
    summary,
    summaryBytes: Buffer.byteLength(summary, 'utf8'),
    annotations: parseAnnotations(stdout),
  };
}

/** GITHUB_OUTPUT's `name<<delimiter` blocks. */
function parseOutputs(text: string): Map<string, string> {
  const outputs = new Map<string, string>();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const header = /^([^<]+)<<(.+)$/.exec(lines[i] ?? '');
    if (!header) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== header[2]; i++) value.push(lines[i] ?? '');
    outputs.set(header[1] ?? '', value.join('\n'));
  }
  return outputs;
}

const unescapeData = (text: string) => text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const unescapeProperty = (text: string) => unescapeData(text).replace(/%3A/g, ':').replace(/%2C/g, ',');

function parseAnnotations(stdout: string): ActionRun['annotations'] {
  const annotations: ActionRun['annotations'] = [];
  for (const line of stdout.split('\n')) {
    const match = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!match) continue;
    const properties = new Map<string, string>();
    for (const pair of (match[2] ?? '').split(',').filter(Boolean)) {
      const at = pair.indexOf('=');
      properties.set(pair.slice(0, at), unescapeProperty(pair.slice(at + 1)));
    }
    annotations.push({ level: match[1] ?? '', properties, message: unescapeData(match[3] ?? '') });
  }
  return annotations;
}
