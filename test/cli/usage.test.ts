import { describe, expect, it } from 'vitest';
import { VERSION } from '../../scanners/core/package.js';
import { runCli } from './helpers.js';

const cwd = process.cwd();

describe('palisade help and version', () => {
  it('prints the version', async () => {
    const run = await runCli(['--version'], cwd);
    expect(run).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
  });

  it('lists the commands in --help', async () => {
    const run = await runCli(['--help'], cwd);
    expect(run.code).toBe(0);
    for (const command of ['scan', 'baseline', 'rules', 'init'])
      expect(run.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
  });

  it('explains scan with grouped options, examples and exit codes', async () => {
    const run = await runCli(['scan', '--help'], cwd);
    expect(run.code).toBe(0);
    for (const heading of ['Input:', 'Output:', 'Findings:', 'Examples:', 'Exit status:'])
      expect(run.stdout).toContain(heading);
    expect(run.stdout).toContain('--format sarif --output palisade.sarif --format text');
  });

  it('answers `palisade help rules`', async () => {
    const run = await runCli(['help', 'rules'], cwd);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('list');
    expect(run.stdout).toContain('show');
  });

  it('shows help on stderr and exits 2 without a command', async () => {
    const run = await runCli([], cwd);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Usage: palisade');
  });

  it('exits 2 on an unknown command, with a suggestion on the same line', async () => {
    const run = await runCli(['scna'], cwd);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("palisade: unknown command 'scna' (Did you mean scan?)\n");
  });
});
