import { afterAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../scanners/config/config.js';
import { scan } from '../../scanners/engine/scan.js';
import { builtinRuleList } from '../../scanners/rules/registry.js';
import { makeTempDir, removeTempDirs } from '../helpers/tmp.js';

afterAll(removeTempDirs);

const pipelineRules = () => builtinRuleList().filter((r) => r.category === 'pipeline');

async function scanFiles(files: Record<string, string>) {
  const root = makeTempDir(files);
  return scan({ root, config: defaultConfig(), rules: pipelineRules(), baseline: false, jobs: 1 });
}

describe('hostile pipeline files', () => {
  it('stops an alias bomb with a per-file error', async () => {
    const bomb = [
      'on: push',
      'a: &a ["x","x","x","x","x","x","x","x","x","x"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'jobs:',
      '  x:',
      '    runs-on: ubuntu-latest',
      '    steps: [*d]',
    ].join('\n');
    const result = await scanFiles({
      '.github/workflows/bomb.yml': bomb,
      '.gitlab-ci.yml': 'a:\n  script: [ok]\n',
    });
    expect(result.errors.filter((e) => e.level === 'error').map((e) => e.file)).toEqual([
      '.github/workflows/bomb.yml',
    ]);
  });

  it('treats prototype-like names as plain names', async () => {
    const workflow = `on: pull_request
permissions:
  contents: read
env:
  __proto__: \${{ github.head_ref }}
  constructor: x
jobs:
  __proto__:
    runs-on: ubuntu-latest
    steps:
      - id: toString
        run: echo "hasOwnProperty=\${{ github.head_ref }}" >> "$GITHUB_OUTPUT"
      - run: echo \${{ steps.toString.outputs.hasOwnProperty }} $__proto__
`;
    const result = await scanFiles({ '.github/workflows/proto.yml': workflow });
    expect(result.errors.filter((e) => e.level === 'error')).toEqual([]);
    const hits = result.findings.map((f) => `${f.ruleId}:${f.location.startLine}`).sort();
    expect(hits).toEqual(['PAL-GHA-001:13', 'PAL-GHA-003:12', 'PAL-GHA-004:13']);
  });

  it('audits a very long script and keeps every finding on its own line', async () => {
    const lines = Array.from({ length: 3000 }, (_, i) =>
      i % 100 === 0 ? `echo "\${{ github.event.issue.title }}" $i` : `echo line ${i} "$HOME" && eval "x $i"`,
    );
    const workflow = `on: issues
permissions:
  contents: read
jobs:
  long:
    runs-on: ubuntu-latest
    steps:
      - run: |
${lines.map((l) => `          ${l}`).join('\n')}
`;
    const result = await scanFiles({ '.github/workflows/long.yml': workflow });
    const injected = result.findings
      .filter((f) => f.ruleId === 'PAL-GHA-001')
      .map((f) => f.location.startLine);
    expect(injected).toEqual(Array.from({ length: 30 }, (_, k) => 9 + k * 100));
  });

  it('survives wrong types where maps and lists belong', async () => {
    const result = await scanFiles({
      '.github/workflows/types.yml':
        'on: 42\npermissions: [a]\njobs:\n  a: 1\n  b:\n    runs-on: {}\n    steps: "text"\n    container: [1]\n    services: 3\n  c:\n    runs-on: x\n    steps:\n      - uses: [1]\n      - run: {a: 1}\n      - 7\n',
      '.gitlab-ci.yml':
        'include: 5\nvariables: [1]\njob:\n  script: {a: b}\n  image: [1]\n  services: {a: 1}\n  rules: 3\n',
      'azure-pipelines.yml':
        'resources: 1\nvariables: 3\nsteps:\n  - script: [1]\n  - task: {}\n    inputs: 4\n  - 5\njobs: x\n',
    });
    expect(result.errors.filter((e) => e.level === 'error')).toEqual([]);
  });
});
