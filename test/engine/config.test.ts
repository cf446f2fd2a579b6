import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_MAX_FILE_SIZE,
  defaultConfig,
  parseConfig,
  parseSize,
} from '../../scanners/config/config.js';
import { UsageError } from '../../scanners/core/errors.js';
import { shouldFail } from '../../scanners/core/types.js';
import { scan } from '../../scanners/engine/scan.js';
import { builtinRuleIds, enableOnlyConfig } from '../helpers/rules.js';
import { makeTempDir, removeTempDirs, type TempFiles } from '../helpers/tmp.js';
import {
  AWS_KEY,
  AWS_KEY_ID,
  DOCKER_UNPINNED,
  ENGINE_RULE_IDS,
  errorsFor,
  findingSites,
  findingsIn,
  K8S_PRIVILEGED,
  privilegedPod,
  S3_VERSIONING,
} from './sources.js';

afterEach(removeTempDirs);

const CONFIG_FILE = '/repo/.palisade.yml';

/** The UsageError parseConfig throws for `text` (fails the test if it does not throw one). */
function configError(text: string): UsageError {
  try {
    parseConfig(text, CONFIG_FILE);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return error as UsageError;
  }
  throw new Error('parseConfig accepted invalid config');
}

describe('parseConfig errors name the file, the line and the key', () => {
  it('for an unknown top-level key', () => {
    const error = configError('fail-on: high\nexclude: []\nexclued:\n  - vendor/**\n');

    expect(error).toMatchObject({ file: CONFIG_FILE, line: 3 });
    expect(error.message).toMatch(new RegExp(`^${CONFIG_FILE}:3: .*unknown key "exclued"`));
  });

  it('for an unknown nested key', () => {
    const error = configError('rules:\n  disable: [PAL-K8S-001]\n  disabel: [PAL-DOCKER-001]\n');

    expect(error).toMatchObject({ file: CONFIG_FILE, line: 3 });
    expect(error.message).toMatch(/\brules\b.*unknown key "disabel"/);
  });

  it('for a value outside the fail-on enum', () => {
    const error = configError('exclude: []\nfail-on: hihg\n');

    expect(error).toMatchObject({ file: CONFIG_FILE, line: 2 });
    expect(error.message).toContain('fail-on: must be one of critical, high, medium, low, info, none');
  });

  it('for the wrong type of rules.disable', () => {
    const error = configError('rules:\n  enable: [PAL-*]\n  disable: PAL-K8S-001\n');

    expect(error).toMatchObject({ file: CONFIG_FILE, line: 3 });
    expect(error.message).toContain('rules.disable: must be array');
  });

  it('for a wrong value deep inside overrides', () => {
    const text =
      "overrides:\n  - paths: ['legacy/**']\n    rules:\n      severity:\n        PAL-K8S-001: severe\n";

    const error = configError(text);

    expect(error).toMatchObject({ file: CONFIG_FILE, line: 5 });
    expect(error.message).toContain('overrides.0.rules.severity.PAL-K8S-001');
  });

  it('for an invalid size', () => {
    expect(configError('limits:\n  max-files: 10\n  max-file-size: 5 parsecs\n')).toMatchObject({ line: 3 });
  });

  it('for YAML syntax errors and duplicate keys', () => {
    expect(configError('fail-on: high\nrules: [unclosed\n')).toMatchObject({ file: CONFIG_FILE });
    expect(configError('fail-on: high\nexclude: []\nfail-on: low\n')).toMatchObject({
      file: CONFIG_FILE,
      line: 3,
    });
  });
});

describe('parseConfig values', () => {
  it('gives the defaults for an empty file', () => {
    expect(parseConfig('', CONFIG_FILE)).toEqual({ ...defaultConfig(), source: CONFIG_FILE });
    expect(defaultConfig().maxFileSize).toBe(5 * 1024 * 1024);
  });

  it.each([
    ['5MB', 5_000_000],
    ['512KiB', 512 * 1024],
    ['1.5 MiB', 1.5 * 1024 * 1024],
    ['2GB', 2_000_000_000],
    ['100B', 100],
  ])('reads the size %s', (size, bytes) => {
    expect(parseSize(size)).toBe(bytes);
    expect(parseConfig(`limits:\n  max-file-size: ${size}\n`).maxFileSize).toBe(bytes);
  });

  it('reads a plain number of bytes, and rejects units it does not know', () => {
    expect(parseConfig('limits:\n  max-file-size: 1000\n').maxFileSize).toBe(1000);
    expect(parseSize(undefined)).toBeUndefined();
    expect(() => parseSize('5 parsecs')).toThrow(UsageError);
    expect(DEFAULT_MAX_FILE_SIZE).toBe(parseSize('5MiB'));
  });

  it('resolves custom-rules and baseline paths against the config file folder', () => {
    const config = parseConfig(
      'custom-rules: ./rules\nbaseline: ci/baseline.json\n',
      '/repo/sub/.palisade.yml',
    );

    expect(config.customRules).toBe(path.resolve('/repo/sub/rules'));
    expect(config.baseline).toBe(path.resolve('/repo/sub/ci/baseline.json'));
  });
});

