/**
 * Realistic analysis snapshots: what storage hands analyse() for an organisation with a Terraform repository
 * deployed to AWS (an exposed EC2 instance whose role has AdministratorAccess, next to a bucket of customer
 * data) and one deployed to Azure (a VM behind a public IP that reads a key vault).
 */
import type { Severity } from '../../scanners/core/types.js';
import type {
  AnalysisSnapshot,
  SnapshotCheck,
  SnapshotCloudResource,
  SnapshotFinding,
  SnapshotIacResource,
} from '../../server/domain/analysis-model.js';

export function iac(
  repositoryId: number,
  address: string,
  type: string,
  extra: Partial<SnapshotIacResource> = {},
): SnapshotIacResource {
  return {
    key: `iac:${repositoryId}:${address}`,
    repositoryId,
    family: 'terraform',
    type,
    address,
    file: 'main.tf',
    line: 1,
    tags: {},
    references: [],
    ...extra,
  };
}

export function cloud(
  accountId: string,
  uid: string,
  type: string,
  extra: Partial<SnapshotCloudResource> = {},
): SnapshotCloudResource {
  return {
    key: `cloud:${accountId}:${uid}`,
    uid,
    provider: 'aws',
    accountId,
    region: 'eu-west-1',
    type,
    name: null,
    tags: {},
    related: [],
    ...extra,
  };
}

let nextFindingId = 1000;

/** The tags the scanner sends with findings of PAL-AWS-EC2-002 (public IP) and PAL-AWS-IAM-002 (AdministratorAccess). */
export const PUBLIC_IP_TAGS = ['aws', 'ec2', 'network', 'internet-exposed'];
export const ADMIN_ACCESS_TAGS = ['aws', 'iam', 'least-privilege', 'admin-privilege'];

export function finding(
  resourceKey: string | undefined,
  ruleId: string,
  severity: Severity,
  extra: Partial<SnapshotFinding> = {},
): SnapshotFinding {
  return {
    id: nextFindingId++,
    repositoryId: Number(resourceKey?.split(':')[1] ?? 1),
    ruleId,
    title: ruleId,
    severity,
    category: 'iac',
    status: 'open',
    tags: [],
    file: 'main.tf',
    ...(resourceKey === undefined ? {} : { resourceKey }),
    ...extra,
  };
}

export function check(
  cloudKey: string,
  checkId: string,
  status: SnapshotCheck['status'],
  severity: Severity,
  categories: string[] = [],
): SnapshotCheck {
  return {
    cloudKey,
    resourceUid: cloudKey.split(':').slice(2).join(':'),
    checkId,
    title: checkId.replace(/_/g, ' '),
    severity,
    status,
    message: `${checkId} ${status}`,
    categories,
  };
}

export const AWS_ACCOUNT = '123456789012';
const AWS_REPO = 1;
const AZURE_REPO = 2;
const AZURE_SUBSCRIPTION = '00000000-0000-0000-0000-000000000001';

/** Keys of the AWS example, for assertions. */
export const AWS = {
  instance: `iac:${AWS_REPO}:aws_instance.web`,
  securityGroup: `iac:${AWS_REPO}:aws_security_group.web`,
  profile: `iac:${AWS_REPO}:aws_iam_instance_profile.app`,
  role: `iac:${AWS_REPO}:aws_iam_role.app`,
  adminAttachment: `iac:${AWS_REPO}:aws_iam_role_policy_attachment.admin`,
  customerData: `iac:${AWS_REPO}:aws_s3_bucket.customer_data`,
  logs: `iac:${AWS_REPO}:aws_s3_bucket.logs`,
  vpc: `iac:${AWS_REPO}:aws_vpc.main`,
  cloudInstance: `cloud:${AWS_ACCOUNT}:arn:aws:ec2:eu-west-1:${AWS_ACCOUNT}:instance/i-0abc`,
  cloudCustomerData: `cloud:${AWS_ACCOUNT}:arn:aws:s3:::customer-data`,
  cloudRole: `cloud:${AWS_ACCOUNT}:arn:aws:iam::${AWS_ACCOUNT}:role/app-role`,
  cloudLogs: `cloud:${AWS_ACCOUNT}:arn:aws:s3:::acme-logs`,
};

