import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { packagePath } from '../../scanners/core/package.js';
import { PRIVILEGED_POD, runCli, tempProject } from './helpers.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const remove of cleanups.splice(0)) remove();
});

describe('palisade as a process', () => {
  it('sets the exit code and writes to the real streams', () => {
    const { dir, remove } = tempProject({ 'pod.yaml': PRIVILEGED_POD });
    cleanups.push(remove);
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', packagePath('scanners/cli/entry.ts'), 'scan', dir],
      {
        cwd: packagePath('.'),
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1', CI: 'true' },
      },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('PAL-K8S-001');
  });

  it('prints only the message of an unexpected error, and its stack with --verbose', async () => {
    const { dir, remove } = tempProject({ 'pod.yaml': PRIVILEGED_POD, 'taken/.keep': '' });
    cleanups.push(remove);
    // The output path is a folder: writing the report fails at the operating-system level.
    const plain = await runCli(['scan', '--format', 'json', '--output', 'taken'], dir);
    expect(plain.code).toBe(2);
    expect(plain.stderr).toMatch(/^palisade: .*EISDIR/);
    expect(plain.stderr.trim().split('\n')).toHaveLength(1);
    const verbose = await runCli(['scan', '--format', 'json', '--output', 'taken', '--verbose'], dir);
    expect(verbose.code).toBe(2);
    expect(verbose.stderr).toContain('    at ');
  });
});
