import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pc from 'picocolors';
import { afterEach, describe, expect, it } from 'vitest';
import { type CliIo, colorEnabled, isCi } from '../../scanners/cli/io.js';
import { OutputTargetCollector } from '../../scanners/cli/output-targets.js';
import { renderPlainMarkdown } from '../../scanners/cli/plain-markdown.js';
import { resolveScanTarget } from '../../scanners/cli/scan-target.js';
import { REPORT_FORMATS } from '../../scanners/reporters/index.js';
import { tempProject } from './helpers.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const remove of cleanups.splice(0)) remove();
});

describe('OutputTargetCollector', () => {
  const collect = (...pairs: Array<['f' | 'o', string]>) => {
    const collector = new OutputTargetCollector(REPORT_FORMATS);
    for (const [kind, value] of pairs) (kind === 'f' ? collector.addFormat : collector.addOutput)(value);
    return collector.resolve('/work');
  };

  it('pairs each --output with the --format before it', () => {
    expect(
      collect(['f', 'sarif'], ['o', 'a.sarif'], ['f', 'json'], ['o', '/abs/b.json'], ['f', 'text']),
    ).toEqual([
      { format: 'sarif', file: path.resolve('/work/a.sarif') },
      { format: 'json', file: path.resolve('/abs/b.json') },
      { format: 'text', file: undefined },
    ]);
  });

  it('defaults to text on stdout, and reads - as stdout', () => {
    expect(collect()).toEqual([{ format: 'text' }]);
    expect(collect(['f', 'json'], ['o', '-'])).toEqual([{ format: 'json', file: undefined }]);
    expect(collect(['o', 'report.txt'])).toEqual([
      { format: 'text', file: path.resolve('/work/report.txt') },
    ]);
  });

  it('rejects two outputs for one format, two formats on stdout and two reports in one file', () => {
    expect(() => collect(['f', 'json'], ['o', 'a'], ['o', 'b'])).toThrow('json already goes to a');
    expect(() => collect(['f', 'json'], ['f', 'sarif'])).toThrow('only one format can go to standard output');
    expect(() => collect(['f', 'json'], ['o', 'a'], ['f', 'sarif'], ['o', 'a'])).toThrow(
      'two reports would be written',
    );
  });
});

describe('resolveScanTarget', () => {
  it('takes one folder as the root and anything else as files', () => {
    const { dir, remove } = tempProject({ 'infra/main.yaml': 'a: 1\n', Dockerfile: 'FROM scratch\n' });
    cleanups.push(remove);
    expect(resolveScanTarget([], undefined, dir)).toEqual({ root: dir });
    expect(resolveScanTarget(['infra'], undefined, dir)).toEqual({ root: path.join(dir, 'infra') });
    expect(resolveScanTarget(['Dockerfile', 'infra'], undefined, dir)).toEqual({
      root: dir,
      files: [path.join(dir, 'Dockerfile'), path.join(dir, 'infra')],
    });
    expect(resolveScanTarget(['infra/main.yaml'], 'infra', dir)).toEqual({
      root: path.join(dir, 'infra'),
      files: [path.join(dir, 'infra/main.yaml')],
    });
  });

  it('roots files outside the current folder at the folder that holds them all', () => {
    const { dir, remove } = tempProject();
    cleanups.push(remove);
    mkdirSync(path.join(dir, 'a/b'), { recursive: true });
    mkdirSync(path.join(dir, 'a/c'), { recursive: true });
    writeFileSync(path.join(dir, 'a/b/one.yaml'), '');
    writeFileSync(path.join(dir, 'a/c/two.yaml'), '');
    const elsewhere = path.join(dir, 'a/c');
    const target = resolveScanTarget([path.join(dir, 'a/b/one.yaml'), 'two.yaml'], undefined, elsewhere);
    expect(target.root).toBe(path.join(dir, 'a'));
  });

  it('rejects paths that do not exist and a --root that is not a folder', () => {
    const { dir, remove } = tempProject({ 'file.txt': '' });
    cleanups.push(remove);
    expect(() => resolveScanTarget(['missing.tf'], undefined, dir)).toThrow(
      'no such file or folder: missing.tf',
    );
    expect(() => resolveScanTarget([], 'file.txt', dir)).toThrow('--root is not a folder: file.txt');
  });
});

describe('colour and CI detection', () => {
  const io = (env: CliIo['env'], tty: boolean): CliIo => ({
    stdout: { write() {} },
    stderr: { write() {} },
    isTTY: { stdout: tty, stderr: tty },
    env,
    cwd: '/',
  });

  it('follows --no-color, then NO_COLOR, then FORCE_COLOR, then the terminal', () => {
    expect(colorEnabled(io({}, true), 'stdout', undefined)).toBe(true);
    expect(colorEnabled(io({}, false), 'stdout', undefined)).toBe(false);
    expect(colorEnabled(io({ TERM: 'dumb' }, true), 'stdout', undefined)).toBe(false);
    expect(colorEnabled(io({}, true), 'stdout', false)).toBe(false);
    expect(colorEnabled(io({ NO_COLOR: '1', FORCE_COLOR: '1' }, true), 'stdout', undefined)).toBe(false);
    expect(colorEnabled(io({ FORCE_COLOR: '1' }, false), 'stdout', undefined)).toBe(true);
    expect(colorEnabled(io({ FORCE_COLOR: '0' }, true), 'stdout', undefined)).toBe(false);
  });

  it('recognises CI=true but not CI=false', () => {
    expect(isCi({ CI: 'true' })).toBe(true);
    expect(isCi({ CI: 'false' })).toBe(false);
    expect(isCi({})).toBe(false);
  });
});

describe('renderPlainMarkdown', () => {
  it('drops Markdown syntax and indents code', () => {
    const plain = pc.createColors(false);
    const text = renderPlainMarkdown(
      '## How to fix\nSet **`privileged: false`**, see [the docs](https://k8s.io).\n\n```yaml\na: 1\n```\n- one\n',
      plain,
    );
    expect(text).toBe(
      'How to fix\nSet privileged: false, see the docs (https://k8s.io).\n\n    a: 1\n• one\n',
    );
  });

  it('leaves snake_case and globs alone', () => {
    expect(renderPlainMarkdown('aws_s3_bucket and PAL-AWS-* rules', pc.createColors(false))).toBe(
      'aws_s3_bucket and PAL-AWS-* rules\n',
    );
  });
});
