import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { packagePath } from '../../scanners/core/package.js';
import { builtinRuleIds } from '../helpers/rules.js';
import { runCli, tempProject } from './helpers.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const remove of cleanups.splice(0)) remove();
});

const customRules = packagePath('test/fixtures/custom-rules');

describe('palisade rules list', () => {
  it('prints a table of the built-in rules', async () => {
    const run = await runCli(['rules', 'list'], packagePath('.'));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^ID\s+SEVERITY\s+CATEGORY\s+TITLE$/m);
    expect(run.stdout).toMatch(/^PAL-K8S-001\s+high\s+iac\s+Container runs in privileged mode$/m);
  });

  it('filters by category and prints JSON', async () => {
    const run = await runCli(['rules', 'list', '--category', 'secret', '--format', 'json'], packagePath('.'));
    const rules = JSON.parse(run.stdout) as Array<{ id: string; category: string; source: string }>;
    expect(rules.map((r) => r.id)).toContain('PAL-SECRET-001');
    expect(rules.every((r) => r.category === 'secret')).toBe(true);
    expect(rules[0]).toMatchObject({ category: 'secret', source: 'built-in' });
  });

  it('includes the custom rules of the config', async () => {
    const { dir, remove } = tempProject({
      '.palisade.yml': `custom-rules: ${JSON.stringify(customRules)}\n`,
    });
    cleanups.push(remove);
    const run = await runCli(['rules', 'list'], dir);
    expect(run.stdout).toMatch(/^ACME-K8S-001\s+high\s+iac\s+Workload shares the host network \(custom\)$/m);
    expect(run.stdout).toContain('(3 custom)');
  });
});

describe('palisade rules show', () => {
  it('prints the metadata and the docs without Markdown syntax', async () => {
    const run = await runCli(['rules', 'show', 'PAL-K8S-001'], packagePath('.'));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('PAL-K8S-001  Container runs in privileged mode');
    expect(run.stdout).toMatch(/^Severity:\s+high/m);
    expect(run.stdout).toContain('CIS Kubernetes 1.9.0 5.2.2');
    expect(run.stdout).toContain('Why it matters');
    expect(run.stdout).toContain('    securityContext:');
    expect(run.stdout).not.toContain('## ');
    expect(run.stdout).not.toContain('```');
  });

  it('exits 2 on an unknown rule', async () => {
    const run = await runCli(['rules', 'show', 'PAL-NOPE-999'], packagePath('.'));
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('palisade: unknown rule PAL-NOPE-999 (see palisade rules list)\n');
  });
});

describe('palisade rules test', () => {
  // Whether every built-in rule passes is test/rules/harness.test.ts's concern; this checks the command.
  it('tests every built-in rule by default, one line each, and its summary and exit code agree', async () => {
    const run = await runCli(['rules', 'test'], packagePath('.'));
    const marks = run.stdout.split('\n').filter((line) => /^[✔✘] /.test(line));
    expect(marks.map((line) => line.slice(2)).sort()).toEqual(builtinRuleIds());
    expect(marks).toContain('✔ PAL-K8S-001');
    const failed = marks.filter((line) => line.startsWith('✘')).length;
    expect(run.code).toBe(failed ? 1 : 0);
    expect(run.stdout).toContain(
      failed ? `${failed} of ${marks.length} rules failed` : `${marks.length} rules passed`,
    );
  });

  it('passes on a folder of good custom rules', async () => {
    const run = await runCli(['rules', 'test', customRules], packagePath('.'));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('✔ ACME-K8S-002');
  });

  it('exits 1 and names the problem when a custom rule disagrees with its fixtures', async () => {
    const { dir, remove } = tempProject({}, { config: false });
    cleanups.push(remove);
    const ruleDir = path.join(dir, 'host-pid');
    mkdirSync(path.join(ruleDir, 'fixtures/kubernetes'), { recursive: true });
    writeFileSync(
      path.join(ruleDir, 'rule.yaml'),
      [
        'id: ACME-K8S-009',
        'title: Workload shares the host PID namespace',
        'severity: high',
        'category: iac',
        'description: The pod sees every process of the node.',
        'cwe: [CWE-668]',
        'remediation: Remove hostPID.',
        'formats: [kubernetes]',
        'resources: kubernetes.workloads',
        'when:',
        '  attribute: hostPID',
        '  equals: true',
        '',
      ].join('\n'),
    );
    const pod = (hostPid: boolean) =>
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostPID: ${hostPid}\n  containers:\n    - name: c\n      image: busybox:1.36\n`;
    writeFileSync(path.join(ruleDir, 'fixtures/kubernetes/fail-pid.yaml'), pod(true));
    writeFileSync(path.join(ruleDir, 'fixtures/kubernetes/pass-pid.yaml'), pod(false));
    // Wrong on purpose: the finding is on line 6.
    writeFileSync(
      path.join(ruleDir, 'fixtures/kubernetes/expected.json'),
      '[{ "file": "fail-pid.yaml", "line": 2 }]',
    );
    const run = await runCli(['rules', 'test', dir], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('✘ ACME-K8S-009');
    expect(run.stdout).toContain('expected finding not reported: fail-pid.yaml:2');
    expect(run.stdout).toContain('1 of 1 rules failed');
  });

  it('exits 2 on a folder that does not exist', async () => {
    const run = await runCli(['rules', 'test', 'no/such/folder'], packagePath('.'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('custom rules folder does not exist');
  });
});
