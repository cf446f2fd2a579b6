import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultConfig, parseConfig } from '../../scanners/config/config.js';
import { scan } from '../../scanners/engine/scan.js';
import { render } from '../../scanners/reporters/index.js';
import { builtinRuleList } from '../../scanners/rules/registry.js';
import { makeTempDir, removeTempDirs } from '../helpers/tmp.js';

afterAll(removeTempDirs);

const pipelineRules = () => builtinRuleList().filter((r) => r.category === 'pipeline');

const VULNERABLE = `on: issues
permissions:
  contents: read
jobs:
  triage:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: docker/setup-buildx-action@v3
      - run: |
          echo "\${{ github.event.issue.title }}"
`;

describe('pipeline audits in a scan', () => {
  it('reports a malformed workflow as a per-file error and still audits the other files', async () => {
    const root = makeTempDir({
      '.github/workflows/broken.yml':
        'on: push\njobs:\n  build:\n    runs-on: [ubuntu-latest\n    steps: x\n',
      '.github/workflows/triage.yml': VULNERABLE,
    });
    const result = await scan({
      root,
      config: defaultConfig(),
      rules: pipelineRules(),
      baseline: false,
      jobs: 1,
    });
    const errors = result.errors.filter((e) => e.level === 'error');
    expect(errors.map((e) => [e.file, e.code])).toEqual([['.github/workflows/broken.yml', 'parse-failed']]);
    const hits = result.findings.map((f) => `${f.ruleId}@${f.location.file}:${f.location.startLine}`);
    expect(hits).toContain('PAL-GHA-001@.github/workflows/triage.yml:11');
    expect(hits).toContain('PAL-GHA-008@.github/workflows/triage.yml:9');
  });

  it('lets pipeline.trusted-actions decide which tag pins are accepted', async () => {
    const root = makeTempDir({ '.github/workflows/triage.yml': VULNERABLE });
    const pins = async (config = defaultConfig()) =>
      (await scan({ root, config, rules: pipelineRules(), baseline: false, jobs: 1 })).findings
        .filter((f) => f.ruleId === 'PAL-GHA-008')
        .map((f) => f.location.startLine);
    expect(await pins()).toEqual([9]);
    expect(await pins(parseConfig('pipeline:\n  trusted-actions: []\n'))).toEqual([8, 9]);
    expect(await pins(parseConfig("pipeline:\n  trusted-actions: ['actions/*', 'docker/*']\n"))).toEqual([]);
    expect(() => parseConfig('pipeline:\n  trusted-actions: [not a pattern]\n')).toThrow();
  });

  it('carries each rule confidence into SARIF properties', async () => {
    const root = makeTempDir({ '.github/workflows/triage.yml': VULNERABLE });
    const result = await scan({
      root,
      config: defaultConfig(),
      rules: pipelineRules(),
      baseline: false,
      jobs: 1,
    });
    const sarif = JSON.parse(render('sarif', result));
    const rules = sarif.runs[0].tool.driver.rules as Array<{
      id: string;
      properties: Record<string, unknown>;
    }>;
    const injection = rules.find((r) => r.id === 'PAL-GHA-001');
    expect(injection?.properties).toMatchObject({
      confidence: 'high',
      precision: 'high',
      category: 'pipeline',
    });
    const selfHosted = rules.find((r) => r.id === 'PAL-GHA-019');
    expect(selfHosted?.properties).toMatchObject({ confidence: 'low', precision: 'low' });
  });

  it('gives every pipeline rule a confidence, and the issue its 30+ checks on all three platforms', () => {
    const rules = pipelineRules();
    expect(rules.length).toBeGreaterThanOrEqual(32);
    for (const rule of rules) {
      expect(
        rule.tags?.filter((t) => /^confidence-(high|medium|low)$/.test(t)),
        rule.id,
      ).toHaveLength(1);
    }
    const platforms = new Set(rules.flatMap((r) => r.formats));
    expect([...platforms].sort()).toEqual([
      'azure-pipelines',
      'github-action',
      'github-workflow',
      'gitlab-ci',
    ]);
  });
});

describe('self-audit', () => {
  const repository = path.resolve(import.meta.dirname, '../..');
  const audit = async (files: string[]) => {
    const result = await scan({
      root: repository,
      files,
      config: defaultConfig(),
      rules: pipelineRules(),
      baseline: false,
      jobs: 1,
    });
    expect(result.errors.filter((e) => e.level === 'error')).toEqual([]);
    return result.findings.map((f) => `${f.ruleId} ${f.location.file}:${f.location.startLine}`);
  };

  it.skipIf(!existsSync(path.join(repository, '.github')))(
    "Palisade's own .github workflows pass its pipeline audits",
    async () => {
      expect(await audit(['.github'])).toEqual([]);
    },
  );

  it("Palisade's own composite action (action.yml) is audited and passes", async () => {
    const result = await scan({
      root: repository,
      files: ['action.yml'],
      config: defaultConfig(),
      rules: pipelineRules(),
      baseline: false,
      jobs: 1,
    });
    expect(result.stats.filesScanned).toBe(1);
    expect(await audit(['action.yml'])).toEqual([]);
  });
});
