/** A real git repository with a merge/pull request branch, and a `palisade` command that runs this checkout. */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { packagePath } from '../../scanners/core/package.js';
import { makeTempDir, type TempFiles, writeTempFiles } from '../helpers/tmp.js';

const require = createRequire(import.meta.url);

/** On main: a finding that predates the branch, so diff mode must leave it out. */
export const BASE_FILES: TempFiles = {
  'README.md': '# service\n',
  'legacy.Dockerfile':
    'FROM debian:12\nRUN curl -fsSL https://get.example.com/setup.sh | bash\nCMD ["legacy"]\n',
};

/** On the branch: a Dockerfile piping curl into sh (high) and an AWS key pair (two high secrets). */
export const BRANCH_FILES: TempFiles = {
  'worker.Dockerfile':
    'FROM ubuntu:22.04\nRUN curl -fsSL https://get.example.com/install.sh | sh\nCMD ["app"]\n',
  'deploy.env':
    'aws_access_key_id = AKIAQYLPMN5HHHFPZAM2\naws_secret_access_key = 9zXq8Lm2Vb7Nc4Rt6Yh1Ju3Ki5Ol0Pw2Ae7Sd4Fg\n',
};

export interface GitRepository {
  dir: string;
  baseSha: string;
  git(...args: string[]): string;
  commit(files: TempFiles, message: string): string;
}

/** main with BASE_FILES, then a `feature` branch with `branch` committed on top. */
export function makeRepository(branch: TempFiles = BRANCH_FILES): GitRepository {
  const dir = makeTempDir({}, 'palisade-ext-');
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
    }).trim();
  git('init', '--quiet', '--initial-branch=main');
  git('config', 'user.email', 'dev@example.com');
  git('config', 'user.name', 'Dev');
  git('config', 'commit.gpgsign', 'false');
  const commit = (files: TempFiles, message: string) => {
    writeTempFiles(dir, files);
    git('add', '--all');
    git('commit', '--quiet', '--message', message);
    return git('rev-parse', 'HEAD');
  };
  const baseSha = commit(BASE_FILES, 'base');
  git('checkout', '--quiet', '-b', 'feature');
  commit(branch, 'feature');
  return { dir, baseSha, git, commit };
}

/**
 * A folder holding a `palisade` shell script that runs this repository's CLI from source through tsx,
 * to put first on PATH in place of the npm package.
 */
export function palisadeShim(): string {
  const bin = makeTempDir({}, 'palisade-shim-');
  const loader = require.resolve('tsx');
  const entry = packagePath('scanners/cli/entry.ts');
  const script = path.join(bin, 'palisade');
  mkdirSync(bin, { recursive: true });
  writeFileSync(
    script,
    `#!/bin/sh\nexec "${process.execPath}" --import "file://${loader}" "${entry}" "$@"\n`,
  );
  chmodSync(script, 0o755);
  return bin;
}
