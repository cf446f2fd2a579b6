import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { scan } from '../../scanners/engine/scan.js';
import { unresolvable } from '../../scanners/model/attr.js';
import type { Rule } from '../../scanners/rules/types.js';
import { makeTempDir, removeTempDirs, type TempFiles } from '../helpers/tmp.js';
import {
  AWS_KEY,
  AWS_KEY_ID,
  bucketTemplate,
  DOCKER_UNPINNED,
  deployment,
  engineRules,
  findingSites,
  findingsIn,
  K8S_PRIVILEGED,
  lineOf,
  S3_VERSIONING,
} from './sources.js';

afterEach(removeTempDirs);

const PROJECT: TempFiles = {
  'b/stack.yaml': bucketTemplate({ Logs: {} }),
  'a/web.yaml': deployment('web', [{ name: 'app', privileged: true }]),
  'a/Dockerfile': 'FROM ubuntu\n',
  'c.env': `AWS_ACCESS_KEY_ID=${AWS_KEY}\n`,
};

/** A test rule with valid metadata and the given check. */
function testRule(id: string, check: Rule['check']): Rule {
  return {
    id,
    title: `test rule ${id}`,
    severity: 'low',
    category: 'iac',
    description: 'A rule used by the engine tests.',
    cwe: [],
    remediation: 'None.',
    formats: ['kubernetes'],
    check,
  };
}

describe('scan result', () => {
  it('sorts findings by file then line, and describes every rule that ran', async () => {
    const result = await scan({ root: makeTempDir(PROJECT), jobs: 1, rules: engineRules() });

    expect(findingSites(result)).toEqual([
      `${DOCKER_UNPINNED} a/Dockerfile:1`,
      `${K8S_PRIVILEGED} a/web.yaml:${lineOf(PROJECT['a/web.yaml'] as string, 'privileged')}`,
      `${S3_VERSIONING} b/stack.yaml:${lineOf(PROJECT['b/stack.yaml'] as string, 'Logs:')}`,
      `${AWS_KEY_ID} c.env:1`,
    ]);
    expect(result.rules.map((r) => r.id).sort()).toEqual(
      [AWS_KEY_ID, S3_VERSIONING, DOCKER_UNPINNED, K8S_PRIVILEGED].sort(),
    );
    expect(result.rules.every((r) => r.helpUri.endsWith(r.id) && r.docs.length > 0)).toBe(true);
    expect(result.findings.every((f) => f.title && f.remediation && f.helpUri && f.snippet)).toBe(true);
  });

  it('counts the files and bytes it read', async () => {
    const root = makeTempDir({ ...PROJECT, 'bin/tool': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00]) });

    const result = await scan({ root, jobs: 1, rules: engineRules() });

    const bytes = Object.values(PROJECT).reduce((sum, text) => sum + Buffer.byteLength(text as string), 0);
    expect(result.stats).toMatchObject({ filesScanned: 4, filesSkipped: 1, bytesScanned: bytes });
    expect(result.root).toBe(root);
    expect(Date.parse(result.finishedAt)).toBeGreaterThanOrEqual(Date.parse(result.startedAt));
  });
});

describe('secrets', () => {
  it('keeps only a hash and a preview, and masks the value in every snippet, even other rules’', async () => {
    const manifest = deployment('web', [{ name: 'app', privileged: true }]).replace(
      'privileged: true',
      `privileged: true # rotated from ${AWS_KEY}`,
    );
    const root = makeTempDir({ 'k8s/web.yaml': manifest, '.env': `AWS_ACCESS_KEY_ID=${AWS_KEY}\n` });

    const result = await scan({ root, jobs: 1, rules: engineRules() });

    expect(JSON.stringify(result)).not.toContain(AWS_KEY);
    const sha256 = createHash('sha256').update(AWS_KEY).digest('hex');
    for (const finding of result.findings.filter((f) => f.ruleId === AWS_KEY_ID)) {
      expect(finding.secret).toEqual({ sha256, preview: 'AKIA' });
    }
    const [privileged] = findingsIn(result, 'k8s/web.yaml', K8S_PRIVILEGED);
    expect(privileged?.snippet).toContain('privileged: true # rotated from AKIA*');
    expect(findingsIn(result, '.env', AWS_KEY_ID)[0]?.snippet).toMatch(/^AWS_ACCESS_KEY_ID=AKIA\*+$/);
  });
});

