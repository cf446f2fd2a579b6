import { describe, expect, it } from 'vitest';
import type {
  AnalysisSnapshot,
  SnapshotFinding,
  SnapshotIacResource,
} from '../../server/domain/analysis-model.js';
import { DEFAULT_MAX_PATHS, findAttackPaths } from '../../server/domain/attack-paths.js';
import { analyse, buildContext } from '../../server/domain/code-to-cloud.js';
import { ADMIN_ACCESS_TAGS, finding, iac, PUBLIC_IP_TAGS } from './snapshots.js';

function snapshot(iacResources: SnapshotIacResource[], findings: SnapshotFinding[] = []): AnalysisSnapshot {
  return { iacResources, cloudResources: [], links: [], findings, checks: [] };
}

/** A public IP → interface → VM → access policy → key vault chain, with `vmFinding` on the VM if given. */
function azureChain(repositoryId: number, suffix: string, vmFinding?: SnapshotFinding['severity']) {
  const resources = [
    iac(repositoryId, `azurerm_public_ip.${suffix}`, 'azurerm_public_ip', { name: `pip-${suffix}` }),
    iac(repositoryId, `azurerm_network_interface.${suffix}`, 'azurerm_network_interface', {
      name: `nic-${suffix}`,
      references: [`azurerm_public_ip.${suffix}`],
    }),
    iac(repositoryId, `azurerm_linux_virtual_machine.${suffix}`, 'azurerm_linux_virtual_machine', {
      name: `vm-${suffix}`,
      references: [`azurerm_network_interface.${suffix}`],
    }),
    iac(repositoryId, `azurerm_key_vault.${suffix}`, 'azurerm_key_vault', { name: `kv-${suffix}` }),
    iac(repositoryId, `azurerm_key_vault_access_policy.${suffix}`, 'azurerm_key_vault_access_policy', {
      references: [`azurerm_key_vault.${suffix}`, `azurerm_linux_virtual_machine.${suffix}`],
    }),
  ];
  const vmKey = `iac:${repositoryId}:azurerm_linux_virtual_machine.${suffix}`;
  return { resources, findings: vmFinding ? [finding(vmKey, 'PAL-AZURE-COMPUTE-001', vmFinding)] : [] };
}

describe('attack paths', () => {
  it('keeps only paths where something is wrong', () => {
    const clean = azureChain(1, 'clean');
    expect(analyse(snapshot(clean.resources)).attackPaths).toEqual([]);
    const risky = azureChain(1, 'risky', 'low');
    expect(analyse(snapshot(risky.resources, risky.findings)).attackPaths).toHaveLength(1);
  });

  it('ranks by severity on the path, then admin privileges, then length, then id', () => {
    const low = azureChain(1, 'a', 'low');
    const high = azureChain(1, 'b', 'high');
    const critical = azureChain(1, 'c', 'critical');
    const result = analyse(
      snapshot(
        [...low.resources, ...high.resources, ...critical.resources],
        [...low.findings, ...high.findings, ...critical.findings],
      ),
    );
    expect(result.attackPaths.map((path) => [path.severity, path.nodes[0]?.label])).toEqual([
      ['critical', 'public IP pip-c'],
      ['high', 'public IP pip-b'],
      ['low', 'public IP pip-a'],
    ]);
  });

  it('treats a sensitive resource that is itself exposed as a path of zero hops', () => {
    const bucket = iac(1, 'aws_s3_bucket.public', 'aws_s3_bucket', { name: 'public-data' });
    const acl = finding(bucket.key, 'PAL-AWS-S3-005', 'high', {
      message: 'S3 bucket aws_s3_bucket.public grants READ to AllUsers.',
      tags: ['aws', 's3', 'public-access'],
    });
    const [path] = analyse(snapshot([bucket], [acl])).attackPaths;
    expect(path?.hops).toBe(0);
    expect(path?.sentence).toBe('Internet-exposed bucket public-data with sensitive data');
    expect(path?.findingIds).toEqual([acl.id]);
  });

  it('does not walk against the attacker’s direction: a subnet shared by an instance and a database', () => {
    const resources = [
      iac(1, 'aws_instance.web', 'aws_instance', { name: 'web', references: ['aws_subnet.shared'] }),
      iac(1, 'aws_subnet.shared', 'aws_subnet', { references: [] }),
      iac(1, 'aws_db_instance.main', 'aws_db_instance', { name: 'main', references: ['aws_subnet.shared'] }),
    ];
    const publicIp = finding(resources[0]?.key, 'PAL-AWS-EC2-002', 'medium', { tags: PUBLIC_IP_TAGS });
    expect(analyse(snapshot(resources, [publicIp])).attackPaths).toEqual([]);
  });

  it('finishes on a 10,000-node graph within its budget and returns at most maxPaths', () => {
    // 2,000 exposed instances, each with a profile on one of 50 admin roles (with their attachments),
    // 3,000 buckets, 2,940 subnets and VPCs: 10,100 IaC resources, 6 million admin-access visits unbounded.
    const resources: SnapshotIacResource[] = [];
    const findings: SnapshotFinding[] = [];
    let seed = 42;
    const random = (n: number): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % n;
    };
    for (let r = 0; r < 50; r++) {
      resources.push(iac(1, `aws_iam_role.r${r}`, 'aws_iam_role', { name: `role-${r}` }));
      {
        const attachment = iac(1, `aws_iam_role_policy_attachment.a${r}`, 'aws_iam_role_policy_attachment', {
          references: [`aws_iam_role.r${r}`],
        });
        resources.push(attachment);
        findings.push(finding(attachment.key, 'PAL-AWS-IAM-002', 'high', { tags: ADMIN_ACCESS_TAGS }));
      }
    }
    for (let i = 0; i < 1470; i++) {
      resources.push(iac(1, `aws_vpc.v${i}`, 'aws_vpc'));
      resources.push(iac(1, `aws_subnet.s${i}`, 'aws_subnet', { references: [`aws_vpc.v${i}`] }));
    }
    for (let i = 0; i < 3000; i++)
      resources.push(iac(1, `aws_s3_bucket.b${i}`, 'aws_s3_bucket', { name: `b${i}` }));
    for (let i = 0; i < 2000; i++) {
      const instance = iac(1, `aws_instance.i${i}`, 'aws_instance', {
        name: `i${i}`,
        references: [`aws_iam_instance_profile.p${i}`, `aws_subnet.s${random(1470)}`],
      });
      resources.push(instance);
      resources.push(
        iac(1, `aws_iam_instance_profile.p${i}`, 'aws_iam_instance_profile', {
          references: [`aws_iam_role.r${random(50)}`],
        }),
      );
      findings.push(finding(instance.key, 'PAL-AWS-EC2-002', 'medium', { tags: PUBLIC_IP_TAGS }));
    }
    expect(resources.length).toBeGreaterThanOrEqual(10_000);
    const result = analyse(snapshot(resources, findings));
    expect(result.attackPaths).toHaveLength(DEFAULT_MAX_PATHS);
    // Every instance reaches 3,000 buckets through its admin role: the budget stops the search.
    expect(result.attackPathsTruncated).toBe(true);
    for (const path of result.attackPaths) {
      expect(path.hops).toBeLessThanOrEqual(4);
      expect(path.adminPrivilege).toBe(true);
      expect(path.sentence).toMatch(
        /^Internet-exposed instance i\d+ → instance profile p\d+ → role role-\d+ with admin privileges → bucket b\d+ with sensitive data$/,
      );
    }
    expect(findAttackPaths(buildContext(snapshot(resources, findings)), { maxPaths: 5 }).paths).toHaveLength(
      5,
    );
  });
});
