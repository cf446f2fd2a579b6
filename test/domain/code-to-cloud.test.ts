import { describe, expect, it } from 'vitest';
import type { AnalysisSnapshot, ResourceTrait } from '../../server/domain/analysis-model.js';
import { analyse } from '../../server/domain/code-to-cloud.js';
import { classifyResource } from '../../server/domain/resource-classes.js';
import { AWS, AZURE, awsSnapshot, azureSnapshot, cloud, finding, iac } from './snapshots.js';

function traitNames(traits: ResourceTrait[] | undefined): string[] {
  return [...new Set((traits ?? []).map((trait) => trait.trait))].sort();
}

describe('resource classes', () => {
  it('classifies the same resource across Terraform, CloudFormation, OCSF, Azure and Cloud Asset types', () => {
    for (const type of ['aws_s3_bucket', 'AWS::S3::Bucket', 'AwsS3Bucket', 'storage.googleapis.com/Bucket'])
      expect(classifyResource(undefined, type)).toEqual({ resourceClass: 'data-store', noun: 'bucket' });
    expect(classifyResource(undefined, 'aws_s3_bucket_policy').resourceClass).toBe('policy');
    expect(classifyResource(undefined, 'Microsoft.KeyVault/vaults').noun).toBe('key vault');
    expect(classifyResource(undefined, 'microsoft.network/publicipaddresses').resourceClass).toBe(
      'network-entry',
    );
    expect(classifyResource(undefined, 'aws_security_group_rule').resourceClass).toBe('network-control');
    expect(classifyResource(undefined, 'AWS::IAM::InstanceProfile').resourceClass).toBe('identity');
    expect(classifyResource('aws.ec2.instance', 'aws_instance')).toEqual({
      resourceClass: 'compute',
      noun: 'instance',
    });
    expect(classifyResource(undefined, 'aws_vpc')).toEqual({ resourceClass: 'other', noun: 'vpc' });
  });
});