describe('config applied to a scan', () => {
  const PROJECT: TempFiles = {
    'app/pod.yaml': privilegedPod('app'),
    'legacy/pod.yaml': privilegedPod('legacy'),
    'legacy/old/pod.yaml': privilegedPod('older'),
    'legacy-not/pod.yaml': privilegedPod('lookalike'),
    'legacy/keys.env': `AWS_ACCESS_KEY_ID=${AWS_KEY}\n`,
    'app/keys.env': `AWS_ACCESS_KEY_ID=${AWS_KEY}\n`,
    Dockerfile: 'FROM ubuntu\n',
    'stack.yaml': "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Logs:\n    Type: AWS::S3::Bucket\n",
  };

  /** Scans PROJECT with this config; a config without its own `rules.enable` runs the engine rules only. */
  async function scanWith(configText: string) {
    const config = parseConfig(configText);
    config.rules.enable ??= ENGINE_RULE_IDS;
    return scan({ root: makeTempDir(PROJECT), config, jobs: 1 });
  }

  it('runs every rule by default', async () => {
    const result = await scan({ root: makeTempDir(PROJECT), config: parseConfig(''), jobs: 1 });

    expect(result.rules.map((r) => r.id).sort()).toEqual(builtinRuleIds());
    const engineFindings = result.findings.filter((f) => ENGINE_RULE_IDS.includes(f.ruleId));
    expect(new Set(engineFindings.map((f) => f.ruleId))).toEqual(
      new Set([K8S_PRIVILEGED, AWS_KEY_ID, DOCKER_UNPINNED, S3_VERSIONING]),
    );
    expect(engineFindings).toHaveLength(8);
  });

  it('disables a rule under legacy/** only, through overrides', async () => {
    const result = await scanWith(
      `overrides:\n  - paths: ['legacy/**']\n    rules:\n      disable: [${K8S_PRIVILEGED}]\n`,
    );

    expect(result.findings.filter((f) => f.ruleId === K8S_PRIVILEGED).map((f) => f.location.file)).toEqual([
      'app/pod.yaml',
      'legacy-not/pod.yaml',
    ]);
    expect(findingsIn(result, 'legacy/keys.env', AWS_KEY_ID)).toHaveLength(1);
  });

  it('changes a severity with rules.severity, everywhere, and per path with overrides (later entries win)', async () => {
    const everywhere = await scanWith(`rules:\n  severity:\n    ${K8S_PRIVILEGED}: low\n`);
    const perPath = await scanWith(
      [
        'overrides:',
        "  - paths: ['legacy/**']",
        `    rules: { severity: { ${K8S_PRIVILEGED}: medium } }`,
        "  - paths: ['legacy/old/**']",
        `    rules: { severity: { ${K8S_PRIVILEGED}: info } }`,
        '',
      ].join('\n'),
    );

    const severities = (result: typeof everywhere) =>
      Object.fromEntries(
        result.findings.filter((f) => f.ruleId === K8S_PRIVILEGED).map((f) => [f.location.file, f.severity]),
      );
    expect(severities(everywhere)).toEqual({
      'app/pod.yaml': 'low',
      'legacy/pod.yaml': 'low',
      'legacy/old/pod.yaml': 'low',
      'legacy-not/pod.yaml': 'low',
    });
    expect(everywhere.rules.find((r) => r.id === K8S_PRIVILEGED)?.severity).toBe('low');
    expect(severities(perPath)).toEqual({
      'app/pod.yaml': 'high',
      'legacy/pod.yaml': 'medium',
      'legacy/old/pod.yaml': 'info',
      'legacy-not/pod.yaml': 'high',
    });
  });

  it('drops a category with categories.disable, and per path with overrides', async () => {
    const noSecrets = await scanWith('categories:\n  disable: [secret]\n');
    const noLegacySecrets = await scanWith(
      "overrides:\n  - paths: ['legacy/**']\n    categories: { disable: [secret] }\n",
    );

    expect(noSecrets.findings.filter((f) => f.category === 'secret')).toEqual([]);
    expect(noSecrets.rules.map((r) => r.id)).not.toContain(AWS_KEY_ID);
    expect(noSecrets.findings).toHaveLength(6);
    expect(
      noLegacySecrets.findings.filter((f) => f.ruleId === AWS_KEY_ID).map((f) => f.location.file),
    ).toEqual(['app/keys.env']);
  });

  it('runs only the enabled rules (glob patterns allowed) and none of the disabled ones', async () => {
    const enabled = await scanWith("rules:\n  enable: ['PAL-K8S-*', 'PAL-DOCKER-001']\n");
    const disabled = await scanWith(`rules:\n  disable: ['PAL-AWS-*', ${AWS_KEY_ID}]\n`);

    const enabledIds = builtinRuleIds().filter((id) => id.startsWith('PAL-K8S-') || id === DOCKER_UNPINNED);
    expect(enabled.rules.map((r) => r.id).sort()).toEqual(enabledIds);
    expect(enabled.findings.filter((f) => !enabledIds.includes(f.ruleId))).toEqual([]);
    expect(
      new Set(enabled.findings.filter((f) => ENGINE_RULE_IDS.includes(f.ruleId)).map((f) => f.ruleId)),
    ).toEqual(new Set([K8S_PRIVILEGED, DOCKER_UNPINNED]));
    expect(disabled.rules.map((r) => r.id).sort()).toEqual([DOCKER_UNPINNED, K8S_PRIVILEGED].sort());
    expect(new Set(disabled.findings.map((f) => f.ruleId))).toEqual(
      new Set([K8S_PRIVILEGED, DOCKER_UNPINNED]),
    );
  });

  it('takes fail-on from the config', async () => {
    const result = await scanWith('fail-on: critical\n');

    expect(result.failOn).toBe('critical');
    expect(shouldFail(result)).toBe(false);
  });

  it('applies limits.max-file-size given with a unit', async () => {
    const root = makeTempDir({ 'big.env': `${'# padding\n'.repeat(60_000)}AWS_ACCESS_KEY_ID=${AWS_KEY}\n` });

    const withLimit = (size: string) =>
      parseConfig(enableOnlyConfig(ENGINE_RULE_IDS, `limits:\n  max-file-size: ${size}\n`));
    const limited = await scan({ root, config: withLimit('512KiB'), jobs: 1 });
    const raised = await scan({ root, config: withLimit('1MB'), jobs: 1 });

    expect(errorsFor(limited, 'big.env')).toEqual([expect.objectContaining({ code: 'too-large' })]);
    expect(limited.findings).toEqual([]);
    expect(errorsFor(raised, 'big.env')).toEqual([]);
    expect(findingsIn(raised, 'big.env', AWS_KEY_ID)).toHaveLength(1);
  });

  it('finds .palisade.yml in the root, or uses the config file given by path', async () => {
    const root = makeTempDir({
      ...PROJECT,
      '.palisade.yml': `rules:\n  enable: [${ENGINE_RULE_IDS.join(', ')}]\ncategories:\n  disable: [secret]\n`,
    });
    const elsewhere = makeTempDir({ 'strict.yml': `rules:\n  enable: [${DOCKER_UNPINNED}]\n` });

    const discovered = await scan({ root, jobs: 1 });
    const given = await scan({ root, config: path.join(elsewhere, 'strict.yml'), jobs: 1 });

    expect(new Set(discovered.findings.map((f) => f.ruleId))).toEqual(
      new Set([K8S_PRIVILEGED, DOCKER_UNPINNED, S3_VERSIONING]),
    );
    expect(given.findings.map((f) => f.ruleId)).toEqual([DOCKER_UNPINNED]);
  });

  it('runs custom rules from the config, and skips their fixtures when they sit inside the root', async () => {
    const hostNetworkRule = readFileSync(
      path.join(import.meta.dirname, '../fixtures/custom-rules/no-host-network/rule.yaml'),
      'utf8',
    );
    const hostNetworkPod = privilegedPod('agent').replace('spec:\n', 'spec:\n  hostNetwork: true\n');
    const root = makeTempDir({
      '.palisade.yml': `custom-rules: policies\nrules:\n  enable: ['ACME-*', ${K8S_PRIVILEGED}]\n`,
      'policies/no-host-network/rule.yaml': hostNetworkRule,
      'policies/no-host-network/fixtures/kubernetes/fail-host.yaml': hostNetworkPod,
      'k8s/agent.yaml': hostNetworkPod,
    });

    const result = await scan({ root, jobs: 1 });

    expect(findingSites(result).map((site) => site.replace(/:\d+$/, ''))).toEqual([
      'ACME-K8S-001 k8s/agent.yaml',
      `${K8S_PRIVILEGED} k8s/agent.yaml`,
    ]);
  });

  it('rejects a bad config file found in the root with a UsageError naming it', async () => {
    const root = makeTempDir({ '.palisade.yml': 'fail-on: sometimes\n' });

    await expect(scan({ root, jobs: 1 })).rejects.toThrow(`${path.join(root, '.palisade.yml')}:1`);
  });
});
