import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { STARTER_CONFIG } from '../../scanners/cli/init-command.js';
import { defaultConfig, parseConfig } from '../../scanners/config/config.js';
import { PRIVILEGED_POD, runCli, tempProject } from './helpers.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const remove of cleanups.splice(0)) remove();
});

describe('palisade init', () => {
  it('writes a starter config that is valid and changes no default', () => {
    const { source: _source, ...parsed } = parseConfig(STARTER_CONFIG);
    expect(parsed).toEqual(defaultConfig());
  });

  it('writes .palisade.yml, and refuses to overwrite it without --force', async () => {
    const { dir, remove } = tempProject({ 'pod.yaml': PRIVILEGED_POD }, { config: false });
    cleanups.push(remove);
    const first = await runCli(['init'], dir);
    expect(first.code).toBe(0);
    expect(readFileSync(path.join(dir, '.palisade.yml'), 'utf8')).toBe(STARTER_CONFIG);
    const again = await runCli(['init'], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe('palisade: .palisade.yml already exists (use --force to overwrite it)\n');
    expect((await runCli(['init', '--force'], dir)).code).toBe(0);
    // The scan reads it.
    expect((await runCli(['scan'], dir)).code).toBe(1);
  });
});
