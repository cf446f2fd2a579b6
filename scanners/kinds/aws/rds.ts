import type { KindDefinition } from '../../model/kinds.js';
import { fixed } from './s3.js';

export const RDS_KINDS: KindDefinition[] = [
  {
    kind: 'aws.rds.instance',
    collection: 'aws.rds.instances',
    fields: {
      engine: 'string',
      /** An Aurora instance: storage, backups and deletion protection belong to its cluster. */
      clusterMember: 'present',
      /** A read replica inherits encryption and backups from its source. */
      replicaOf: 'present',
      storageEncrypted: 'bool',
      publiclyAccessible: 'bool',
      backupRetention: 'number',
      deletionProtection: 'bool',
      iamAuth: 'bool',
      multiAz: 'bool',
      autoMinorVersionUpgrade: 'bool',
      'performanceInsights.enabled': 'bool',
      'performanceInsights.kmsKeyId': 'string',
      logExports: 'list',
    },
    sources: [
      {
        family: 'terraform',
        types: ['aws_db_instance'],
        fields: {
          engine: 'engine',
          clusterMember: fixed(false),
          replicaOf: 'replicate_source_db',
          storageEncrypted: { path: 'storage_encrypted', default: false },
          publiclyAccessible: { path: 'publicly_accessible', default: false },
          // The RDS API keeps one day of backups when none is asked for.
          backupRetention: { path: 'backup_retention_period', default: 1 },
          deletionProtection: { path: 'deletion_protection', default: false },
          iamAuth: { path: 'iam_database_authentication_enabled', default: false },
          multiAz: { path: 'multi_az', default: false },
          autoMinorVersionUpgrade: { path: 'auto_minor_version_upgrade', default: true },
          'performanceInsights.enabled': { path: 'performance_insights_enabled', default: false },
          'performanceInsights.kmsKeyId': 'performance_insights_kms_key_id',
          logExports: { path: 'enabled_cloudwatch_logs_exports', default: [] },
        },
      },
      {
        family: 'terraform',
        types: ['aws_rds_cluster_instance'],
        fields: {
          engine: 'engine',
          clusterMember: fixed(true),
          replicaOf: fixed(false),
          publiclyAccessible: { path: 'publicly_accessible', default: false },
          autoMinorVersionUpgrade: { path: 'auto_minor_version_upgrade', default: true },
          'performanceInsights.enabled': { path: 'performance_insights_enabled', default: false },
          'performanceInsights.kmsKeyId': 'performance_insights_kms_key_id',
        },
      },
      {
        family: 'cloudformation',
        types: ['AWS::RDS::DBInstance'],
        fields: {
          engine: 'Engine',
          clusterMember: 'DBClusterIdentifier',
          replicaOf: 'SourceDBInstanceIdentifier',
          storageEncrypted: { path: 'StorageEncrypted', default: false },
          // Its default depends on the subnets: not knowable from the template.
          publiclyAccessible: 'PubliclyAccessible',
          backupRetention: { path: 'BackupRetentionPeriod', default: 1 },
          deletionProtection: { path: 'DeletionProtection', default: false },
          iamAuth: { path: 'EnableIAMDatabaseAuthentication', default: false },
          multiAz: { path: 'MultiAZ', default: false },
          autoMinorVersionUpgrade: { path: 'AutoMinorVersionUpgrade', default: true },
          'performanceInsights.enabled': { path: 'EnablePerformanceInsights', default: false },
          'performanceInsights.kmsKeyId': 'PerformanceInsightsKMSKeyId',
          logExports: { path: 'EnableCloudwatchLogsExports', default: [] },
        },
      },
    ],
  },
  {
    kind: 'aws.rds.cluster',
    collection: 'aws.rds.clusters',
    fields: {
      engine: 'string',
      engineMode: 'string',
      storageEncrypted: 'bool',
      backupRetention: 'number',
      deletionProtection: 'bool',
      iamAuth: 'bool',
      logExports: 'list',
    },
    sources: [
      {
        family: 'terraform',
        types: ['aws_rds_cluster'],
        fields: {
          engine: 'engine',
          engineMode: { path: 'engine_mode', default: 'provisioned' },
          storageEncrypted: { path: 'storage_encrypted', default: false },
          backupRetention: { path: 'backup_retention_period', default: 1 },
          deletionProtection: { path: 'deletion_protection', default: false },
          iamAuth: { path: 'iam_database_authentication_enabled', default: false },
          logExports: { path: 'enabled_cloudwatch_logs_exports', default: [] },
        },
      },
      {
        family: 'cloudformation',
        types: ['AWS::RDS::DBCluster'],
        fields: {
          engine: 'Engine',
          engineMode: { path: 'EngineMode', default: 'provisioned' },
          storageEncrypted: { path: 'StorageEncrypted', default: false },
          backupRetention: { path: 'BackupRetentionPeriod', default: 1 },
          deletionProtection: { path: 'DeletionProtection', default: false },
          iamAuth: { path: 'EnableIAMDatabaseAuthentication', default: false },
          logExports: { path: 'EnableCloudwatchLogsExports', default: [] },
        },
      },
    ],
  },
  {
    kind: 'aws.rds.snapshot',
    collection: 'aws.rds.snapshots',
    fields: { sharedAccounts: 'list' },
    sources: [
      {
        family: 'terraform',
        types: ['aws_db_snapshot', 'aws_db_cluster_snapshot'],
        fields: { sharedAccounts: { path: 'shared_accounts', default: [] } },
      },
    ],
  },
];
