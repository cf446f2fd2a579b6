import type { KindDefinition } from '../../model/kinds.js';
import { keyedSetting } from './settings.js';

/** DynamoDB and DAX, ElastiCache, Redshift, OpenSearch (and its Elasticsearch predecessor). */
export const DATABASE_KINDS: KindDefinition[] = [
  {
    kind: 'aws.dynamodb.table',
    collection: 'aws.dynamodb.tables',
    fields: { pointInTimeRecovery: 'bool', kmsKeyArn: 'string', deletionProtection: 'bool' },
    sources: [
      {
        family: 'terraform',
        types: ['aws_dynamodb_table'],
        fields: {
          pointInTimeRecovery: { path: 'point_in_time_recovery.enabled', default: false },
          kmsKeyArn: 'server_side_encryption.kms_key_arn',
          deletionProtection: { path: 'deletion_protection_enabled', default: false },
        },
      },
      {
        family: 'cloudformation',
        types: ['AWS::DynamoDB::Table'],
        fields: {
          pointInTimeRecovery: {
            path: 'PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled',
            default: false,
          },
          kmsKeyArn: 'SSESpecification.KMSMasterKeyId',
          deletionProtection: { path: 'DeletionProtectionEnabled', default: false },
        },
      },
    ],
  },
  {
    kind: 'aws.dynamodb.daxCluster',
    collection: 'aws.dynamodb.daxClusters',
    fields: { encryptedAtRest: 'bool', endpointEncryption: 'string' },
    sources: [
      {
        family: 'terraform',
        types: ['aws_dax_cluster'],
        fields: {
          encryptedAtRest: { path: 'server_side_encryption.enabled', default: false },
          endpointEncryption: { path: 'cluster_endpoint_encryption_type', default: 'NONE' },
        },
      },
      {
        family: 'cloudformation',
        types: ['AWS::DAX::Cluster'],
        fields: {
          encryptedAtRest: { path: 'SSESpecification.SSEEnabled', default: false },
          endpointEncryption: { path: 'ClusterEndpointEncryptionType', default: 'NONE' },
        },
      },
    ],
  },
  {
    kind: 'aws.elasticache.replicationGroup',
    collection: 'aws.elasticache.replicationGroups',
    fields: {
      engine: 'string',
      atRestEncryption: 'bool',
      transitEncryption: 'bool',
      authToken: 'present',
      userGroups: 'present',
      snapshotRetentionLimit: 'number',
    },
    sources: [
      {
        family: 'terraform',
        types: ['aws_elasticache_replication_group'],
        fields: {
          engine: { path: 'engine', default: 'redis' },
          atRestEncryption: { path: 'at_rest_encryption_enabled', default: false },
          transitEncryption: { path: 'transit_encryption_enabled', default: false },
          authToken: 'auth_token',
          userGroups: 'user_group_ids',
          snapshotRetentionLimit: { path: 'snapshot_retention_limit', default: 0 },
        },
      },
      {
        family: 'cloudformation',
        types: ['AWS::ElastiCache::ReplicationGroup'],
        fields: {
          engine: { path: 'Engine', default: 'redis' },
          atRestEncryption: { path: 'AtRestEncryptionEnabled', default: false },
          transitEncryption: { path: 'TransitEncryptionEnabled', default: false },
          authToken: 'AuthToken',
          userGroups: 'UserGroupIds',
          snapshotRetentionLimit: { path: 'SnapshotRetentionLimit', default: 0 },
        },
      },
    ],
  },
  {
    kind: 'aws.elasticache.cluster',
    collection: 'aws.elasticache.clusters',
    fields: { engine: 'string', replicationGroupMember: 'present', snapshotRetentionLimit: 'number' },
    sources: [
      {
        family: 'terraform',
        types: ['aws_elasticache_cluster'],
        fields: {
          engine: 'engine',
          replicationGroupMember: 'replication_group_id',
          snapshotRetentionLimit: { path: 'snapshot_retention_limit', default: 0 },
        },
      },
      {
        family: 'cloudformation',
        types: ['AWS::ElastiCache::CacheCluster'],
        fields: {
          engine: 'Engine',
          // CloudFormation cache clusters are never members of a replication group.
          replicationGroupMember: { path: 'ReplicationGroupId', default: false },
          snapshotRetentionLimit: { path: 'SnapshotRetentionLimit', default: 0 },
        },
      },
    ],
  },
  {
    kind: 'aws.redshift.cluster',
    collection: 'aws.redshift.clusters',
    identity: ['identifier'],
    fields: {
      identifier: 'string',
      encrypted: 'bool',
      publiclyAccessible: 'bool',
      loggingEnabled: 'bool',
      enhancedVpcRouting: 'bool',
      parameterGroupName: 'string',
      snapshotRetentionDays: 'number',
    },
    sources: [
      {
        // New clusters are encrypted and private by default since January 2025 (provider v6 follows).
        family: 'terraform',
        types: ['aws_redshift_cluster'],
        fields: {
          identifier: 'cluster_identifier',
          encrypted: { path: 'encrypted', default: true },
          publiclyAccessible: { path: 'publicly_accessible', default: false },
          loggingEnabled: { path: 'logging.enable', default: false },
          enhancedVpcRouting: { path: 'enhanced_vpc_routing', default: false },
          parameterGroupName: 'cluster_parameter_group_name',
          snapshotRetentionDays: { path: 'automated_snapshot_retention_period', default: 1 },
        },
      },
      {
        family: 'cloudformation',
        types: ['AWS::Redshift::Cluster'],
        fields: {
          identifier: 'ClusterIdentifier',
          encrypted: { path: 'Encrypted', default: true },
          publiclyAccessible: { path: 'PubliclyAccessible', default: false },
          loggingEnabled: { path: 'LoggingProperties', default: false, map: () => true },
          enhancedVpcRouting: { path: 'EnhancedVpcRouting', default: false },
          parameterGroupName: 'ClusterParameterGroupName',
          snapshotRetentionDays: { path: 'AutomatedSnapshotRetentionPeriod', default: 1 },
        },
      },
    ],
    attachments: [
      {
        family: 'terraform',
        types: ['aws_redshift_logging'],
        via: 'cluster_identifier',
        fields: { loggingEnabled: { path: 'cluster_identifier', map: () => true } },
      },
    ],
  },
  {
    kind: 'aws.redshift.parameterGroup',
    collection: 'aws.redshift.parameterGroups',
    identity: ['name'],
    fields: { name: 'string', requireSsl: 'bool' },
    sources: [
      {
        family: 'terraform',
        types: ['aws_redshift_parameter_group'],
        fields: {
          name: 'name',
          requireSsl: {
            path: 'parameter',
            default: false,
            map: keyedSetting('name', 'value', 'require_ssl', false),
          },
        },
      },
      {
        family: 'cloudformation',
        types: ['AWS::Redshift::ClusterParameterGroup'],
        fields: {
          name: 'ParameterGroupName',
          requireSsl: {
            path: 'Parameters',
            default: false,
            map: keyedSetting('ParameterName', 'ParameterValue', 'require_ssl', false),
          },
        },
      },
    ],
  },
  {
    kind: 'aws.opensearch.domain',
    collection: 'aws.opensearch.domains',
    identity: ['name'],
    fields: {
      name: 'string',
      encryptAtRest: 'bool',
      nodeToNodeEncryption: 'bool',
      enforceHttps: 'bool',
      tlsSecurityPolicy: 'string',
      accessPolicies: 'json',
      fineGrainedAccessControl: 'bool',
      auditLogs: 'bool',
      inVpc: 'present',
    },
    sources: [
      {
        family: 'terraform',
        types: ['aws_opensearch_domain', 'aws_elasticsearch_domain'],
        fields: {
          name: 'domain_name',
          encryptAtRest: { path: 'encrypt_at_rest.enabled', default: false },
          nodeToNodeEncryption: { path: 'node_to_node_encryption.enabled', default: false },
          enforceHttps: 'domain_endpoint_options.enforce_https',
          tlsSecurityPolicy: 'domain_endpoint_options.tls_security_policy',
          accessPolicies: 'access_policies',
          fineGrainedAccessControl: { path: 'advanced_security_options.enabled', default: false },
          auditLogs: { path: 'log_publishing_options', default: false, map: terraformAuditLogs },
          inVpc: 'vpc_options',
        },
      },
      {
        family: 'cloudformation',
        types: ['AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'],
        fields: {
          name: 'DomainName',
          encryptAtRest: { path: 'EncryptionAtRestOptions.Enabled', default: false },
          nodeToNodeEncryption: { path: 'NodeToNodeEncryptionOptions.Enabled', default: false },
          enforceHttps: 'DomainEndpointOptions.EnforceHTTPS',
          tlsSecurityPolicy: 'DomainEndpointOptions.TLSSecurityPolicy',
          accessPolicies: 'AccessPolicies',
          fineGrainedAccessControl: { path: 'AdvancedSecurityOptions.Enabled', default: false },
          auditLogs: {
            path: 'LogPublishingOptions.AUDIT_LOGS',
            default: false,
            map: cloudFormationAuditLogs,
          },
          inVpc: 'VPCOptions',
        },
      },
    ],
    attachments: [
      {
        family: 'terraform',
        types: ['aws_opensearch_domain_policy', 'aws_elasticsearch_domain_policy'],
        via: 'domain_name',
        fields: { accessPolicies: 'access_policies' },
      },
    ],
  },
];

/** Terraform's `log_publishing_options` blocks: audit logs are on when an AUDIT_LOGS block is not disabled. */
function terraformAuditLogs(value: unknown): unknown {
  const blocks = Array.isArray(value) ? value : [value];
  let unknown = false;
  for (const block of blocks) {
    if (block === null || typeof block !== 'object') continue;
    const { log_type: type, enabled } = block as Record<string, unknown>;
    if (type === undefined) unknown = true;
    if (type !== 'AUDIT_LOGS') continue;
    if (enabled === undefined) return true;
    return enabled === true || enabled === 'true'
      ? true
      : enabled === false || enabled === 'false'
        ? false
        : undefined;
  }
  return unknown ? undefined : false;
}

/** CloudFormation's `LogPublishingOptions.AUDIT_LOGS`: on unless `Enabled` is false. */
function cloudFormationAuditLogs(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return undefined;
  const enabled = (value as Record<string, unknown>).Enabled;
  return !(enabled === false || enabled === 'false');
}
