import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../scanners/config/config.js';
import { detectFormat } from '../../scanners/engine/file-format.js';
import { scan } from '../../scanners/engine/scan.js';
import { builtinRuleList } from '../../scanners/rules/registry.js';
import { makeTempDir } from '../helpers/tmp.js';
import { expectValidSnapshot } from './snapshot-schema.js';

const POSTURE_RULES = builtinRuleList().filter((rule) => rule.category === 'posture');

/** A snapshot with every setting weak; `changes` replaces top-level keys. */
function snapshot(changes: Record<string, unknown> = {}): string {
  return `${JSON.stringify(
    {
      kind: 'github-repository-settings',
      schemaVersion: 1,
      collectedAt: '2026-11-28T12:00:00Z',
      repository: {
        owner: 'acme',
        name: 'web',
        visibility: 'public',
        archived: false,
        defaultBranch: 'main',
      },
      branchProtection: null,
      rulesets: [],
      secretScanning: false,
      secretScanningPushProtection: false,
      dependabotAlerts: false,
      actions: { defaultWorkflowPermissions: 'write', canApprovePullRequestReviews: true },
      selfHostedRunners: 1,
      ...changes,
    },
    null,
    2,
  )}\n`;
}

async function scanSnapshot(text: string) {
  const root = makeTempDir({ 'settings.palisade-posture.json': text });
  return scan({ root, config: defaultConfig(), rules: POSTURE_RULES, baseline: false, jobs: 1 });
}

describe('the repository settings snapshot format', () => {
  it('is recognised by its kind and schema version, wherever they are and whatever the file is called', () => {
    expect(detectFormat('acme/web.palisade-posture.json', snapshot())).toBe('github-repository-settings');
    const reordered =
      '{\n  "schemaVersion": 1,\n  "repository": {},\n  "kind": "github-repository-settings"\n}\n';
    expect(detectFormat('settings.json', reordered)).toBe('github-repository-settings');
    expect(detectFormat('other.json', '{ "kind": "github-repository-settings" }')).toBe('json');
    expect(detectFormat('settings.yaml', snapshot())).not.toBe('github-repository-settings');
  });

  it('has a published schema that every rule fixture and this test snapshot match', () => {
    expectValidSnapshot(JSON.parse(snapshot()));
    let checked = 0;
    for (const rule of POSTURE_RULES) {
      const folder = path.join(rule.dir ?? '', 'fixtures', 'github-repository-settings');
      for (const file of readdirSync(folder).filter((f) => f !== 'expected.json')) {
        expectValidSnapshot(JSON.parse(readFileSync(path.join(folder, file), 'utf8')), `${rule.id} ${file}`);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(2 * POSTURE_RULES.length);
  });

  it('gives one finding per weak setting, each on the line of the setting', async () => {
    const result = await scanSnapshot(snapshot());
    const lines = snapshot().split('\n');
    const lineOf = (text: string) => lines.findIndex((line) => line.includes(text)) + 1;
    expect(result.findings.map((f) => `${f.ruleId}:${f.location.startLine}`).sort()).toEqual(
      [
        `PAL-GHP-001:${lineOf('"branchProtection": null')}`,
        `PAL-GHP-006:${lineOf('"secretScanning": false')}`,
        `PAL-GHP-008:${lineOf('"dependabotAlerts": false')}`,
        `PAL-GHP-009:${lineOf('"defaultWorkflowPermissions": "write"')}`,
        `PAL-GHP-010:${lineOf('"canApprovePullRequestReviews": true')}`,
        `PAL-GHP-011:${lineOf('"selfHostedRunners": 1')}`,
      ].sort(),
    );
    expect(result.findings.every((f) => f.resource === 'acme/web' && f.category === 'posture')).toBe(true);
    expect(result.errors).toEqual([]);
  });

  it('reads a malformed field as unknown with a warning, and still checks the rest', async () => {
    const result = await scanSnapshot(
      snapshot({
        secretScanning: 'yes',
        selfHostedRunners: -3,
        actions: ['write'],
        rulesets: [
          'not an object',
          { id: 1, blocksForcePushes: true, blocksDeletions: true, requiredStatusChecks: [] },
        ],
      }),
    );
    // The malformed ruleset might have required reviews: no finding about reviews. Push protection is
    // known to be off while secret scanning is unknown, so 007 reports it.
    expect(result.findings.map((f) => f.ruleId).sort()).toEqual(['PAL-GHP-007', 'PAL-GHP-008']);
    expect(result.errors.map((e) => `${e.level} ${e.code}: ${e.message}`)).toEqual([
      expect.stringMatching(/^warning parse-failed: rulesets\[0\] in the snapshot is not an object/),
      expect.stringMatching(/^warning parse-failed: secret scanning in the snapshot is not a value/),
      expect.stringMatching(/^warning parse-failed: actions in the snapshot is not an object/),
      expect.stringMatching(/^warning parse-failed: the self-hosted runners in the snapshot is not a value/),
    ]);
  });

  it('fails a snapshot of an unknown schema version, or without a repository, with a clear per-file error', async () => {
    const future = await scanSnapshot(snapshot({ schemaVersion: 2 }));
    expect(future.findings).toEqual([]);
    expect(future.errors).toEqual([
      expect.objectContaining({
        code: 'unsupported',
        level: 'error',
        message: 'this snapshot has schemaVersion "2"; this Palisade reads version 1',
      }),
    ]);
    const nameless = await scanSnapshot(snapshot({ repository: { owner: 'acme' } }));
    expect(nameless.findings).toEqual([]);
    expect(nameless.errors[0]).toMatchObject({
      code: 'parse-failed',
      message: 'the snapshot has no repository with an owner and a name',
    });
  });

  it('quotes file text in notes bounded and on one line', async () => {
    const permission = `Administration: read\u001b[31m\n${'x'.repeat(10_000)}`;
    const result = await scanSnapshot(
      snapshot({ dependabotAlerts: { unknown: { permission, status: 403 } } }),
    );
    const [note] = result.errors;
    expect(note).toMatchObject({ code: 'permission-missing', level: 'note' });
    expect(note?.message).toMatch(
      /^Dependabot alerts could not be read \(GitHub answered 403\): it needs "Administration: read/,
    );
    expect(note?.message).not.toMatch(/[\u0000-\u001f]/);
    expect(note?.message.length).toBeLessThan(400);
    expect(result.findings.map((f) => f.ruleId)).not.toContain('PAL-GHP-008');
  });
});
