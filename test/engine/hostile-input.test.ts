import { chmodSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../scanners/config/config.js';
import type { ScanResult } from '../../scanners/core/types.js';
import { scan } from '../../scanners/engine/scan.js';
import { builtinRuleList } from '../../scanners/rules/registry.js';
import { makeTempDir, removeTempDirs, type TempFiles } from '../helpers/tmp.js';
import {
  AWS_KEY,
  AWS_KEY_ID,
  deployment,
  ENGINE_RULE_IDS,
  engineRules,
  errorsFor,
  findingsIn,
  K8S_PRIVILEGED,
  lineOf,
  OTHER_AWS_KEY,
  privilegedPod,
} from './sources.js';

afterAll(removeTempDirs);

/** Healthy files scanned next to each hostile one: their findings prove one bad file never stops a scan. */
const NEIGHBOURS: TempFiles = {
  'ok/pod.yaml': privilegedPod('neighbour'),
  'ok/keys.env': `AWS_ACCESS_KEY_ID=${OTHER_AWS_KEY}\n`,
};

function expectNeighboursScanned(result: ScanResult): void {
  expect(findingsIn(result, 'ok/pod.yaml', K8S_PRIVILEGED)).toHaveLength(1);
  expect(findingsIn(result, 'ok/keys.env', AWS_KEY_ID)).toHaveLength(1);
  expect(errorsFor(result, 'ok/pod.yaml')).toEqual([]);
  expect(errorsFor(result, 'ok/keys.env')).toEqual([]);
}

/** Scans with the engine rules; tests that make sure no rule crashes pass the whole catalogue. */
function scanFolder(root: string, extra: Parameters<typeof scan>[0] = {}): Promise<ScanResult> {
  return scan({ root, jobs: 1, rules: engineRules(), ...extra });
}

/** The findings of the engine rules in one file. */
function engineFindingsIn(result: ScanResult, file: string) {
  return findingsIn(result, file).filter((f) => ENGINE_RULE_IDS.includes(f.ruleId));
}

describe('symbolic links', () => {
  it('refuses links to a file or a folder outside the root, with a per-link error', async () => {
    const outside = makeTempDir({
      'secret.txt': `key=${AWS_KEY}\n`,
      'dir/pod.yaml': privilegedPod('outside'),
    });
    const root = makeTempDir({
      ...NEIGHBOURS,
      'to-outside-file.txt': { symlink: path.join(outside, 'secret.txt') },
      'to-outside-dir': { symlink: path.join(outside, 'dir') },
      'to-etc': { symlink: '/etc' },
    });

    const result = await scanFolder(root);

    for (const link of ['to-outside-file.txt', 'to-outside-dir', 'to-etc']) {
      expect(errorsFor(result, link)).toEqual([
        expect.objectContaining({ code: 'symlink-outside-root', file: link, message: expect.any(String) }),
      ]);
    }
    expect(result.findings.filter((f) => f.location.file.startsWith('to-'))).toEqual([]);
    expect(result.findings).toHaveLength(2);
    expect(result.stats.filesSkipped).toBe(3);
    expectNeighboursScanned(result);
  });

  it('follows a file link inside the root under its link path, and scans a linked folder once, at its real path', async () => {
    const root = makeTempDir({
      'real/keys.txt': `key=${AWS_KEY}\n`,
      'real/pod.yaml': privilegedPod('real'),
      'alias-file.txt': { symlink: 'real/keys.txt' },
      'alias-dir': { symlink: 'real' },
    });

    const result = await scanFolder(root);

    expect(result.errors).toEqual([]);
    const files = result.findings.map((f) => `${f.ruleId} ${f.location.file}`);
    expect(files).toEqual(
      [`${AWS_KEY_ID} alias-file.txt`, `${K8S_PRIVILEGED} real/pod.yaml`, `${AWS_KEY_ID} real/keys.txt`].sort(
        byFileThenRule,
      ),
    );
  });

  it('terminates on a folder link to its parent (a cycle) and scans the real files', async () => {
    const root = makeTempDir({
      ...NEIGHBOURS,
      'sub/pod.yaml': privilegedPod('cyclic'),
      'sub/parent': { symlink: '..' },
      self: { symlink: '.' },
    });

    const result = await scanFolder(root);

    expect(findingsIn(result, 'sub/pod.yaml', K8S_PRIVILEGED)).toHaveLength(1);
    expect(result.findings.filter((f) => f.location.file.includes('parent/'))).toEqual([]);
    expect(result.findings).toHaveLength(3);
    expectNeighboursScanned(result);
  });

  // Bug: inventory.ts only records the real paths of link targets in `visited`, never of folders it walks,
  // so a link to an ancestor other than the root is walked once more and every file under it is duplicated.
  it('walks a folder only once when a deeper link points back to it', async () => {
    const root = makeTempDir({
      'sub/pod.yaml': privilegedPod('cyclic'),
      'sub/deeper/back-to-sub': { symlink: '..' },
    });

    const result = await scanFolder(root);

    expect(result.findings.map((f) => f.location.file)).toEqual(['sub/pod.yaml']);
  });
});

describe('binary files', () => {
  it('skips a file with NUL bytes with a `binary` note and reads nothing from it', async () => {
    const pngHeader = [
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    ];
    const png = Buffer.concat([Buffer.from(pngHeader), Buffer.from(`\naws_access_key_id=${AWS_KEY}\n`)]);
    const root = makeTempDir({ ...NEIGHBOURS, 'assets/logo.png': png });

    const result = await scanFolder(root);

    expect(errorsFor(result, 'assets/logo.png')).toEqual([
      expect.objectContaining({ code: 'binary', level: 'note' }),
    ]);
    expect(findingsIn(result, 'assets/logo.png')).toEqual([]);
    expect(result.stats.filesScanned).toBe(2);
    expectNeighboursScanned(result);
  });
});

describe('a 50 MiB file', () => {
  const FIFTY_MIB = 50 * 1024 * 1024;
  const LINE = 'lorem ipsum dolor sit amet\n';
  let root: string;
  let keyLine: number;

  beforeAll(() => {
    const big = Buffer.alloc(FIFTY_MIB, LINE);
    // Overwrite one whole filler line near the end: every filler line is LINE.length bytes long.
    const offset = Math.floor((FIFTY_MIB - 4096) / LINE.length) * LINE.length;
    big.write(`AWS_KEY=${AWS_KEY}\n`, offset);
    keyLine = offset / LINE.length + 1;
    root = makeTempDir({ ...NEIGHBOURS, 'data/big.txt': big });
  });

  it('is skipped with a `too-large` note under the default 5 MiB limit', async () => {
    const result = await scanFolder(root);

    expect(errorsFor(result, 'data/big.txt')).toEqual([
      expect.objectContaining({
        code: 'too-large',
        level: 'note',
        message: expect.stringContaining('50.0 MiB'),
      }),
    ]);
    expect(findingsIn(result, 'data/big.txt')).toEqual([]);
    expect(result.stats.bytesScanned).toBeLessThan(1024 * 1024);
    expectNeighboursScanned(result);
  });

  it('is scanned, and its secret near the end found, with `limits.max-file-size: 100MB`', async () => {
    const config = parseConfig('limits:\n  max-file-size: 100MB\n', path.join(root, '.palisade.yml'));

    const result = await scanFolder(root, { config });

    expect(errorsFor(result, 'data/big.txt')).toEqual([]);
    const [finding, ...others] = findingsIn(result, 'data/big.txt', AWS_KEY_ID);
    expect(others).toEqual([]);
    expect(finding?.location).toMatchObject({ startLine: keyLine, startColumn: 'AWS_KEY='.length + 1 });
    expect(finding?.snippet).not.toContain(AWS_KEY);
    expect(result.stats.bytesScanned).toBeGreaterThanOrEqual(FIFTY_MIB);
    expectNeighboursScanned(result);
  });
});

describe('invalid UTF-8', () => {
  it('warns with the line of the first invalid byte and still scans the file', async () => {
    const lines = deployment('web', [{ name: 'app', privileged: true }]).split('\n');
    lines.splice(4, 0, '  # owner: caf@@ team'); // becomes line 5; @@ is replaced by bytes 0xff 0xfe
    const text = lines.join('\n');
    const [before, after] = text.split('@@') as [string, string];
    const bytes = Buffer.concat([Buffer.from(before), Buffer.from([0xff, 0xfe]), Buffer.from(after)]);
    const root = makeTempDir({ ...NEIGHBOURS, 'k8s/web.yaml': bytes });

    const result = await scanFolder(root);

    expect(errorsFor(result, 'k8s/web.yaml')).toEqual([
      expect.objectContaining({ code: 'invalid-encoding', level: 'warning', line: 5 }),
    ]);
    expect(findingsIn(result, 'k8s/web.yaml', K8S_PRIVILEGED).map((f) => f.location.startLine)).toEqual([
      lineOf(text, 'privileged: true'),
    ]);
    expectNeighboursScanned(result);
  });
});

describe('YAML alias bomb', () => {
  it('stops expanding aliases and reports `parse-failed` naming aliases', async () => {
    const levels = 'abcdefghi'.split('');
    const bomb = [
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      '  name: lol',
      'data:',
      `  a: &a [${Array(9).fill('"lol"').join(', ')}]`,
      ...levels
        .slice(1)
        .map((level, i) => `  ${level}: &${level} [${Array(9).fill(`*${levels[i]}`).join(', ')}]`),
      '',
    ].join('\n');
    const root = makeTempDir({ ...NEIGHBOURS, 'k8s/lol.yaml': bomb });

    const result = await scanFolder(root);

    expect(errorsFor(result, 'k8s/lol.yaml')).toEqual([
      expect.objectContaining({
        code: 'parse-failed',
        level: 'error',
        message: expect.stringMatching(/alias/i),
      }),
    ]);
    expectNeighboursScanned(result);
  });
});

describe('deeply nested input', () => {
  const DEPTH = 100_000;
  const brackets = '['.repeat(DEPTH) + ']'.repeat(DEPTH);

  it('reports `too-deep` with a line for plain JSON and for a CloudFormation JSON template', async () => {
    const template = `{\n  "AWSTemplateFormatVersion": "2010-09-09",\n  "Resources": {\n    "Deep": ${brackets}\n  }\n}\n`;
    const root = makeTempDir({ ...NEIGHBOURS, 'data/deep.json': brackets, 'cfn/deep.json': template });

    const result = await scanFolder(root);

    expect(errorsFor(result, 'data/deep.json')).toEqual([
      expect.objectContaining({ code: 'too-deep', level: 'error', line: 1 }),
    ]);
    expect(errorsFor(result, 'cfn/deep.json')).toEqual([
      expect.objectContaining({ code: 'too-deep', level: 'error', line: lineOf(template, '"Deep"') }),
    ]);
    expectNeighboursScanned(result);
  });

  it('survives YAML block sequences nested 100,000 deep (no brackets for the depth guard to count)', async () => {
    const root = makeTempDir({ ...NEIGHBOURS, 'data/deep.yaml': `${'- '.repeat(DEPTH)}x\n` });

    const result = await scanFolder(root);

    expect(errorsFor(result, 'data/deep.yaml')).toEqual([expect.objectContaining({ level: 'error' })]);
    expectNeighboursScanned(result);
  });

  // Bug: the `yaml` library catches its own stack overflow and returns it as a document error with code
  // RESOURCE_EXHAUSTION, which parsers/yaml.ts turns into `parse-failed` ("Fix the syntax error at this line").
  it('reports deep YAML block nesting as `too-deep`, not as a syntax error', async () => {
    const root = makeTempDir({ 'data/deep.yaml': `${'- '.repeat(DEPTH)}x\n` });

    const result = await scanFolder(root);

    expect(errorsFor(result, 'data/deep.yaml')).toEqual([expect.objectContaining({ code: 'too-deep' })]);
  });
});

describe('malformed files', () => {
  it('reports `parse-failed` with the line for broken YAML and JSON', async () => {
    const yaml = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers: a: b\n';
    const json = '{\n  "a": 1\n  "b": 2\n}\n';
    const root = makeTempDir({ ...NEIGHBOURS, 'k8s/broken.yaml': yaml, 'data/broken.json': json });

    const result = await scanFolder(root);

    expect(errorsFor(result, 'k8s/broken.yaml')).toEqual([
      expect.objectContaining({
        code: 'parse-failed',
        level: 'error',
        line: lineOf(yaml, 'containers: a: b'),
      }),
    ]);
    expect(errorsFor(result, 'data/broken.json')).toEqual([
      expect.objectContaining({ code: 'parse-failed', level: 'error', line: lineOf(json, '"b"') }),
    ]);
    expectNeighboursScanned(result);
  });

  it('reports a Helm template as a note (not an error) and still checks it for secrets', async () => {
    const helm = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: {{ include "chart.fullname" . }}',
      '  labels:',
      '    {{- include "chart.labels" . | nindent 4 }}',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '        - name: app',
      `          env: [{ name: KEY, value: ${AWS_KEY} }]`,
      '',
    ].join('\n');
    const root = makeTempDir({ ...NEIGHBOURS, 'chart/templates/deployment.yaml': helm });

    const result = await scanFolder(root);

    const errors = errorsFor(result, 'chart/templates/deployment.yaml');
    expect(errors).toEqual([expect.objectContaining({ code: 'parse-failed', level: 'note' })]);
    expect(errors[0]?.message).toMatch(/template/i);
    expect(findingsIn(result, 'chart/templates/deployment.yaml', AWS_KEY_ID)).toHaveLength(1);
    expectNeighboursScanned(result);
  });
});

