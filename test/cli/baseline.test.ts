import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  cliConfig,
  LEAKED_KEY,
  PRIVILEGED_POD,
  runCli,
  tempProject,
  UNPINNED_DOCKERFILE,
} from './helpers.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const remove of cleanups.splice(0)) remove();
});

describe('palisade baseline create', () => {
  it('records the findings, and a scan with --baseline hides them and says how many', async () => {
    const { dir, remove } = tempProject({ 'pod.yaml': PRIVILEGED_POD, Dockerfile: UNPINNED_DOCKERFILE });
    cleanups.push(remove);
    const created = await runCli(['baseline', 'create'], dir);
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('recorded 2 findings in .palisade-baseline.json');
    const baseline = JSON.parse(readFileSync(path.join(dir, '.palisade-baseline.json'), 'utf8'));
    expect(baseline.findings.map((f: { ruleId: string }) => f.ruleId).sort()).toEqual([
      'PAL-DOCKER-001',
      'PAL-K8S-001',
    ]);

    const scanned = await runCli(['scan', '--baseline', '.palisade-baseline.json'], dir);
    expect(scanned.code).toBe(0);
    expect(scanned.stdout).toContain('2 hidden by baseline');
    expect(scanned.stdout).not.toContain('PAL-K8S-001');
  });

  it('still reports findings that are new since the baseline', async () => {
    const { dir, remove } = tempProject({ Dockerfile: UNPINNED_DOCKERFILE });
    cleanups.push(remove);
    await runCli(['baseline', 'create', '.', '--output', 'ci/baseline.json'], dir);
    const { dir: later, remove: removeLater } = tempProject({
      Dockerfile: UNPINNED_DOCKERFILE,
      'key.txt': LEAKED_KEY,
    });
    cleanups.push(removeLater);
    const run = await runCli(['scan', later, '--baseline', path.join(dir, 'ci/baseline.json')], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('PAL-SECRET-001');
    expect(run.stdout).toContain('1 hidden by baseline');
  });

  it('uses the baseline named in .palisade.yml, and --no-baseline ignores it', async () => {
    const { dir, remove } = tempProject({
      'pod.yaml': PRIVILEGED_POD,
      '.palisade.yml': cliConfig('baseline: .palisade-baseline.json\n'),
    });
    cleanups.push(remove);
    await runCli(['baseline', 'create'], dir);
    expect((await runCli(['scan'], dir)).code).toBe(0);
    expect((await runCli(['scan', '--no-baseline'], dir)).code).toBe(1);
  });

  it('writes the baseline into the scanned folder by default', async () => {
    const { dir, remove } = tempProject({
      'infra/pod.yaml': PRIVILEGED_POD,
      'infra/.palisade.yml': cliConfig(),
    });
    cleanups.push(remove);
    const run = await runCli(['baseline', 'create', 'infra'], dir);
    expect(run.stdout).toContain(`recorded 1 finding in ${path.join('infra', '.palisade-baseline.json')}`);
  });
});