export const AZURE = {
  publicIp: `iac:${AZURE_REPO}:azurerm_public_ip.vm`,
  nic: `iac:${AZURE_REPO}:azurerm_network_interface.vm`,
  vm: `iac:${AZURE_REPO}:azurerm_linux_virtual_machine.app`,
  vault: `iac:${AZURE_REPO}:azurerm_key_vault.main`,
  accessPolicy: `iac:${AZURE_REPO}:azurerm_key_vault_access_policy.app`,
  cloudVm: `cloud:${AZURE_SUBSCRIPTION}:/subscriptions/${AZURE_SUBSCRIPTION}/resourcegroups/prod/providers/microsoft.compute/virtualmachines/app-vm`,
};

export function awsSnapshot(): AnalysisSnapshot & {
  ids: { sshOpen: number; admin: number; imds: number; versioning: number; logsVersioning: number };
} {
  const iacResources = [
    iac(AWS_REPO, 'aws_instance.web', 'aws_instance', {
      kind: 'aws.ec2.instance',
      name: 'web',
      traceTag: '2f0c6c0e-1111-4b8e-9a3e-000000000001',
      references: ['aws_security_group.web', 'aws_iam_instance_profile.app', 'aws_subnet.public'],
    }),
    iac(AWS_REPO, 'aws_security_group.web', 'aws_security_group', {
      kind: 'aws.vpc.securityGroup',
      references: ['aws_vpc.main'],
    }),
    iac(AWS_REPO, 'aws_subnet.public', 'aws_subnet', {
      kind: 'aws.vpc.subnet',
      references: ['aws_vpc.main'],
    }),
    iac(AWS_REPO, 'aws_vpc.main', 'aws_vpc', { kind: 'aws.vpc.vpc' }),
    iac(AWS_REPO, 'aws_iam_instance_profile.app', 'aws_iam_instance_profile', {
      references: ['aws_iam_role.app'],
    }),
    iac(AWS_REPO, 'aws_iam_role.app', 'aws_iam_role', { kind: 'aws.iam.role', name: 'app-role' }),
    iac(AWS_REPO, 'aws_iam_role_policy_attachment.admin', 'aws_iam_role_policy_attachment', {
      references: ['aws_iam_role.app'],
    }),
    iac(AWS_REPO, 'aws_s3_bucket.customer_data', 'aws_s3_bucket', {
      kind: 'aws.s3.bucket',
      name: 'customer-data',
      tags: { data_classification: 'confidential', palisade_trace: '2f0c6c0e-1111-4b8e-9a3e-000000000002' },
    }),
    iac(AWS_REPO, 'aws_s3_bucket.logs', 'aws_s3_bucket', { kind: 'aws.s3.bucket', name: 'acme-logs' }),
  ];
  const cloudResources = [
    cloud(AWS_ACCOUNT, `arn:aws:ec2:eu-west-1:${AWS_ACCOUNT}:instance/i-0abc`, 'AwsEc2Instance', {
      kind: 'aws.ec2.instance',
      name: 'web',
      related: [`arn:aws:iam::${AWS_ACCOUNT}:role/app-role`],
    }),
    cloud(AWS_ACCOUNT, 'arn:aws:s3:::customer-data', 'AwsS3Bucket', {
      kind: 'aws.s3.bucket',
      name: 'customer-data',
    }),
    cloud(AWS_ACCOUNT, `arn:aws:iam::${AWS_ACCOUNT}:role/app-role`, 'AwsIamRole', {
      kind: 'aws.iam.role',
      name: 'app-role',
      region: null,
    }),
    cloud(AWS_ACCOUNT, 'arn:aws:s3:::acme-logs', 'AwsS3Bucket', { kind: 'aws.s3.bucket', name: 'acme-logs' }),
  ];
  const sshOpen = finding(AWS.securityGroup, 'PAL-AWS-VPC-001', 'high', {
    title: 'Security group allows SSH (port 22) from the internet',
    message: 'Security group aws_security_group.web allows SSH (port 22) from 0.0.0.0/0.',
    tags: ['aws', 'vpc', 'security-group', 'network', 'internet-exposed'],
  });
  const admin = finding(AWS.adminAttachment, 'PAL-AWS-IAM-002', 'high', {
    title: 'AdministratorAccess managed policy is attached',
    message: 'aws_iam_role_policy_attachment.admin attaches AdministratorAccess.',
    tags: ADMIN_ACCESS_TAGS,
  });
  const imds = finding(AWS.instance, 'PAL-AWS-EC2-001', 'high', {
    title: 'EC2 instance metadata service accepts IMDSv1',
    tags: ['aws', 'ec2'],
  });
  const versioning = finding(AWS.customerData, 'PAL-AWS-S3-001', 'medium', {
    title: 'S3 bucket versioning is not enabled',
    tags: ['aws', 's3'],
  });
  const logsVersioning = finding(AWS.logs, 'PAL-AWS-S3-001', 'medium', {
    title: 'S3 bucket versioning is not enabled',
    tags: ['aws', 's3'],
  });
  return {
    iacResources,
    cloudResources,
    links: [
      { iacKey: AWS.instance, cloudKey: AWS.cloudInstance, method: 'trace-tag' },
      { iacKey: AWS.customerData, cloudKey: AWS.cloudCustomerData, method: 'trace-tag' },
      { iacKey: AWS.role, cloudKey: AWS.cloudRole, method: 'state-address' },
      { iacKey: AWS.logs, cloudKey: AWS.cloudLogs, method: 'name-heuristic' },
    ],
    findings: [sshOpen, admin, imds, versioning, logsVersioning],
    checks: [
      check(AWS.cloudInstance, 'ec2_instance_imdsv2_enabled', 'fail', 'high'),
      check(AWS.cloudInstance, 'ec2_instance_port_ssh_exposed_to_internet', 'fail', 'critical', [
        'internet-exposed',
      ]),
      check(AWS.cloudCustomerData, 's3_bucket_default_encryption', 'pass', 'medium'),
      check(AWS.cloudLogs, 's3_bucket_level_public_access_block', 'fail', 'high'),
    ],
    ids: {
      sshOpen: sshOpen.id,
      admin: admin.id,
      imds: imds.id,
      versioning: versioning.id,
      logsVersioning: logsVersioning.id,
    },
  };
}

