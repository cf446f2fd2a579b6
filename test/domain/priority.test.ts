import { describe, expect, it } from 'vitest';
import { SEVERITIES, type Severity } from '../../scanners/core/types.js';
import type { AnalysisSnapshot, LinkMethod } from '../../server/domain/analysis-model.js';
import { analyse } from '../../server/domain/code-to-cloud.js';
import { PRIORITY_WEIGHTS } from '../../server/domain/priority.js';
import { check, cloud, finding, iac, PUBLIC_IP_TAGS } from './snapshots.js';

interface Factors {
  /** 0: not deployed, 1: name-heuristic link, 2: trace-tag link. */
  link: 0 | 1 | 2;
  exposureFinding: boolean;
  exposureCheck: boolean;
  sensitiveTag: boolean;
  adminCheck: boolean;
  /** Extra failing runtime checks (high). */
  failingChecks: 0 | 1 | 2 | 3 | 4 | 5 | 6;
  severity: Severity;
}

const TARGET_ID = 1;

/** One EC2 instance with the factors asked for, and the finding whose priority is measured. */
function snapshotWith(factors: Factors): AnalysisSnapshot {
  const instance = iac(1, 'aws_instance.app', 'aws_instance', {
    kind: 'aws.ec2.instance',
    name: 'app',
    tags: factors.sensitiveTag ? { data_classification: 'pii' } : {},
  });
  const deployed = cloud('111111111111', 'arn:aws:ec2:eu-west-1:111111111111:instance/i-1', 'AwsEc2Instance');
  const method: LinkMethod = factors.link === 2 ? 'trace-tag' : 'name-heuristic';
  const checks = [];
  if (factors.exposureCheck)
    checks.push(check(deployed.key, 'ec2_public', 'fail', 'medium', ['internet-exposed']));
  if (factors.adminCheck) checks.push(check(deployed.key, 'iam_admin', 'fail', 'low', ['admin-privilege']));
  for (let i = 0; i < factors.failingChecks; i++) checks.push(check(deployed.key, `c${i}`, 'fail', 'high'));
  const findings = [finding(instance.key, 'PAL-AWS-EC2-001', factors.severity, { id: TARGET_ID })];
  if (factors.exposureFinding)
    findings.push(
      finding(instance.key, 'PAL-AWS-EC2-002', 'medium', {
        id: 2,
        tags: PUBLIC_IP_TAGS,
        message: 'aws_instance.app gets a public IP.',
      }),
    );
  return {
    iacResources: [instance],
    cloudResources: [deployed],
    links: factors.link === 0 ? [] : [{ iacKey: instance.key, cloudKey: deployed.key, method }],
    findings,
    checks,
  };
}

function score(factors: Factors): number {
  return analyse(snapshotWith(factors)).priorities.get(TARGET_ID)?.score ?? Number.NaN;
}

/** Every way to add one risk factor to `factors`. */
function oneMore(factors: Factors): Factors[] {
  const next: Factors[] = [];
  if (factors.link < 2) next.push({ ...factors, link: (factors.link + 1) as Factors['link'] });
  for (const key of ['exposureFinding', 'exposureCheck', 'sensitiveTag', 'adminCheck'] as const)
    if (!factors[key]) next.push({ ...factors, [key]: true });
  if (factors.failingChecks < 6)
    next.push({ ...factors, failingChecks: (factors.failingChecks + 1) as Factors['failingChecks'] });
  const rank = SEVERITIES.indexOf(factors.severity);
  if (rank > 0) next.push({ ...factors, severity: SEVERITIES[rank - 1] as Severity });
  return next;
}

