import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../scanners/config/config.js';
import type { ScanResult } from '../../scanners/core/types.js';
import { scan } from '../../scanners/engine/scan.js';
import { enableOnlyConfig } from '../helpers/rules.js';
import { makeTempDir, removeTempDirs, type TempFiles } from '../helpers/tmp.js';
import {
  AWS_KEY_ID,
  awsKey,
  DOCKER_UNPINNED,
  deployment,
  ENGINE_RULE_IDS,
  K8S_PRIVILEGED,
} from './sources.js';

afterAll(removeTempDirs);

const GROUP_SIZE = 200;

/** 600 small files (a third each of manifests, Dockerfiles and key files) plus two bad ones. */
function corpus(): { files: TempFiles; expected: Record<string, number> } {
  const files: TempFiles = {};
  for (let i = 0; i < GROUP_SIZE; i++) {
    // Every other manifest has a privileged container; every third Dockerfile is unpinned.
    files[`k8s/app-${i}.yaml`] = deployment(`app-${i}`, [{ name: 'main', privileged: i % 2 === 0 }]);
    files[`images/svc-${i}/Dockerfile`] = i % 3 === 0 ? 'FROM ubuntu\n' : 'FROM ubuntu:24.04\n';
    // Every fourth file holds two keys.
    const keys = i % 4 === 0 ? [awsKey(2 * i), awsKey(2 * i + 1)] : [awsKey(2 * i)];
    files[`config/service-${i}.env`] = keys.map((key, n) => `KEY_${n}=${key}\n`).join('');
  }
  files['assets/logo.png'] = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]);
  files['k8s/broken.yaml'] = 'apiVersion: v1\nkind: Pod\nspec:\n  containers: a: b\n';
  return {
    files,
    expected: {
      [K8S_PRIVILEGED]: GROUP_SIZE / 2,
      [DOCKER_UNPINNED]: Math.ceil(GROUP_SIZE / 3),
      [AWS_KEY_ID]: GROUP_SIZE + GROUP_SIZE / 4,
    },
  };
}

function countByRule(result: ScanResult): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const finding of result.findings) counts[finding.ruleId] = (counts[finding.ruleId] ?? 0) + 1;
  return counts;
}

describe('parallel scanning', () => {
  let root: string;
  let expected: Record<string, number>;
  let serial: ScanResult;
  let parallel: ScanResult;
  const serialProgress: number[] = [];
  const parallelProgress: number[] = [];

  beforeAll(async () => {
    const generated = corpus();
    root = makeTempDir(generated.files);
    expected = generated.expected;
    // Rules chosen by config, not by `scan({ rules })`: workers load them from the selection, as in real use.
    const config = parseConfig(enableOnlyConfig(ENGINE_RULE_IDS));
    serial = await scan({ root, config, jobs: 1, onProgress: (done) => serialProgress.push(done) });
    parallel = await scan({ root, config, jobs: 2, onProgress: (done) => parallelProgress.push(done) });
  });

  it('finds what the corpus holds', () => {
    expect(countByRule(serial)).toEqual(expected);
    expect(serial.stats.filesScanned).toBe(3 * GROUP_SIZE + 1);
    expect(serial.errors.map((e) => [e.code, e.file])).toEqual([
      ['binary', 'assets/logo.png'],
      ['parse-failed', 'k8s/broken.yaml'],
    ]);
  });

  it('gives the same findings, in the same order, with 2 workers as in one thread', () => {
    expect(parallel.findings.map((f) => f.fingerprint)).toEqual(serial.findings.map((f) => f.fingerprint));
    expect(parallel.findings).toEqual(serial.findings);
    expect(parallel.errors).toEqual(serial.errors);
    expect({ ...parallel.stats, durationMs: 0 }).toEqual({ ...serial.stats, durationMs: 0 });
  });

  it('went through the worker pool: progress arrives a batch of units at a time', () => {
    const units = 3 * GROUP_SIZE + 2;
    const steps = (progress: number[]) => progress.map((done, i) => done - (progress[i - 1] ?? 0));

    expect(serialProgress.at(-1)).toBe(units);
    expect(new Set(steps(serialProgress))).toEqual(new Set([1]));
    expect(parallelProgress.at(-1)).toBe(units);
    expect(parallelProgress.length).toBeLessThan(units / 8);
    expect(Math.max(...steps(parallelProgress))).toBeGreaterThan(1);
  });
});
