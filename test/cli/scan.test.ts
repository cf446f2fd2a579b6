import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  cliConfig,
  LEAKED_KEY,
  PRIVILEGED_POD,
  runCli,
  SUPPRESSED_POD,
  tempProject,
  UNPINNED_DOCKERFILE,
} from './helpers.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const remove of cleanups.splice(0)) remove();
});

function project(files: Record<string, string>): string {
  const { dir, remove } = tempProject(files);
  cleanups.push(remove);
  return dir;
}

describe('palisade scan: exit codes', () => {
  it('exits 0 when nothing is at or above the default fail-on (high)', async () => {
    const dir = project({ Dockerfile: UNPINNED_DOCKERFILE });
    const run = await runCli(['scan', dir], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('PAL-DOCKER-001');
    expect(run.stdout).toContain('Dockerfile:1');
    expect(run.stdout).toContain('passed');
  });

  it('exits 1 on a high finding', async () => {
    const dir = project({ 'k8s/pod.yaml': PRIVILEGED_POD });
    const run = await runCli(['scan', '.'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('PAL-K8S-001');
    expect(run.stdout).toContain('k8s/pod.yaml:9');
  });

  it('exits 1 on a leaked key and never prints the key', async () => {
    const dir = project({ 'settings.py': LEAKED_KEY });
    const run = await runCli(['scan'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('PAL-SECRET-001');
    expect(run.stdout).not.toContain('AKIAQWERTYUIOPASDFGH');
  });

  it('moves the threshold with --fail-on', async () => {
    const dir = project({ Dockerfile: UNPINNED_DOCKERFILE, 'pod.yaml': PRIVILEGED_POD });
    expect((await runCli(['scan', '--fail-on', 'none'], dir)).code).toBe(0);
    expect((await runCli(['scan', '--fail-on', 'critical'], dir)).code).toBe(0);
    const medium = project({ Dockerfile: UNPINNED_DOCKERFILE });
    expect((await runCli(['scan', '--fail-on', 'medium'], medium)).code).toBe(1);
  });

  it('takes fail-on from .palisade.yml, and the flag wins over it', async () => {
    const dir = project({ Dockerfile: UNPINNED_DOCKERFILE, '.palisade.yml': cliConfig('fail-on: medium\n') });
    expect((await runCli(['scan'], dir)).code).toBe(1);
    expect((await runCli(['scan', '--fail-on', 'high'], dir)).code).toBe(0);
  });

  it('scans only the files given', async () => {
    const dir = project({ Dockerfile: UNPINNED_DOCKERFILE, 'pod.yaml': PRIVILEGED_POD });
    const run = await runCli(['scan', 'Dockerfile'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('PAL-DOCKER-001');
    expect(run.stdout).not.toContain('PAL-K8S-001');
  });

  it('reports paths relative to --root', async () => {
    const dir = project({ 'infra/k8s/pod.yaml': PRIVILEGED_POD, 'infra/.palisade.yml': cliConfig() });
    const run = await runCli(['scan', '--root', 'infra', 'infra/k8s/pod.yaml', '--format', 'json'], dir);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.findings[0].location.file).toBe('k8s/pod.yaml');
  });

  it('runs the same in worker threads with --jobs', async () => {
    const dir = project({ 'pod.yaml': PRIVILEGED_POD });
    const run = await runCli(['scan', '--jobs', '2'], dir);
    expect(run.code).toBe(1);
    expect((await runCli(['scan', '--jobs', '0'], dir)).code).toBe(2);
  });
});

describe('palisade scan: formats and outputs', () => {
  it('writes each --format to the --output that follows it, and one format to stdout', async () => {
    const dir = project({ 'pod.yaml': PRIVILEGED_POD });
    const run = await runCli(
      [
        'scan',
        '--format',
        'sarif',
        '--output',
        'out/report.sarif',
        '--format',
        'json',
        '--output',
        'report.json',
        '--format',
        'text',
      ],
      dir,
    );
    expect(run.code).toBe(1);
    const sarif = JSON.parse(readFileSync(path.join(dir, 'out/report.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results[0].ruleId).toBe('PAL-K8S-001');
    const json = JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8'));
    expect(json.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['PAL-K8S-001']);
    expect(run.stdout).toContain('PAL-K8S-001');
    expect(run.stdout).not.toContain('"version"');
    expect(run.stderr).toContain('wrote sarif report to out/report.sarif');
  });

  it('prints a one-line summary when every report goes to a file', async () => {
    const dir = project({ 'pod.yaml': PRIVILEGED_POD });
    const run = await runCli(['scan', '--format', 'junit', '--output', 'junit.xml', '--quiet'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(readFileSync(path.join(dir, 'junit.xml'), 'utf8')).toContain('<testsuite');
    expect(run.stderr.trim()).toBe('palisade: 1 finding (1 high) in 1 file; failing: at or above high');
  });

  it('writes the default text format to a lone --output', async () => {
    const dir = project({ Dockerfile: UNPINNED_DOCKERFILE });
    const run = await runCli(['scan', '--output', 'palisade.txt'], dir);
    expect(run.code).toBe(0);
    expect(readFileSync(path.join(dir, 'palisade.txt'), 'utf8')).toContain('PAL-DOCKER-001');
  });

  it('refuses two formats on stdout', async () => {
    const dir = project({ Dockerfile: UNPINNED_DOCKERFILE });
    const run = await runCli(['scan', '--format', 'json', '--format', 'text'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^palisade: only one format can go to standard output, but json and text do/);
  });

  it('refuses an unknown format and an --output before its --format', async () => {
    const dir = project({ Dockerfile: UNPINNED_DOCKERFILE });
    const unknown = await runCli(['scan', '--format', 'pdf'], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Allowed formats are text, json, sarif');
    const misplaced = await runCli(['scan', '--output', 'a.sarif', '--format', 'sarif'], dir);
    expect(misplaced.code).toBe(2);
    expect(misplaced.stderr).toContain('comes before any --format');
    expect(existsSync(path.join(dir, 'a.sarif'))).toBe(false);
  });

  it('colours the terminal report only when asked or on a terminal, and honours NO_COLOR', async () => {
    const dir = project({ 'pod.yaml': PRIVILEGED_POD });
    const ansi = /\u001b\[/;
    expect((await runCli(['scan'], dir)).stdout).not.toMatch(ansi);
    expect((await runCli(['scan'], dir, { env: { FORCE_COLOR: '1' } })).stdout).toMatch(ansi);
    const tty = { isTTY: { stdout: true, stderr: false } };
    expect((await runCli(['scan'], dir, tty)).stdout).toMatch(ansi);
    expect((await runCli(['scan'], dir, { ...tty, env: { NO_COLOR: '1' } })).stdout).not.toMatch(ansi);
    expect((await runCli(['scan', '--no-color'], dir, tty)).stdout).not.toMatch(ansi);
  });

  it('puts --automation-id and the commit from the environment into the reports', async () => {
    const dir = project({ 'pod.yaml': PRIVILEGED_POD, 'key.env': LEAKED_KEY });
    const env = { GITHUB_SHA: 'a'.repeat(40) };
    await runCli(
      [
        'scan',
        '-f',
        'sarif',
        '-o',
        'r.sarif',
        '-f',
        'gitlab-secret-detection',
        '-o',
        'gl.json',
        '--automation-id',
        'infra/',
      ],
      dir,
      { env },
    );
    const sarif = readFileSync(path.join(dir, 'r.sarif'), 'utf8');
    expect(sarif).toContain('infra/');
    expect(readFileSync(path.join(dir, 'gl.json'), 'utf8')).toContain('a'.repeat(40));
  });
});

describe('palisade scan: suppressions and notes', () => {
  it('honours inline ignores unless --no-inline-ignores', async () => {
    const dir = project({ 'pod.yaml': SUPPRESSED_POD });
    const honoured = await runCli(['scan'], dir);
    expect(honoured.code).toBe(0);
    expect(honoured.stdout).toContain('1 suppressed');
    expect(honoured.stdout).not.toContain('PAL-K8S-001');
    const verbose = await runCli(['scan', '--verbose'], dir);
    expect(verbose.stdout).toContain('PAL-K8S-001');
    expect(verbose.stdout).toContain('debug pod, never deployed');
    const forbidden = await runCli(['scan', '--no-inline-ignores'], dir);
    expect(forbidden.code).toBe(1);
    expect(forbidden.stdout).toContain('PAL-K8S-001');
  });

  it('does not re-enable inline ignores that the config forbids', async () => {
    const dir = project({
      'pod.yaml': SUPPRESSED_POD,
      '.palisade.yml': cliConfig('inline-ignores: false\n'),
    });
    expect((await runCli(['scan'], dir)).code).toBe(1);
  });

  it('lists notes only with --verbose and says how many it left out', async () => {
    const dir = project({
      'big.yaml': `# ${'x'.repeat(2000)}\n`,
      '.palisade.yml': cliConfig('limits:\n  max-file-size: 1KB\n'),
    });
    const plain = await runCli(['scan'], dir);
    expect(plain.stdout).not.toContain('too-large');
    expect(plain.stderr).toContain('1 note (skipped files and the like) not shown; --verbose lists them');
    const verbose = await runCli(['scan', '--verbose'], dir);
    expect(verbose.stdout).toContain('too-large');
    const quiet = await runCli(['scan', '--quiet'], dir);
    expect(quiet.stderr).toBe('');
  });
});

describe('palisade scan: usage and config errors', () => {
  it('exits 2 with the file, line and key of a bad config', async () => {
    const dir = project({
      '.palisade.yml': 'fail-on: high\nrules:\n  disable: PAL-K8S-001\n',
      'pod.yaml': PRIVILEGED_POD,
    });
    const run = await runCli(['scan'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('palisade: .palisade.yml:3: rules.disable: must be array\n');
  });

  it('exits 2 on a config given with --config that does not exist', async () => {
    const dir = project({ Dockerfile: UNPINNED_DOCKERFILE });
    const run = await runCli(['scan', '--config', 'missing.yml'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('missing.yml');
  });

  it('exits 2 with one line on an unknown option', async () => {
    const dir = project({ Dockerfile: UNPINNED_DOCKERFILE });
    const run = await runCli(['scan', '--bogus'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("palisade: unknown option '--bogus'\n");
  });

  it('exits 2 on a bad --fail-on value and on a path that does not exist', async () => {
    const dir = project({ Dockerfile: UNPINNED_DOCKERFILE });
    const badSeverity = await runCli(['scan', '--fail-on', 'severe'], dir);
    expect(badSeverity.code).toBe(2);
    expect(badSeverity.stderr).toContain('Allowed choices are critical, high, medium, low, info, none');
    const missing = await runCli(['scan', 'nowhere/'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('palisade: no such file or folder: nowhere/\n');
  });

  it('exits 2 on a baseline file that is not a baseline', async () => {
    const dir = project({ Dockerfile: UNPINNED_DOCKERFILE, 'base.json': '{"hello": 1}' });
    const run = await runCli(['scan', '--baseline', 'base.json'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('not a Palisade baseline');
  });

  it('exits 2 when --quiet and --verbose are both given', async () => {
    const dir = project({ Dockerfile: UNPINNED_DOCKERFILE });
    expect((await runCli(['scan', '--quiet', '--verbose'], dir)).code).toBe(2);
  });
});
