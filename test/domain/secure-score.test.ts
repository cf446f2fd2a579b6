import { describe, expect, it } from 'vitest';
import type { AnalysisSnapshot, SnapshotFinding } from '../../server/domain/analysis-model.js';
import { CONTROL_MAX_POINTS, secureScores } from '../../server/domain/secure-score.js';
import { check, cloud, finding, iac } from './snapshots.js';

const bucket = (repositoryId: number, name: string) =>
  iac(repositoryId, `aws_s3_bucket.${name}`, 'aws_s3_bucket', { kind: 'aws.s3.bucket' });
const instance = (repositoryId: number, name: string) =>
  iac(repositoryId, `aws_instance.${name}`, 'aws_instance', { kind: 'aws.ec2.instance' });

function example(): AnalysisSnapshot {
  const repo1 = [
    bucket(1, 'b1'),
    bucket(1, 'b2'),
    bucket(1, 'b3'),
    bucket(1, 'b4'),
    instance(1, 'i1'),
    instance(1, 'i2'),
  ];
  const repo2 = [bucket(2, 'c1'), instance(2, 'j1')];
  const secret = (file: string, status: SnapshotFinding['status']) =>
    finding(undefined, 'PAL-SECRET-AWS-001', 'critical', {
      repositoryId: 1,
      category: 'secret',
      file,
      status,
    });
  const accountA = [
    cloud('A', 'x', 'AwsS3Bucket'),
    cloud('A', 'y', 'AwsS3Bucket'),
    cloud('A', 'z', 'AwsS3Bucket'),
  ];
  const accountB = [cloud('B', 'root', 'AwsIamUser')];
  return {
    iacResources: [...repo1, ...repo2],
    cloudResources: [...accountA, ...accountB],
    links: [],
    findings: [
      finding('iac:1:aws_s3_bucket.b1', 'PAL-AWS-S3-001', 'medium'),
      finding('iac:1:aws_s3_bucket.b2', 'PAL-AWS-S3-001', 'medium'),
      finding('iac:1:aws_s3_bucket.b3', 'PAL-AWS-S3-001', 'medium', { status: 'risk_accepted' }),
      finding('iac:1:aws_instance.i1', 'PAL-AWS-EC2-001', 'high'),
      secret('a.env', 'open'),
      secret('b.env', 'false_positive'),
    ],
    checks: [
      check('cloud:A:x', 's3_bucket_default_encryption', 'pass', 'medium'),
      check('cloud:A:y', 's3_bucket_default_encryption', 'fail', 'medium'),
      check('cloud:A:z', 's3_bucket_default_encryption', 'pass', 'medium'),
      check('cloud:A:z', 's3_bucket_default_encryption', 'fail', 'medium'),
      check('cloud:A:x', 's3_bucket_object_lock', 'manual', 'low'),
      check('cloud:B:root', 'iam_root_mfa_enabled', 'pass', 'critical'),
    ],
  };
}

describe('secure score', () => {
  const scores = secureScores(example());

  it('uses the documented points per severity', () => {
    expect(CONTROL_MAX_POINTS).toEqual({ critical: 10, high: 6, medium: 3, low: 1, info: 0 });
  });

  it('scores a repository control as maxPoints × healthy ÷ (healthy + unhealthy)', () => {
    const repo1 = scores.repositories.get(1);
    const control = (id: string) => repo1?.controls.find((row) => row.control === id);
    // S3-001: b1, b2 open (unhealthy), b3 risk-accepted (exempt), b4 evaluated by kind (healthy): 3 × 1/3.
    expect(control('PAL-AWS-S3-001')).toMatchObject({ healthy: 1, unhealthy: 2, maxPoints: 3, points: 1 });
    // EC2-001: i1 open, i2 healthy: 6 × 1/2.
    expect(control('PAL-AWS-EC2-001')).toMatchObject({ healthy: 1, unhealthy: 1, maxPoints: 6, points: 3 });
    // A secret rule: files are the subjects; a.env open, b.env a false positive: 10 × 1/2.
    expect(control('PAL-SECRET-AWS-001')).toMatchObject({
      healthy: 1,
      unhealthy: 1,
      maxPoints: 10,
      points: 5,
    });
    expect(repo1).toMatchObject({ points: 9, maxPoints: 19, percent: 47.4 });
    // Most points lost first.
    expect(repo1?.controls.map((row) => row.control)).toEqual([
      'PAL-SECRET-AWS-001',
      'PAL-AWS-EC2-001',
      'PAL-AWS-S3-001',
    ]);
  });

  it('credits a repository without findings for the resources a rule evaluates there', () => {
    expect(scores.repositories.get(2)).toMatchObject({ points: 9, maxPoints: 9, percent: 100 });
  });

  it('scores accounts from runtime checks: a resource failing any result is unhealthy, manual results do not count', () => {
    expect(scores.accounts.get('A')).toMatchObject({ points: 1, maxPoints: 3, percent: 33.3 });
    expect(scores.accounts.get('A')?.controls).toEqual([
      {
        control: 's3_bucket_default_encryption',
        source: 'cloud-check',
        severity: 'medium',
        maxPoints: 3,
        healthy: 1,
        unhealthy: 2,
        points: 1,
      },
    ]);
    expect(scores.accounts.get('B')).toMatchObject({ points: 10, maxPoints: 10, percent: 100 });
  });

  it('sums the organisation over controls, not an average of repository percentages', () => {
    // S3-001 3 × 2/4 = 1.5; EC2-001 6 × 2/3 = 4; secret 5; encryption check 1; root MFA 10.
    expect(scores.organization).toMatchObject({ points: 21.5, maxPoints: 32, percent: 67.2 });
    const average =
      ((scores.repositories.get(1)?.percent ?? 0) + (scores.repositories.get(2)?.percent ?? 0)) / 2;
    expect(average).not.toBeCloseTo(67.2, 0);
  });

  it('rises when a risk is accepted, and falls when a finding opens', () => {
    const snapshot = example();
    const accepted = secureScores({
      ...snapshot,
      findings: snapshot.findings.map((f) =>
        f.ruleId === 'PAL-AWS-S3-001' ? { ...f, status: 'risk_accepted' } : f,
      ),
    });
    expect(accepted.repositories.get(1)?.points).toBe(11); // S3-001: only b4 is left, healthy: 3 points.
    const opened = secureScores({
      ...snapshot,
      findings: [...snapshot.findings, finding('iac:2:aws_s3_bucket.c1', 'PAL-AWS-S3-001', 'medium')],
    });
    expect(opened.repositories.get(2)?.points).toBe(6);
  });

  it('uses the rule kinds it is given for rules whose findings sit on no known resource', () => {
    const snapshot: AnalysisSnapshot = {
      iacResources: [instance(1, 'a'), instance(1, 'b')],
      cloudResources: [],
      links: [],
      findings: [finding(undefined, 'PAL-AWS-EC2-004', 'low', { repositoryId: 1, file: 'main.tf' })],
      checks: [],
      ruleKinds: { 'PAL-AWS-EC2-004': ['aws.ec2.instance'] },
    };
    expect(secureScores(snapshot).repositories.get(1)?.controls[0]).toMatchObject({
      healthy: 2,
      unhealthy: 1,
    });
  });

  it('has no percentage for a scope where nothing was evaluated', () => {
    const empty = secureScores({ iacResources: [], cloudResources: [], links: [], findings: [], checks: [] });
    expect(empty.organization).toEqual({ points: 0, maxPoints: 0, percent: null, controls: [] });
    expect(empty.repositories.size).toBe(0);
  });
});
