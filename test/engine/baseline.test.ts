import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../scanners/config/config.js';
import { UsageError } from '../../scanners/core/errors.js';
import { scan } from '../../scanners/engine/scan.js';
import { createBaseline, readBaseline, writeBaseline } from '../../scanners/postprocess/baseline.js';
import { makeTempDir, removeTempDirs, type TempFiles, writeTempFiles } from '../helpers/tmp.js';
import {
  AWS_KEY,
  AWS_KEY_ID,
  bucketTemplate,
  deployment,
  engineRules,
  findingSites,
  K8S_PRIVILEGED,
  lineOf,
  OTHER_AWS_KEY,
  privilegedPod,
} from './sources.js';

afterEach(removeTempDirs);

const RULES = engineRules();

const PROJECT: TempFiles = {
  'k8s/web.yaml': deployment('web', [
    { name: 'app', privileged: true },
    { name: 'sidecar', privileged: true },
  ]),
  'stack.yaml': bucketTemplate({ Logs: {}, Archive: { versioning: 'Suspended' } }),
  Dockerfile: 'FROM ubuntu\n',
  'config/.env': `AWS_ACCESS_KEY_ID=${AWS_KEY}\nBACKUP_KEY_ID=${AWS_KEY}\n`,
};

/** Collects every key of every object in a JSON value. */
function allKeys(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(allKeys);
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, inner]) => [key, ...allKeys(inner)]);
  }
  return [];
}

describe('baseline round trip', () => {
  it('writes no line numbers and no secret values, and reads back what was written', async () => {
    const root = makeTempDir(PROJECT);
    const file = path.join(makeTempDir(), 'baseline.json');
    const result = await scan({ root, jobs: 1, rules: RULES });
    expect(result.findings).toHaveLength(7);

    const baseline = createBaseline(result.findings, new Date('2026-11-28T10:00:00Z'));
    writeBaseline(file, baseline);
    const text = readFileSync(file, 'utf8');

    expect(readBaseline(file)).toEqual(baseline);
    expect(baseline.createdAt).toBe('2026-11-28T10:00:00.000Z');
    expect(baseline.findings.map((f) => f.fingerprint).sort()).toEqual(
      result.findings.map((f) => f.fingerprint).sort(),
    );
    expect(allKeys(JSON.parse(text)).filter((key) => /line|column|snippet/i.test(key))).toEqual([]);
    expect(text).not.toContain(AWS_KEY);
    expect(text).not.toContain(AWS_KEY.slice(4));
  });

  it('hides every baselined finding on the next scan and counts them', async () => {
    const root = makeTempDir(PROJECT);
    const file = path.join(makeTempDir(), 'baseline.json');
    const first = await scan({ root, jobs: 1, rules: RULES });
    writeBaseline(file, createBaseline(first.findings));

    const byPath = await scan({ root, jobs: 1, rules: RULES, baseline: file });
    const byObject = await scan({ root, jobs: 1, rules: RULES, baseline: readBaseline(file) });

    for (const result of [byPath, byObject]) {
      expect(result.findings).toEqual([]);
      expect(result.stats.baselineHidden).toBe(first.findings.length);
    }
  });

  it('still reports new findings, including one in a baselined file and a new copy of a baselined secret', async () => {
    const root = makeTempDir(PROJECT);
    const file = path.join(makeTempDir(), 'baseline.json');
    const first = await scan({ root, jobs: 1, rules: RULES });
    writeBaseline(file, createBaseline(first.findings));
    const web = deployment('web', [
      { name: 'app', privileged: true },
      { name: 'sidecar', privileged: true },
      { name: 'debug', privileged: true },
    ]);
    const env = `AWS_ACCESS_KEY_ID=${AWS_KEY}\nBACKUP_KEY_ID=${AWS_KEY}\nTHIRD_KEY_ID=${AWS_KEY}\nNEW=${OTHER_AWS_KEY}\n`;
    writeTempFiles(root, { 'k8s/web.yaml': web, 'config/.env': env, 'k8s/new.yaml': privilegedPod('new') });

    const result = await scan({ root, jobs: 1, rules: RULES, baseline: file });

    expect(findingSites(result)).toEqual([
      `${AWS_KEY_ID} config/.env:3`,
      `${AWS_KEY_ID} config/.env:4`,
      `${K8S_PRIVILEGED} k8s/new.yaml:${lineOf(privilegedPod('new'), 'privileged')}`,
      `${K8S_PRIVILEGED} k8s/web.yaml:${lineOf(web, 'privileged', 3)}`,
    ]);
    expect(result.stats.baselineHidden).toBe(first.findings.length);
  });

  it('is read from the configured `baseline`, and `baseline: false` ignores it', async () => {
    const root = makeTempDir(PROJECT);
    const first = await scan({ root, jobs: 1, rules: RULES });
    writeBaseline(path.join(root, '.palisade-baseline.json'), createBaseline(first.findings));
    writeTempFiles(root, { '.palisade.yml': 'baseline: .palisade-baseline.json\n' });

    const withConfiguredBaseline = await scan({ root, jobs: 1, rules: RULES });
    const withBaselineOff = await scan({ root, jobs: 1, rules: RULES, baseline: false });

    expect(withConfiguredBaseline.findings).toEqual([]);
    expect(withConfiguredBaseline.stats.baselineHidden).toBe(first.findings.length);
    expect(withBaselineOff.findings).toHaveLength(first.findings.length);
    expect(parseConfig('baseline: b.json\n', path.join(root, 'sub/.palisade.yml')).baseline).toBe(
      path.join(root, 'sub/b.json'),
    );
  });

  it('leaves suppressed findings out: they are handled already', async () => {
    const root = makeTempDir({
      'k8s/web.yaml': deployment('web', [{ name: 'app', privileged: true }]).replace(
        'privileged: true',
        `privileged: true # palisade:ignore ${K8S_PRIVILEGED} accepted`,
      ),
      'k8s/other.yaml': privilegedPod('other'),
    });
    const result = await scan({ root, jobs: 1, rules: RULES });

    const baseline = createBaseline(result.findings);

    expect(result.findings).toHaveLength(2);
    expect(baseline.findings.map((f) => f.file)).toEqual(['k8s/other.yaml']);
  });
});

describe('malformed baseline', () => {
  it.each([
    ['not JSON', '{ "version": 1, '],
    ['another version', '{ "version": 2, "findings": [] }'],
    ['no findings list', '{ "version": 1, "tool": "palisade" }'],
    ['an entry without fingerprint', '{ "version": 1, "findings": [{ "ruleId": "PAL-K8S-001" }] }'],
    ['null', 'null'],
  ])('throws a UsageError naming the file for %s', async (_what, content) => {
    const folder = makeTempDir({ 'baseline.json': content });
    const file = path.join(folder, 'baseline.json');

    expect(() => readBaseline(file)).toThrow(UsageError);
    expect(() => readBaseline(file)).toThrow(file);
    await expect(scan({ root: makeTempDir(PROJECT), jobs: 1, rules: RULES, baseline: file })).rejects.toThrow(
      UsageError,
    );
  });

  it('throws a UsageError for a missing baseline file', async () => {
    const missing = path.join(makeTempDir(), 'nope.json');

    await expect(
      scan({ root: makeTempDir(PROJECT), jobs: 1, rules: RULES, baseline: missing }),
    ).rejects.toThrow(UsageError);
  });
});
