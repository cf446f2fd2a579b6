import { afterEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../scanners/core/types.js';
import { scan } from '../../scanners/engine/scan.js';
import { fingerprint } from '../../scanners/postprocess/fingerprint.js';
import { makeTempDir, removeTempDirs, type TempFiles } from '../helpers/tmp.js';
import {
  AWS_KEY,
  AWS_KEY_ID,
  bucketTemplate,
  DOCKER_UNPINNED,
  deployment,
  engineRules,
  findingsIn,
  K8S_PRIVILEGED,
  lineOf,
  queueResources,
  S3_VERSIONING,
} from './sources.js';

afterEach(removeTempDirs);

async function scanFiles(files: TempFiles): Promise<Finding[]> {
  const result = await scan({ root: makeTempDir(files), jobs: 1, rules: engineRules() });
  expect(result.errors).toEqual([]);
  return result.findings;
}

/** Fingerprint by resource address (or rule id, for findings without a resource). */
function byResource(findings: Finding[]): Record<string, { fingerprint: string; line: number }> {
  return Object.fromEntries(
    findings.map((f) => [f.resource ?? f.ruleId, { fingerprint: f.fingerprint, line: f.location.startLine }]),
  );
}

/** Twenty lines of an unrelated ConfigMap, as a YAML document placed before a manifest. */
const CONFIG_MAP_DOCUMENT = [
  'apiVersion: v1',
  'kind: ConfigMap',
  'metadata:',
  '  name: settings',
  'data:',
  ...Array.from({ length: 14 }, (_, i) => `  key${i}: value${i}`),
  '---',
].join('\n');

describe('fingerprints survive moves and unrelated edits', () => {
  it('for CloudFormation: 20 lines of resources inserted above, and the bucket name changed', async () => {
    const before = bucketTemplate({ Logs: { versioning: 'Suspended' }, Archive: {} });
    const after = bucketTemplate(
      {
        Logs: { versioning: 'Suspended', bucketName: 'renamed-logs' },
        Archive: { bucketName: 'renamed-archive' },
      },
      queueResources(10),
    );

    const original = byResource(await scanFiles({ 'stack.yaml': before }));
    const moved = byResource(await scanFiles({ 'stack.yaml': after }));

    expect(Object.keys(original).sort()).toEqual(['Resources.Archive', 'Resources.Logs']);
    expect(original['Resources.Logs']?.line).toBe(lineOf(before, 'Status: Suspended'));
    expect(original['Resources.Archive']?.line).toBe(lineOf(before, 'Archive:'));
    for (const address of ['Resources.Logs', 'Resources.Archive']) {
      expect(moved[address]?.fingerprint).toBe(original[address]?.fingerprint);
      expect(moved[address]?.line).toBe((original[address]?.line ?? 0) + 20);
    }
  });

  it('for Kubernetes: a 20-line document inserted above, and the image and replicas changed', async () => {
    const before = deployment('web', [
      { name: 'app', privileged: true },
      { name: 'sidecar', privileged: true },
    ]);
    const after =
      `${CONFIG_MAP_DOCUMENT}\n` +
      deployment(
        'web',
        [
          { name: 'app', privileged: true, image: 'registry.example.com/app:9.9.9' },
          { name: 'sidecar', privileged: true },
        ],
        5,
      );

    const original = byResource(await scanFiles({ 'k8s/web.yaml': before }));
    const moved = byResource(await scanFiles({ 'k8s/web.yaml': after }));

    const addresses = ['Deployment/default/web/app', 'Deployment/default/web/sidecar'];
    expect(Object.keys(original).sort()).toEqual(addresses);
    expect(original[addresses[0]!]?.line).toBe(lineOf(before, 'privileged: true', 1));
    expect(original[addresses[1]!]?.line).toBe(lineOf(before, 'privileged: true', 2));
    for (const address of addresses) {
      expect(moved[address]?.fingerprint).toBe(original[address]?.fingerprint);
      expect(moved[address]?.line).toBe((original[address]?.line ?? 0) + 20);
    }
  });

  it('for Dockerfiles and secrets: comment lines inserted above', async () => {
    const dockerfile = 'FROM ubuntu\nRUN apt-get update\n';
    const env = `AWS_ACCESS_KEY_ID=${AWS_KEY}\n`;
    const comments = Array.from({ length: 20 }, (_, i) => `# note ${i}\n`).join('');

    const original = await scanFiles({ Dockerfile: dockerfile, '.env': env });
    const moved = await scanFiles({ Dockerfile: comments + dockerfile, '.env': comments + env });

    expect(original.map((f) => f.ruleId).sort()).toEqual([DOCKER_UNPINNED, AWS_KEY_ID].sort());
    expect(moved.map((f) => f.fingerprint).sort()).toEqual(original.map((f) => f.fingerprint).sort());
    expect(moved.map((f) => f.location.startLine)).toEqual([21, 21]);
  });
});

describe('fingerprints tell findings apart', () => {
  it('differs between two resources with the same problem', async () => {
    const findings = await scanFiles({
      'stack.yaml': bucketTemplate({ Logs: {}, Archive: {} }),
      'k8s/web.yaml': deployment('web', [
        { name: 'app', privileged: true },
        { name: 'sidecar', privileged: true },
      ]),
    });

    expect(findings).toHaveLength(4);
    expect(new Set(findings.map((f) => f.fingerprint)).size).toBe(4);
  });

  it('differs for the same secret twice in one file, and in another file', async () => {
    const text = `primary=${AWS_KEY}\nbackup=${AWS_KEY}\n`;

    const findings = await scanFiles({ 'a.env': text, 'b.env': text });

    const inA = findingsIn({ findings }, 'a.env', AWS_KEY_ID);
    expect(inA.map((f) => f.location.startLine)).toEqual([1, 2]);
    expect(inA[0]?.secret?.sha256).toBe(inA[1]?.secret?.sha256);
    expect(new Set(findings.map((f) => f.fingerprint)).size).toBe(4);
  });

  it('changes when the resource is renamed', async () => {
    const before = await scanFiles({
      'stack.yaml': bucketTemplate({ Logs: {} }),
      'k8s/web.yaml': deployment('web', [{ name: 'app', privileged: true }]),
    });
    const renamed = await scanFiles({
      'stack.yaml': bucketTemplate({ LogsBucket: {} }),
      'k8s/web.yaml': deployment('web', [{ name: 'web-app', privileged: true }]),
    });
    const workloadRenamed = await scanFiles({
      'stack.yaml': bucketTemplate({ Logs: {} }),
      'k8s/web.yaml': deployment('frontend', [{ name: 'app', privileged: true }]),
    });

    const fingerprintOf = (findings: Finding[], ruleId: string) =>
      findings.find((f) => f.ruleId === ruleId)?.fingerprint;
    for (const ruleId of [S3_VERSIONING, K8S_PRIVILEGED]) {
      expect(fingerprintOf(before, ruleId)).toMatch(/^[0-9a-f]{64}$/);
      expect(fingerprintOf(renamed, ruleId)).not.toBe(fingerprintOf(before, ruleId));
    }
    expect(fingerprintOf(workloadRenamed, K8S_PRIVILEGED)).not.toBe(fingerprintOf(before, K8S_PRIVILEGED));
    expect(fingerprintOf(workloadRenamed, S3_VERSIONING)).toBe(fingerprintOf(before, S3_VERSIONING));
  });

  it('changes when the file moves (the path is part of the identity)', async () => {
    const pod = deployment('web', [{ name: 'app', privileged: true }]);

    const [inOldPlace] = await scanFiles({ 'k8s/web.yaml': pod });
    const [inNewPlace] = await scanFiles({ 'deploy/web.yaml': pod });

    expect(inNewPlace?.fingerprint).not.toBe(inOldPlace?.fingerprint);
  });
});

describe('fingerprint()', () => {
  it('depends on each identity part, and on nothing else', () => {
    const parts = { ruleId: 'PAL-X-1', file: 'a.yaml', resource: 'Resources.A', key: 'x.y', occurrence: 0 };
    const reference = fingerprint(parts);

    expect(fingerprint({ ...parts })).toBe(reference);
    const variants = [
      { ...parts, ruleId: 'PAL-X-2' },
      { ...parts, file: 'b.yaml' },
      { ...parts, resource: 'Resources.B' },
      { ...parts, key: 'x.z' },
      { ...parts, occurrence: 1 },
      // Parts are separated, so shifting text from one part into the next is a different identity.
      { ...parts, resource: 'Resources.Ax', key: '.y' },
    ];
    for (const variant of variants) expect(fingerprint(variant)).not.toBe(reference);
  });
});