describe('analyse: an exposed EC2 instance whose role is admin, next to customer data', () => {
  const snapshot = awsSnapshot();
  const result = analyse(snapshot);

  it('merges linked IaC and cloud resources and gives both the union of their traits', () => {
    expect(traitNames(result.traits.get(AWS.instance))).toEqual([
      'admin-privilege',
      'deployed',
      'internet-exposed',
    ]);
    expect(result.traits.get(AWS.cloudInstance)).toBe(result.traits.get(AWS.instance));
    expect(traitNames(result.traits.get(AWS.customerData))).toEqual(['deployed', 'sensitive-data']);
    expect(traitNames(result.traits.get(AWS.role))).toEqual(['admin-privilege', 'deployed']);
    // A VPC is none of these.
    expect(result.traits.has(AWS.vpc)).toBe(false);
  });

  it('passes a security group rule’s exposure to the instance it guards, with the reason', () => {
    const exposure = (result.traits.get(AWS.instance) ?? []).filter(
      (trait) => trait.trait === 'internet-exposed',
    );
    expect(exposure.map((trait) => trait.reason)).toContain(
      'through security group web: Security group aws_security_group.web allows SSH (port 22) from 0.0.0.0/0',
    );
    expect(exposure.some((trait) => trait.evidence.source === 'check')).toBe(true);
  });

  it('reads sensitivity from the data-store type and from a classification tag', () => {
    const reasons = (result.traits.get(AWS.customerData) ?? []).map((trait) => trait.reason);
    expect(reasons).toEqual(
      expect.arrayContaining(['bucket is a data store', 'tagged data_classification=confidential']),
    );
  });

  it('marks what reaches a resource only through a name-heuristic link as weak', () => {
    const deployed = (result.traits.get(AWS.logs) ?? []).find((trait) => trait.trait === 'deployed');
    expect(deployed?.weak).toBe(true);
    expect(deployed?.evidence).toEqual({ source: 'link', cloudKey: AWS.cloudLogs, method: 'name-heuristic' });
  });

  it('finds the toxic combination instance → admin role → customer data', () => {
    const sentences = result.attackPaths.map((path) => path.sentence);
    expect(sentences[0]).toBe(
      'Internet-exposed instance web → role app-role with admin privileges → bucket customer-data with sensitive data',
    );
    const [top] = result.attackPaths;
    expect(top?.adminPrivilege).toBe(true);
    expect(top?.severity).toBe('critical'); // the failing runtime check on the instance
    expect(top?.hops).toBe(2);
    expect(top?.edges.map((edge) => edge.relation)).toEqual(['related', 'admin-access']);
    // The findings that make the path: the SSH rule, the admin attachment, the instance's and the bucket's own.
    expect(top?.findingIds).toEqual(
      [snapshot.ids.sshOpen, snapshot.ids.admin, snapshot.ids.imds, snapshot.ids.versioning].sort(
        (a, b) => a - b,
      ),
    );
    expect(sentences).toContain(
      'Internet-exposed instance web → role app-role with admin privileges → bucket acme-logs with sensitive data',
    );
    expect(result.attackPathsTruncated).toBe(false);
  });

  it('follows IaC references when no cloud relationship exists: instance → profile → role', () => {
    const withoutRelated: AnalysisSnapshot = {
      ...snapshot,
      cloudResources: snapshot.cloudResources.map((resource) => ({ ...resource, related: [] })),
    };
    const [top] = analyse(withoutRelated).attackPaths;
    expect(top?.sentence).toBe(
      'Internet-exposed instance web → instance profile app → role app-role with admin privileges → bucket customer-data with sensitive data',
    );
    expect(top?.edges.map((edge) => edge.relation)).toEqual(['references', 'references', 'admin-access']);
  });

  it('finds no path once the exposure and the admin policy are fixed', () => {
    const fixed: AnalysisSnapshot = {
      ...snapshot,
      findings: snapshot.findings.map((f) =>
        f.id === snapshot.ids.sshOpen || f.id === snapshot.ids.admin ? { ...f, status: 'closed' } : f,
      ),
      checks: snapshot.checks.filter((check) => !check.categories.includes('internet-exposed')),
    };
    expect(analyse(fixed).attackPaths).toEqual([]);
  });

  it('prioritises the deployed, exposed, admin instance finding above the same finding undeployed', () => {
    const imds = result.priorities.get(snapshot.ids.imds);
    expect(imds?.reasons).toEqual([
      'High severity',
      'Deployed: 1 resource in 123456789012/eu-west-1 (linked by trace tag)',
      'Internet-exposed: through security group web: Security group aws_security_group.web allows SSH (port 22) from 0.0.0.0/0 (and 1 more)',
      'Admin privileges: through role app-role and policy admin: aws_iam_role_policy_attachment.admin attaches AdministratorAccess',
      '2 failing runtime checks (1 critical, 1 high)',
    ]);
    // 30 + 15 + 15 + 10 + min(15, 5 + 3)
    expect(imds?.score).toBe(78);
    const logs = result.priorities.get(snapshot.ids.logsVersioning);
    expect(logs?.reasons).toEqual([
      'Medium severity',
      'Possibly deployed: 1 resource in 123456789012/eu-west-1 (matched by name only)',
      'Sensitive data: bucket is a data store',
      '1 failing runtime check (1 high), through a name match only',
    ]);
    // 20 + floor(15/2) + 10 (the bucket type is on the IaC side) + floor(3/2)
    expect(logs?.score).toBe(38);
  });

  it('gives closed and triaged findings no priority', () => {
    const triaged: AnalysisSnapshot = {
      ...snapshot,
      findings: snapshot.findings.map((f) =>
        f.id === snapshot.ids.imds ? { ...f, status: 'risk_accepted' } : f,
      ),
    };
    expect(analyse(triaged).priorities.has(snapshot.ids.imds)).toBe(false);
  });
});

describe('analyse: an Azure VM behind a public IP that reads a key vault', () => {
  const snapshot = azureSnapshot();
  const result = analyse(snapshot);

  it('walks public IP → interface → VM → key vault through the access policy', () => {
    expect(result.attackPaths.map((path) => path.sentence)).toEqual([
      'Internet-exposed public IP vm-pip → network interface vm-nic → VM app-vm → key vault kv-prod with sensitive data',
    ]);
    const [path] = result.attackPaths;
    expect(path?.edges.map((edge) => edge.relation)).toEqual(['references', 'references', 'grants']);
    expect(path?.severity).toBe('high');
    expect(path?.adminPrivilege).toBe(false);
    expect(path?.nodes.map((node) => node.id)).toEqual([
      AZURE.publicIp,
      AZURE.nic,
      AZURE.cloudVm,
      AZURE.vault,
    ]);
  });

  it('explains the VM finding’s exposure through the public IP', () => {
    expect(result.priorities.get(snapshot.ids.password)?.reasons).toEqual([
      'High severity',
      'Deployed: 1 resource in 00000000-0000-0000-0000-000000000001/westeurope (linked by trace tag)',
      'Internet-exposed: through network interface vm-nic and public IP vm-pip: public IP vm-pip takes traffic from the internet',
    ]);
  });

  it('respects the hop bound', () => {
    expect(analyse(snapshot, { maxPathHops: 2 }).attackPaths).toEqual([]);
    expect(analyse(snapshot, { maxPathHops: 3 }).attackPaths).toHaveLength(1);
  });
});