describe('structurally odd documents', () => {
  it('do not stop the scan: lists of scalars, wrong types where maps belong, prototype-like names', async () => {
    const oddList = [
      'apiVersion: v1',
      'kind: List',
      'items:',
      '  - 5',
      '  - kind: Pod',
      '    spec:',
      '      containers: [1, [2], { name: [x] }, { securityContext: 7 }]',
      '  - kind: Pod',
      '    metadata: 3',
      '    spec: { containers: { a: 1 } }',
      '---',
      '- 1',
      '---',
      '5',
      '',
    ].join('\n');
    const oddTemplate = [
      "AWSTemplateFormatVersion: '2010-09-09'",
      'Parameters: [1]',
      'Resources:',
      '  __proto__:',
      '    Type: AWS::S3::Bucket',
      '    Properties:',
      '      VersioningConfiguration:',
      '        Status: !Ref constructor',
      '  Empty: ~',
      '  Odd:',
      '    Type: AWS::S3::Bucket',
      '    Properties:',
      '      VersioningConfiguration: [1]',
      '',
    ].join('\n');
    const root = makeTempDir({
      ...NEIGHBOURS,
      'k8s/odd.yaml': oddList,
      'cfn/odd.yaml': oddTemplate,
      'docker/Dockerfile': 'FROM toString\nFROM __proto__ AS constructor\nFROM constructor\n',
    });

    // Every rule of the catalogue reads these documents: none may fail on them.
    const result = await scanFolder(root, { rules: builtinRuleList() });

    expect(result.errors).toEqual([]);
    expect(engineFindingsIn(result, 'k8s/odd.yaml')).toEqual([]);
    expect(engineFindingsIn(result, 'cfn/odd.yaml')).toEqual([]);
    expectNeighboursScanned(result);
  });

  // Bug: adapters/kubernetes.ts looks the kind up with POD_SPEC_PATH[kind], which finds Object.prototype
  // members for kinds such as `constructor` or `__proto__`; spreading them throws a TypeError, and
  // process-unit.ts calls buildModel() outside any try, so one hostile manifest rejects the whole scan.
  it.each(['constructor', '__proto__', 'toString'])(
    'does not stop the scan for a manifest of kind %s',
    async (kind) => {
      const root = makeTempDir({
        ...NEIGHBOURS,
        'k8s/proto.yaml': `apiVersion: v1\nkind: ${kind}\nmetadata:\n  name: x\n`,
      });

      const result = await scanFolder(root, { rules: builtinRuleList() });

      expectNeighboursScanned(result);
      expect(result.errors.filter((e) => e.code === 'rule-failed')).toEqual([]);
      expect(engineFindingsIn(result, 'k8s/proto.yaml')).toEqual([]);
    },
  );
});

