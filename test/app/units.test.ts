/** The App's pieces that need no GitHub: paths, patches, module references, the queue, settings, config merge. */
import { describe, expect, it } from 'vitest';
import { mergeConfigs } from '../../app/config.js';
import { BlobCache, isTerraformFile, localModuleFolders, safeRelativePath } from '../../app/content.js';
import { addChangedLines, patchLines } from '../../app/patch.js';
import { RecentDeliveries, WorkQueue } from '../../app/queue.js';
import { readSettings } from '../../app/settings.js';
import type { ChangedLines } from '../../scanners/engine/diff.js';

describe('safeRelativePath', () => {
  it('keeps plain relative paths and refuses anything that could leave the folder or confuse it', () => {
    expect(safeRelativePath('infra/main.tf')).toBe('infra/main.tf');
    expect(safeRelativePath('.github/workflows/ci.yml')).toBe('.github/workflows/ci.yml');
    for (const bad of [
      '',
      '/etc/passwd',
      '../secrets.tf',
      'infra/../../x',
      'a/./b',
      'a//b',
      'a/',
      'a\\..\\b',
      'new\nline',
      'nul\u0000byte',
      'x'.repeat(5000),
    ])
      expect(safeRelativePath(bad), JSON.stringify(bad)).toBeUndefined();
  });
});

describe('localModuleFolders', () => {
  it('resolves local module sources inside the repository and ignores the rest', () => {
    const text =
      `module "a" {\n  source = "./modules/a"\n}\nmodule "b" {\n  source = "../shared/b/"\n}\n` +
      `module "c" {\n  source = "../../../../outside"\n}\nmodule "d" {\n  source = "hashicorp/consul/aws"\n}\n` +
      `module "e" {\n  source = "git::https://example.com/x.git"\n}\n`;
    expect(localModuleFolders(text, 'envs/prod')).toEqual(['envs/prod/modules/a', 'envs/shared/b']);
    expect(localModuleFolders('module "x" {\n  source = "./"\n}\n', '')).toEqual(['']);
  });

  it('finds the sources the engine finds: one-line blocks and JSON syntax, never outside the repository', () => {
    expect(localModuleFolders('module "a" { source = "./a" }\n', 'infra')).toEqual(['infra/a']);
    const json = '{"module": {"b": {"source": "../b"}, "c": {"source": "../../../c"}}}';
    expect(localModuleFolders(json, 'envs/prod')).toEqual(['envs/b']);
  });
});

describe('isTerraformFile', () => {
  it('takes the files the engine groups into a Terraform unit: configuration and variables, any case', () => {
    for (const name of ['main.tf', 'infra/main.tf.json', 'prod.tfvars', 'x.auto.tfvars.json', 'LEGACY.TF'])
      expect(isTerraformFile(name), name).toBe(true);
    for (const name of ['main.tf.bak', 'tf', 'infra/template.json', 'README.md'])
      expect(isTerraformFile(name), name).toBe(false);
  });
});

describe('changed lines from pull request patches', () => {
  it('numbers the added lines of each hunk in the new file', () => {
    const patch = [
      '@@ -1,4 +1,5 @@',
      ' line 1',
      '-line 2',
      '+line 2, changed',
      '+line 2b',
      ' line 3',
      ' line 4',
      '@@ -20,3 +21,3 @@ resource "x" "y" {',
      ' a',
      '-b',
      '+B',
      ' c',
      '\\ No newline at end of file',
    ].join('\n');
    expect([...patchLines(patch)]).toEqual([2, 3, 22]);
  });

  it('treats added files as changed everywhere, removed ones as gone, and patchless ones conservatively', () => {
    const changed: ChangedLines = new Map();
    expect(
      addChangedLines(changed, { filename: 'new.tf', status: 'added', patch: '@@ -0,0 +1 @@\n+x' }),
    ).toBe(true);
    expect(addChangedLines(changed, { filename: 'gone.tf', status: 'removed' })).toBe(false);
    expect(addChangedLines(changed, { filename: 'huge.tf', status: 'modified' })).toBe(false);
    expect(addChangedLines(changed, { filename: 'moved.tf', status: 'renamed' })).toBe(false);
    expect(changed.get('new.tf')).toBe('all');
    expect(changed.has('gone.tf')).toBe(false);
    expect(changed.get('huge.tf')).toBe('all');
    expect(changed.get('moved.tf')).toEqual(new Set());
  });
});