describe('analyse: exposure rules', () => {
  it('calls a bucket exposed for a public ACL, not for a missing public access block', () => {
    const bucket = iac(1, 'aws_s3_bucket.b', 'aws_s3_bucket', { name: 'b' });
    const missingBlock = finding(bucket.key, 'PAL-AWS-S3-003', 'medium', {
      tags: ['aws', 's3', 'public-access', 'missing-safeguard'],
    });
    const publicRead = finding(bucket.key, 'PAL-AWS-S3-005', 'high', {
      message: 'S3 bucket aws_s3_bucket.b grants READ to AllUsers.',
      tags: ['aws', 's3', 'public-access'],
    });
    const base = { iacResources: [bucket], cloudResources: [], links: [], checks: [] };
    expect(traitNames(analyse({ ...base, findings: [missingBlock] }).traits.get(bucket.key))).toEqual([
      'sensitive-data',
    ]);
    const exposed = analyse({ ...base, findings: [missingBlock, publicRead] });
    expect(exposed.traits.get(bucket.key)?.[0]).toMatchObject({
      trait: 'internet-exposed',
      reason: 'S3 bucket aws_s3_bucket.b grants READ to AllUsers',
      evidence: { source: 'finding', findingId: publicRead.id, ruleId: 'PAL-AWS-S3-005' },
      weak: false,
    });
  });

  it('reads exposure and admin privileges from the finding’s rule tags, whatever the rule id', () => {
    const group = iac(1, 'aws_instance.app', 'aws_instance', { name: 'app' });
    const base = { iacResources: [group], cloudResources: [], links: [], checks: [] };
    const customExposure = finding(group.key, 'ACME-NET-001', 'high', { tags: ['internet-exposed'] });
    const customAdmin = finding(group.key, 'ACME-IAM-001', 'high', { tags: ['admin-privilege'] });
    // Tags as a scanner from before the trait tags sent them: the rule id alone gives no trait.
    const withoutTraitTags = finding(group.key, 'PAL-AWS-EC2-002', 'medium', {
      tags: ['aws', 'ec2', 'network'],
    });
    expect(
      traitNames(analyse({ ...base, findings: [customExposure, customAdmin] }).traits.get(group.key)),
    ).toEqual(['admin-privilege', 'internet-exposed']);
    expect(traitNames(analyse({ ...base, findings: [withoutTraitTags] }).traits.get(group.key))).toEqual([]);
  });
});

describe('analyse: hostile and odd input', () => {
  it('ignores links and findings that point at unknown keys, and self references', () => {
    const bucket = iac(7, 'aws_s3_bucket.a', 'aws_s3_bucket', {
      references: ['aws_s3_bucket.a', 'missing.x'],
    });
    const result = analyse({
      iacResources: [bucket],
      cloudResources: [cloud('1', 'arn:aws:s3:::a', 'AwsS3Bucket')],
      links: [
        { iacKey: 'nope', cloudKey: 'cloud:1:arn:aws:s3:::a', method: 'trace-tag' },
        { iacKey: bucket.key, cloudKey: 'nope', method: 'trace-tag' },
      ],
      findings: [
        finding('iac:7:unknown', 'PAL-AWS-S3-001', 'medium'),
        finding(undefined, 'PAL-SECRET-001', 'critical'),
      ],
      checks: [],
    });
    expect(traitNames(result.traits.get(bucket.key))).toEqual(['sensitive-data']);
    expect([...result.priorities.values()].map((priority) => priority.score).sort()).toEqual([20, 40]);
    expect(result.attackPaths).toEqual([]);
  });

  it('keeps names with markup and separators as data, for the caller to escape', () => {
    const bucket = iac(3, 'aws_s3_bucket.x', 'aws_s3_bucket', {
      name: '<img src=x onerror=alert(1)>',
      tags: { Sensitivity: 'Restricted' },
    });
    const result = analyse({
      iacResources: [bucket],
      cloudResources: [],
      links: [],
      findings: [],
      checks: [],
    });
    expect(result.traits.get(bucket.key)?.map((trait) => trait.reason)).toEqual([
      'tagged Sensitivity=Restricted',
      'bucket is a data store',
    ]);
  });
});
