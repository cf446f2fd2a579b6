import type { KindDefinition } from '../../model/kinds.js';

/** CloudFormation lists enabled log types as `{ Type: api }` objects. */
function logTypes(value: unknown): unknown {
  const items = Array.isArray(value) ? value : [value];
  return items.map((item) =>
    item !== null && typeof item === 'object' ? (item as Record<string, unknown>).Type : item,
  );
}

export const EKS_KINDS: KindDefinition[] = [
  {
    kind: 'aws.eks.cluster',
    collection: 'aws.eks.clusters',
    fields: {
      endpointPublicAccess: 'bool',
      publicAccessCidrs: 'list',
      encryptedResources: 'list',
      logTypes: 'list',
    },
    sources: [
      {
        family: 'terraform',
        types: ['aws_eks_cluster'],
        fields: {
          endpointPublicAccess: { path: 'vpc_config.endpoint_public_access', default: true },
          publicAccessCidrs: { path: 'vpc_config.public_access_cidrs', default: ['0.0.0.0/0'] },
          encryptedResources: { path: 'encryption_config.resources', default: [] },
          logTypes: { path: 'enabled_cluster_log_types', default: [] },
        },
      },
      {
        family: 'cloudformation',
        types: ['AWS::EKS::Cluster'],
        fields: {
          endpointPublicAccess: { path: 'ResourcesVpcConfig.EndpointPublicAccess', default: true },
          publicAccessCidrs: { path: 'ResourcesVpcConfig.PublicAccessCidrs', default: ['0.0.0.0/0'] },
          encryptedResources: { path: 'EncryptionConfig.Resources', default: [] },
          logTypes: { path: 'Logging.ClusterLogging.EnabledTypes', default: [], map: logTypes },
        },
      },
    ],
  },
  {
    kind: 'aws.eks.nodeGroup',
    collection: 'aws.eks.nodeGroups',
    fields: { 'remoteAccess.sshKey': 'present', 'remoteAccess.sourceSecurityGroups': 'list' },
    sources: [
      {
        family: 'terraform',
        types: ['aws_eks_node_group'],
        fields: {
          'remoteAccess.sshKey': 'remote_access.ec2_ssh_key',
          'remoteAccess.sourceSecurityGroups': {
            path: 'remote_access.source_security_group_ids',
            default: [],
          },
        },
      },
      {
        family: 'cloudformation',
        types: ['AWS::EKS::Nodegroup'],
        fields: {
          'remoteAccess.sshKey': 'RemoteAccess.Ec2SshKey',
          'remoteAccess.sourceSecurityGroups': { path: 'RemoteAccess.SourceSecurityGroups', default: [] },
        },
      },
    ],
  },
];