export function azureSnapshot(): AnalysisSnapshot & { ids: { password: number; purge: number } } {
  const iacResources = [
    iac(AZURE_REPO, 'azurerm_public_ip.vm', 'azurerm_public_ip', { name: 'vm-pip' }),
    iac(AZURE_REPO, 'azurerm_network_interface.vm', 'azurerm_network_interface', {
      name: 'vm-nic',
      references: ['azurerm_public_ip.vm'],
    }),
    iac(AZURE_REPO, 'azurerm_linux_virtual_machine.app', 'azurerm_linux_virtual_machine', {
      kind: 'azure.compute.virtualMachine',
      name: 'app-vm',
      references: ['azurerm_network_interface.vm'],
    }),
    iac(AZURE_REPO, 'azurerm_key_vault.main', 'azurerm_key_vault', {
      kind: 'azure.keyvault.vault',
      name: 'kv-prod',
    }),
    iac(AZURE_REPO, 'azurerm_key_vault_access_policy.app', 'azurerm_key_vault_access_policy', {
      references: ['azurerm_key_vault.main', 'azurerm_linux_virtual_machine.app'],
    }),
  ];
  const password = finding(AZURE.vm, 'PAL-AZURE-COMPUTE-001', 'high', {
    title: 'Linux virtual machine allows password authentication',
  });
  const purge = finding(AZURE.vault, 'PAL-AZURE-KEYVAULT-001', 'medium', {
    title: 'Key vault does not enable purge protection',
  });
  return {
    iacResources,
    cloudResources: [
      cloud(
        AZURE_SUBSCRIPTION,
        AZURE.cloudVm.split(':').slice(2).join(':'),
        'microsoft.compute/virtualmachines',
        {
          provider: 'azure',
          region: 'westeurope',
          name: 'app-vm',
        },
      ),
    ],
    links: [{ iacKey: AZURE.vm, cloudKey: AZURE.cloudVm, method: 'trace-tag' }],
    findings: [password, purge],
    checks: [],
    ids: { password: password.id, purge: purge.id },
  };
}
