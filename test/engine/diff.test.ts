import { execFileSync } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../scanners/core/errors.js';
import { parseUnifiedDiff, touchesChange } from '../../scanners/engine/diff.js';
import { scan } from '../../scanners/engine/scan.js';
import { makeTempDir, removeTempDirs, type TempFiles, writeTempFiles } from '../helpers/tmp.js';
import {
  AWS_KEY,
  AWS_KEY_ID,
  deployment,
  engineRules,
  findingSites,
  K8S_PRIVILEGED,
  lineOf,
  OTHER_AWS_KEY,
  privilegedPod,
} from './sources.js';

afterAll(removeTempDirs);

const RULES = engineRules();

function git(cwd: string, ...args: string[]): string {
  const identity = [
    '-c',
    'user.email=test@palisade.dev',
    '-c',
    'user.name=Palisade Test',
    '-c',
    'commit.gpgsign=false',
  ];
  return execFileSync('git', [...identity, ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function newRepo(files: TempFiles): string {
  const repo = makeTempDir(files);
  git(repo, 'init', '-q', '-b', 'main');
  commitAll(repo, 'base');
  return repo;
}

function commitAll(repo: string, message: string): void {
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', message);
}

const APP_BEFORE = deployment('app', [
  { name: 'app', privileged: true },
  { name: 'sidecar', image: 'registry.example.com/proxy:2.0.0' },
]);
const APP_AFTER = deployment('app', [
  { name: 'app', privileged: true },
  { name: 'sidecar', image: 'registry.example.com/proxy:2.0.0' },
  { name: 'debug', privileged: true, image: 'busybox:1.36' },
]);
const KEYS_BEFORE = `# service credentials\nAWS_ACCESS_KEY_ID=${AWS_KEY}\nREGION=eu-west-1\n`;
const KEYS_AFTER = KEYS_BEFORE.replace('eu-west-1', 'eu-central-1');

describe('diff mode on a git repository', () => {
  let repo: string;
  let mergeBase: string;

  beforeAll(() => {
    repo = newRepo({
      'k8s/app.yaml': APP_BEFORE,
      'k8s/other.yaml': privilegedPod('other'),
      'config/keys.txt': KEYS_BEFORE,
      'docker/Dockerfile': 'FROM ubuntu\nRUN apt-get update\n',
    });
    mergeBase = git(repo, 'rev-parse', 'HEAD').trim();

    git(repo, 'checkout', '-q', '-b', 'feature');
    writeTempFiles(repo, { 'k8s/app.yaml': APP_AFTER, 'k8s/new.yaml': privilegedPod('new') });
    commitAll(repo, 'feature: debug container and a new pod');

    // main moves on after the branch point: a fix of other.yaml (which, compared with main's tip, would make
    // feature's unchanged privileged line look added) and a new file with a finding.
    git(repo, 'checkout', '-q', 'main');
    writeTempFiles(repo, {
      'k8s/other.yaml': privilegedPod('other').replace('privileged: true', 'privileged: false'),
      'k8s/main-only.yaml': privilegedPod('main-only'),
    });
    commitAll(repo, 'main: fix other, add main-only');
    git(repo, 'checkout', '-q', 'feature');

    // Uncommitted work: an unrelated edit, a staged new file, an untracked new file.
    writeTempFiles(repo, {
      'config/keys.txt': KEYS_AFTER,
      'k8s/staged.yaml': privilegedPod('staged'),
      'scratch/new-key.txt': `key=${OTHER_AWS_KEY}\n`,
    });
    git(repo, 'add', 'k8s/staged.yaml');
  });

  const privilegedLine = (text: string, nth = 1) => lineOf(text, 'privileged: true', nth);

  it('reports only findings on changed lines, and those in new, staged and untracked files', async () => {
    const result = await scan({ root: repo, diffBase: 'main', jobs: 1, rules: RULES });

    expect(findingSites(result)).toEqual([
      `${K8S_PRIVILEGED} k8s/app.yaml:${privilegedLine(APP_AFTER, 2)}`,
      `${K8S_PRIVILEGED} k8s/new.yaml:${privilegedLine(privilegedPod('new'))}`,
      `${K8S_PRIVILEGED} k8s/staged.yaml:${privilegedLine(privilegedPod('staged'))}`,
      `${AWS_KEY_ID} scratch/new-key.txt:1`,
    ]);
    // The unchanged `app` container in app.yaml and the untouched key line in keys.txt.
    expect(result.stats.outsideDiff).toBe(2);
    expect(result.diff).toEqual({ base: 'main', mergeBase, scope: 'lines', changedFiles: 5 });
    // Only the changed files are read at all.
    expect(result.stats.filesScanned).toBe(5);
  });

  it('reports every finding of a changed file with diffScope `files`, and never one of an unchanged file', async () => {
    const result = await scan({ root: repo, diffBase: 'main', diffScope: 'files', jobs: 1, rules: RULES });

    expect(findingSites(result)).toEqual([
      `${AWS_KEY_ID} config/keys.txt:${lineOf(KEYS_AFTER, AWS_KEY)}`,
      `${K8S_PRIVILEGED} k8s/app.yaml:${privilegedLine(APP_AFTER, 1)}`,
      `${K8S_PRIVILEGED} k8s/app.yaml:${privilegedLine(APP_AFTER, 2)}`,
      `${K8S_PRIVILEGED} k8s/new.yaml:${privilegedLine(privilegedPod('new'))}`,
      `${K8S_PRIVILEGED} k8s/staged.yaml:${privilegedLine(privilegedPod('staged'))}`,
      `${AWS_KEY_ID} scratch/new-key.txt:1`,
    ]);
    expect(result.stats.outsideDiff).toBe(0);
    expect(result.diff?.scope).toBe('files');
  });

  it('reports all findings of the same tree without diffBase, so the filtering above is the diff at work', async () => {
    const result = await scan({ root: repo, jobs: 1, rules: RULES });

    const files = new Set(result.findings.map((f) => f.location.file));
    expect([...files].sort()).toEqual([
      'config/keys.txt',
      'docker/Dockerfile',
      'k8s/app.yaml',
      'k8s/new.yaml',
      'k8s/other.yaml',
      'k8s/staged.yaml',
      'scratch/new-key.txt',
    ]);
    expect(result.diff).toBeUndefined();
  });

  it('reports paths relative to a root below the top of the work tree, and leaves out changes outside it', async () => {
    const result = await scan({ root: path.join(repo, 'k8s'), diffBase: 'main', jobs: 1, rules: RULES });

    expect(findingSites(result)).toEqual([
      `${K8S_PRIVILEGED} app.yaml:${privilegedLine(APP_AFTER, 2)}`,
      `${K8S_PRIVILEGED} new.yaml:${privilegedLine(privilegedPod('new'))}`,
      `${K8S_PRIVILEGED} staged.yaml:${privilegedLine(privilegedPod('staged'))}`,
    ]);
    expect(result.diff?.changedFiles).toBe(3);
  });

  it('accepts a commit id as the base', async () => {
    const result = await scan({ root: repo, diffBase: mergeBase, jobs: 1, rules: RULES });

    expect(result.findings).toHaveLength(4);
    expect(result.diff?.mergeBase).toBe(mergeBase);
  });

  it.each([
    ['an unknown ref', 'no-such-branch'],
    ['an option in disguise', '--output=/tmp/palisade-pwned'],
    ['a blank ref', ' '],
  ])('throws a UsageError for %s', async (_what, ref) => {
    await expect(scan({ root: repo, diffBase: ref, jobs: 1, rules: RULES })).rejects.toThrow(UsageError);
  });

  it('throws a UsageError outside a git work tree', async () => {
    const notARepo = makeTempDir({ 'pod.yaml': privilegedPod('x') });

    await expect(scan({ root: notARepo, diffBase: 'main', jobs: 1, rules: RULES })).rejects.toThrow(
      UsageError,
    );
  });

  // Bug: diff.ts changedSince() relativises git's paths against path.resolve(root), but git reports the
  // top-level folder with symlinks resolved, so through a symlinked root every path starts with ../ and
  // is dropped: nothing counts as changed and every finding disappears.
  it('works when the root is reached through a symbolic link', async () => {
    const link = path.join(makeTempDir(), 'repo-link');
    symlinkSync(repo, link);

    const result = await scan({ root: link, diffBase: 'main', jobs: 1, rules: RULES });

    expect(result.findings).toHaveLength(4);
  });
});

describe('diff mode with file names git writes specially', () => {
  // Bug: git appends a TAB to the ---/+++ lines of a name with a space (GNU diff convention), and
  // parseUnifiedDiff keeps it, so the file is never matched: its unit is not even scanned.
  it('reports a new finding in a changed file whose name has a space', async () => {
    const repo = newRepo({ 'k8s/my app.yaml': APP_BEFORE });
    writeTempFiles(repo, { 'k8s/my app.yaml': APP_AFTER });

    const result = await scan({ root: repo, diffBase: 'main', jobs: 1, rules: RULES });

    expect(findingSites(result)).toEqual([
      `${K8S_PRIVILEGED} k8s/my app.yaml:${lineOf(APP_AFTER, 'privileged', 2)}`,
    ]);
  });

  // Bug: changedSince() does not pin the diff prefixes, so with diff.mnemonicPrefix=true in the user's git
  // config the +++ lines read `w/<path>` instead of `b/<path>` and no tracked change is ever matched.
  it('is not misled by the diff.mnemonicPrefix git setting', async () => {
    const repo = newRepo({ 'k8s/app.yaml': APP_BEFORE });
    git(repo, 'config', 'diff.mnemonicPrefix', 'true');
    writeTempFiles(repo, { 'k8s/app.yaml': APP_AFTER });

    const result = await scan({ root: repo, diffBase: 'main', jobs: 1, rules: RULES });

    expect(findingSites(result)).toEqual([
      `${K8S_PRIVILEGED} k8s/app.yaml:${lineOf(APP_AFTER, 'privileged', 2)}`,
    ]);
  });

  it('reports a new finding in a changed file with a non-ASCII name', async () => {
    const repo = newRepo({ 'k8s/café.yaml': APP_BEFORE });
    writeTempFiles(repo, { 'k8s/café.yaml': APP_AFTER });

    const result = await scan({ root: repo, diffBase: 'main', jobs: 1, rules: RULES });

    expect(findingSites(result)).toEqual([
      `${K8S_PRIVILEGED} k8s/café.yaml:${lineOf(APP_AFTER, 'privileged', 2)}`,
    ]);
  });
});

describe('parseUnifiedDiff', () => {
  let repo: string;

  beforeAll(() => {
    repo = newRepo({
      'plain.yaml': 'a\nb\nc\nd\ne\n',
      'über.yaml': 'x\n',
      'quo"te.yaml': 'x\n',
      'deleted-lines.yaml': '1\n2\n3\n',
      'removed.yaml': 'x\n',
      'with space.yaml': 'x\n',
      'ünï cødé.yaml': 'x\n',
    });
    writeTempFiles(repo, {
      // a→A is changed, b deleted, X Y Z added: lines 1, 4, 5 and 6 of the new file are new.
      'plain.yaml': 'A\nc\nd\nX\nY\nZ\ne\n',
      'über.yaml': 'x\ny\n',
      'quo"te.yaml': 'x\ny\n',
      'deleted-lines.yaml': '1\n3\n',
      'with space.yaml': 'x\ny\n',
      'ünï cødé.yaml': 'x\ny\n',
    });
    git(repo, 'rm', '-q', 'removed.yaml');
  });

  const diff = (...config: string[]) => git(repo, ...config, 'diff', '--no-color', '--unified=0', 'HEAD');

  it('reads added and changed lines, and ignores deletions, from real `git diff -U0` output', () => {
    const changed = parseUnifiedDiff(diff());

    expect(changed.get('plain.yaml')).toEqual(new Set([1, 4, 5, 6]));
    expect(changed.get('deleted-lines.yaml')).toEqual(new Set());
    expect(changed.has('removed.yaml')).toBe(false);
  });

  it('unquotes C-style quoted names: octal UTF-8 bytes and escaped quotes', () => {
    const quoted = diff();
    expect(quoted).toContain('"b/\\303\\274ber.yaml"');
    expect(quoted).toContain('"b/quo\\"te.yaml"');

    const changed = parseUnifiedDiff(quoted);

    expect(changed.get('über.yaml')).toEqual(new Set([2]));
    expect(changed.get('quo"te.yaml')).toEqual(new Set([2]));
    expect(parseUnifiedDiff(diff('-c', 'core.quotepath=off')).get('über.yaml')).toEqual(new Set([2]));
  });

  it('reads names with spaces, quoted or not (git ends those +++ lines with a TAB)', () => {
    const changed = parseUnifiedDiff(diff());

    expect(changed.get('with space.yaml')).toEqual(new Set([2]));
    expect(changed.get('ünï cødé.yaml')).toEqual(new Set([2]));
  });
});

describe('touchesChange', () => {
  const changed = new Map<string, Set<number> | 'all'>([
    ['a.yaml', new Set([5, 9])],
    ['new.yaml', 'all'],
  ]);

  it('is true when any line of the range is changed, or the file is new', () => {
    expect(touchesChange(changed, 'a.yaml', 5, 5)).toBe(true);
    expect(touchesChange(changed, 'a.yaml', 6, 9)).toBe(true);
    expect(touchesChange(changed, 'new.yaml', 100, 100)).toBe(true);
  });

  it('is false for untouched lines and unchanged files', () => {
    expect(touchesChange(changed, 'a.yaml', 6, 8)).toBe(false);
    expect(touchesChange(changed, 'b.yaml', 5, 5)).toBe(false);
  });
});
