/** Test helpers: a temporary project folder, and main() run with captured streams. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CliIo } from '../../scanners/cli/io.js';
import { main } from '../../scanners/cli/main.js';
import { enableOnlyConfig } from '../helpers/rules.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `palisade ...args` in `cwd` with no terminal, an empty environment unless given, and captured output. */
export async function runCli(args: string[], cwd: string, io: Partial<CliIo> = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(['node', 'palisade', ...args], {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    isTTY: { stdout: false, stderr: false },
    env: {},
    cwd,
    columns: 100,
    ...io,
  });
  return { code, stdout, stderr };
}

/** The rules the CLI tests run: one per input format, each with a known finding in the samples below. */
export const CLI_RULE_IDS = ['PAL-K8S-001', 'PAL-DOCKER-001', 'PAL-AWS-S3-001', 'PAL-SECRET-001'];

/**
 * `.palisade.yml` text that runs only CLI_RULE_IDS, as a user would restrict rules, so a growing catalogue
 * does not change what these tests see. The file leaves itself out of the scan, so file counts are those of
 * the project. `extra` adds settings (other than `rules` and `exclude`).
 */
export function cliConfig(extra = ''): string {
  return enableOnlyConfig(CLI_RULE_IDS, `exclude: ['.palisade.yml']\n${extra}`);
}

/**
 * A temporary folder with these files (paths relative to it); `remove` deletes it. Unless `files` has its
 * own `.palisade.yml` or `config` is false, it gets cliConfig() as `.palisade.yml`.
 */
export function tempProject(
  files: Record<string, string> = {},
  { config = true }: { config?: boolean } = {},
): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'palisade-cli-'));
  const withConfig =
    config && !('.palisade.yml' in files) ? { '.palisade.yml': cliConfig(), ...files } : files;
  for (const [file, text] of Object.entries(withConfig)) {
    const full = path.join(dir, file);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A Dockerfile with an unpinned base image: one medium PAL-DOCKER-001 finding on line 1. */
export const UNPINNED_DOCKERFILE = 'FROM ubuntu\nRUN echo hello\n';

/** A privileged Pod: one high PAL-K8S-001 finding on line 9. */
export const PRIVILEGED_POD = `apiVersion: v1
kind: Pod
metadata:
  name: debug
spec:
  containers:
    - name: shell
      image: busybox:1.36
      securityContext: { privileged: true }
`;

/** The same Pod with the finding suppressed inline. */
export const SUPPRESSED_POD = PRIVILEGED_POD.replace(
  '      securityContext: { privileged: true }',
  '      # palisade:ignore PAL-K8S-001 debug pod, never deployed\n      securityContext: { privileged: true }',
);

/** An AWS access key id in code: one high PAL-SECRET-001 finding on line 1. */
export const LEAKED_KEY = 'aws_access_key_id = "AKIAQWERTYUIOPASDFGH"\n';