describe('large text-only files', () => {
  it('are searched without their strings, and still report, suppress, warn and count as before', async () => {
    // Over LARGE_TEXT_BYTES: the reader gives these as CodeUnits (see scanners/core/code-units.ts).
    const minified = Array.from({ length: 2000 }, (_, i) => `var v${i}="${'x'.repeat(40)}";`).join('\n');
    const files: TempFiles = {
      'dist/leak.js': `${minified}\nconst key = "${AWS_KEY}";\n`,
      'dist/clean.js': `${minified}\n`,
      'dist/ignored.js': `${minified}\n// palisade:ignore ${AWS_KEY_ID} test fixture until=2099-01-01\nk="${AWS_KEY}";\n`,
      'dist/expired.js': `${minified}\n// palisade:ignore ${AWS_KEY_ID} old fixture until=2020-01-01\nk="${AWS_KEY}";\n`,
      // Non-ASCII: two bytes a code unit.
      'docs/notes.md': `${'ünïcödé '.repeat(10_000)}\nAWS_ACCESS_KEY_ID=${AWS_KEY}\n`,
      // A large file that a parser takes is read as a string and parsed as before.
      'b/stack.yaml': `${bucketTemplate({ Logs: {} })}${'# padding\n'.repeat(8000)}`,
    };
    const result = await scan({ root: makeTempDir(files), jobs: 1, rules: engineRules() });

    expect(findingSites(result)).toEqual([
      `${S3_VERSIONING} b/stack.yaml:${lineOf(files['b/stack.yaml'] as string, 'Logs:')}`,
      `${AWS_KEY_ID} dist/expired.js:2002`,
      `${AWS_KEY_ID} dist/ignored.js:2002`,
      `${AWS_KEY_ID} dist/leak.js:2001`,
      `${AWS_KEY_ID} docs/notes.md:2`,
    ]);
    expect(findingsIn(result, 'dist/ignored.js')[0]?.suppression).toMatchObject({ until: '2099-01-01' });
    expect(findingsIn(result, 'dist/expired.js')[0]?.suppression).toBeUndefined();
    expect(findingsIn(result, 'dist/leak.js')[0]?.snippet).toBe('const key = "AKIA****************";');
    expect(result.errors.map((e) => `${e.code} ${e.file}`)).toEqual(['expired-suppression dist/expired.js']);
    const bytes = Object.values(files).reduce((sum, text) => sum + Buffer.byteLength(text as string), 0);
    expect(result.stats).toMatchObject({ filesScanned: 6, bytesScanned: bytes });
  });
});

describe('rule failures', () => {
  it('turns a rule that throws into a `rule-failed` error while the other rules still report', async () => {
    const throwing = testRule('TEST-THROWS-001', () => {
      throw new Error('boom');
    });
    const root = makeTempDir({ 'k8s/web.yaml': PROJECT['a/web.yaml'] as string });

    const result = await scan({ root, rules: [...engineRules(), throwing], jobs: 1 });

    expect(result.errors).toEqual([
      expect.objectContaining({
        code: 'rule-failed',
        level: 'error',
        file: 'k8s/web.yaml',
        ruleId: 'TEST-THROWS-001',
        message: expect.stringContaining('boom'),
      }),
    ]);
    expect(result.findings.map((f) => f.ruleId)).toEqual([K8S_PRIVILEGED]);
  });

  it('treats a report without a location as a rule failure, and drops unresolvable values silently', async () => {
    const unlocated = testRule('TEST-NOWHERE-001', ({ report }) => report({ message: 'somewhere?' }));
    const unknowable = testRule('TEST-UNKNOWN-001', ({ model, report }) => {
      for (const workload of model.kubernetes.workloads) {
        report({ resource: workload, attr: unresolvable(workload.headerRange, 'spec.unknown') });
      }
    });
    const root = makeTempDir({ 'k8s/web.yaml': PROJECT['a/web.yaml'] as string });

    const result = await scan({ root, rules: [unlocated, unknowable], jobs: 1 });

    expect(result.findings).toEqual([]);
    expect(result.errors.map((e) => [e.code, e.ruleId])).toEqual([['rule-failed', 'TEST-NOWHERE-001']]);
  });
});