describe('WorkQueue', () => {
  it('runs at most `concurrency` jobs, refuses past its limit and drops a duplicate that is still waiting', async () => {
    const errors: string[] = [];
    const queue = new WorkQueue(1, 2, (key) => errors.push(key));
    let running = 0;
    let peak = 0;
    const order: string[] = [];
    const release: Array<() => void> = [];
    const job = (key: string) => ({
      key,
      run: async () => {
        running++;
        peak = Math.max(peak, running);
        await new Promise<void>((resolve) => release.push(resolve));
        order.push(key);
        running--;
        if (key === 'b') throw new Error('b failed');
      },
    });
    expect(queue.enqueue(job('a'))).toBe('queued'); // runs at once
    expect(queue.enqueue(job('b'))).toBe('queued');
    expect(queue.enqueue(job('b'))).toBe('duplicate');
    expect(queue.enqueue(job('c'))).toBe('queued');
    expect(queue.enqueue(job('d'))).toBe('full');
    const idle = queue.idle();
    while (order.length < 3) {
      await new Promise((resolve) => setImmediate(resolve));
      release.shift()?.();
    }
    await idle;
    expect(order).toEqual(['a', 'b', 'c']);
    expect(peak).toBe(1);
    expect(errors).toEqual(['b']);
  });
});

describe('RecentDeliveries', () => {
  it('recognises a redelivery, forgets the oldest ids past its capacity, and forgets a failed one on request', () => {
    const deliveries = new RecentDeliveries(2);
    expect(deliveries.first('1')).toBe(true);
    expect(deliveries.first('1')).toBe(false);
    deliveries.first('2');
    deliveries.first('3');
    expect(deliveries.first('1')).toBe(true);
    deliveries.forget('3');
    expect(deliveries.first('3')).toBe(true);
  });
});

describe('readSettings', () => {
  it('has safe defaults and refuses malformed values by name', () => {
    expect(readSettings({})).toMatchObject({
      annotationCap: 500,
      reviewComments: false,
      stickyComment: true,
      postureIntervalMinutes: 0,
    });
    expect(() => readSettings({ PALISADE_ANNOTATIONS: 'many' })).toThrow(/PALISADE_ANNOTATIONS/);
    expect(() => readSettings({ PALISADE_REVIEW_COMMENTS: 'yes please' })).toThrow(
      /PALISADE_REVIEW_COMMENTS/,
    );
    expect(() => readSettings({ PALISADE_SERVER_URL: 'https://palisade.example.com' })).toThrow(
      /PALISADE_TOKEN/,
    );
    expect(() => readSettings({ PALISADE_SERVER_URL: 'file:///etc', PALISADE_TOKEN: 't' })).toThrow(/http/);
  });
});

describe('mergeConfigs', () => {
  it('merges maps key by key, lets the repository win, replaces lists and ignores __proto__', () => {
    const organisation = { 'fail-on': 'high', rules: { disable: ['A', 'B'], severity: { C: 'low' } } };
    const repository = JSON.parse('{"rules": {"disable": ["D"]}, "__proto__": {"polluted": true}}');
    const merged = mergeConfigs([organisation, repository]) as Record<string, unknown>;
    expect(merged['fail-on']).toBe('high');
    expect(merged.rules).toEqual({ disable: ['D'], severity: { C: 'low' } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('BlobCache', () => {
  it('keeps the most recently used contents within its byte budget and refuses oversized ones', () => {
    const cache = new BlobCache(80);
    const ten = (c: string) => Buffer.alloc(10, c);
    for (const key of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']) cache.set(key, ten(key));
    expect(cache.get('a')?.toString()).toBe('aaaaaaaaaa'); // now the most recently used
    cache.set('i', ten('i')); // 90 bytes: the least recently used (b) goes
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('i')).toBeDefined();
    cache.set('big', Buffer.alloc(11)); // over an eighth of the budget: not kept
    expect(cache.get('big')).toBeUndefined();
  });
});