describe('priority score', () => {
  it('never drops when a risk factor is added (every combination, every single step)', () => {
    let compared = 0;
    for (const link of [0, 1, 2] as const)
      for (const exposureFinding of [false, true])
        for (const exposureCheck of [false, true])
          for (const sensitiveTag of [false, true])
            for (const adminCheck of [false, true])
              for (const failingChecks of [0, 3, 6] as const)
                for (const severity of ['low', 'high'] as const) {
                  const base: Factors = {
                    link,
                    exposureFinding,
                    exposureCheck,
                    sensitiveTag,
                    adminCheck,
                    failingChecks,
                    severity,
                  };
                  const before = score(base);
                  expect(before).toBeGreaterThanOrEqual(0);
                  expect(before).toBeLessThanOrEqual(100);
                  for (const more of oneMore(base)) {
                    expect(score(more), JSON.stringify({ base, more })).toBeGreaterThanOrEqual(before);
                    compared++;
                  }
                }
    expect(compared).toBeGreaterThan(1000);
  });

  it('adds each documented weight, and counts weak-link evidence at half', () => {
    const none: Factors = {
      link: 0,
      exposureFinding: false,
      exposureCheck: false,
      sensitiveTag: false,
      adminCheck: false,
      failingChecks: 0,
      severity: 'high',
    };
    expect(score(none)).toBe(PRIORITY_WEIGHTS.severity.high);
    expect(score({ ...none, link: 2 })).toBe(30 + 15);
    expect(score({ ...none, link: 1 })).toBe(30 + 7);
    expect(score({ ...none, sensitiveTag: true })).toBe(30 + 10);
    // A failing exposure check through a trace-tag link: deployed, exposed, one medium check (2 points).
    expect(score({ ...none, link: 2, exposureCheck: true })).toBe(30 + 15 + 15 + 2);
    // The same through a name match only: each half, rounded down.
    expect(score({ ...none, link: 1, exposureCheck: true })).toBe(30 + 7 + 7 + 1);
    // Runtime checks are capped: six high checks are 18 points, counted as 15.
    expect(score({ ...none, link: 2, failingChecks: 6 })).toBe(30 + 15 + 15);
  });

  it('caps at 100', () => {
    expect(
      score({
        link: 2,
        exposureFinding: true,
        exposureCheck: true,
        sensitiveTag: true,
        adminCheck: true,
        failingChecks: 6,
        severity: 'critical',
      }),
    ).toBe(100);
  });

  it('explains itself in plain words, one reason a factor, with the figures', () => {
    const result = analyse(
      snapshotWith({
        link: 2,
        exposureFinding: true,
        exposureCheck: false,
        sensitiveTag: true,
        adminCheck: true,
        failingChecks: 2,
        severity: 'critical',
      }),
    );
    const priority = result.priorities.get(TARGET_ID);
    expect(priority?.reasons).toEqual([
      'Critical severity',
      'Deployed: 1 resource in 111111111111/eu-west-1 (linked by trace tag)',
      'Internet-exposed: aws_instance.app gets a public IP',
      'Sensitive data: tagged data_classification=pii',
      'Admin privileges: runtime check iam_admin fails: iam admin',
      '3 failing runtime checks (2 high)',
    ]);
    expect(priority?.factors.map((factor) => factor.factor)).toEqual([
      'severity',
      'deployed',
      'internet-exposed',
      'sensitive-data',
      'admin-privilege',
      'runtime-checks',
    ]);
    expect(priority?.score).toBe(
      Math.min(100, priority?.factors.reduce((sum, factor) => sum + factor.points, 0) ?? 0),
    );
  });

  it('is deterministic: the order of the snapshot does not matter', () => {
    const snapshot = snapshotWith({
      link: 2,
      exposureFinding: true,
      exposureCheck: true,
      sensitiveTag: false,
      adminCheck: false,
      failingChecks: 3,
      severity: 'medium',
    });
    const reversed: AnalysisSnapshot = {
      ...snapshot,
      findings: [...snapshot.findings].reverse(),
      checks: [...snapshot.checks].reverse(),
    };
    expect(analyse(reversed).priorities.get(TARGET_ID)).toEqual(analyse(snapshot).priorities.get(TARGET_ID));
  });
});