describe('unreadable files', () => {
  const runningAsRoot = process.getuid?.() === 0;

  it.skipIf(runningAsRoot)('reports `read-failed` for a file without read permission', async () => {
    const root = makeTempDir({ ...NEIGHBOURS, 'locked/keys.txt': `key=${AWS_KEY}\n` });
    chmodSync(path.join(root, 'locked/keys.txt'), 0o000);

    const result = await scanFolder(root);

    expect(errorsFor(result, 'locked/keys.txt')).toEqual([
      expect.objectContaining({ code: 'read-failed', level: 'error' }),
    ]);
    expect(findingsIn(result, 'locked/keys.txt')).toEqual([]);
    expectNeighboursScanned(result);
  });

  it.skipIf(runningAsRoot)('reports `read-failed` for a folder that cannot be listed', async () => {
    const root = makeTempDir({ ...NEIGHBOURS, 'locked/keys.txt': `key=${AWS_KEY}\n` });
    chmodSync(path.join(root, 'locked'), 0o000);

    const result = await scanFolder(root);

    expect(errorsFor(result, 'locked')).toEqual([expect.objectContaining({ code: 'read-failed' })]);
    expectNeighboursScanned(result);
  });
});

function byFileThenRule(a: string, b: string): number {
  const [ruleA = '', fileA = ''] = a.split(' ');
  const [ruleB = '', fileB = ''] = b.split(' ');
  return fileA.localeCompare(fileB) || ruleA.localeCompare(ruleB);
}

describe('broken Dockerfiles', () => {
  it('judges no image for an empty or broken FROM, instead of reporting a nameless one', async () => {
    const root = makeTempDir({ Dockerfile: 'FROM\nRUN true\nFROM :\nFROM ubuntu\n' });
    const result = await scanFolder(root);
    const messages = result.findings.map((f) => `${f.location.startLine} ${f.message}`);
    expect(messages).toEqual(['4 Base image ubuntu has no tag, so it means :latest.']);
  });
});
