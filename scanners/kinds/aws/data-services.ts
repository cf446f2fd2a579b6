import type { KindDefinition } from '../../model/kinds.js';
import { oneOf } from './settings.js';

/** EFS, Secrets Manager, SageMaker, Athena and Glue. */
export const DATA_SERVICE_KINDS: KindDefinition[] = [
  {
    kind: 'aws.efs.fileSystem',
    collection: 'aws.efs.fileSystems',
    fields: { encrypted: 'bool', backups: 'bool' },
    sources: [
      {
        family: 'terraform',
        types: ['aws_efs_file_system'],
        // Automatic backups are set by a separate aws_efs_backup_policy.
        fields: {
          encrypted: { path: 'encrypted', default: false },
          backups: { path: 'backup_policy', default: false },
        },
      },
      {
        family: 'cloudformation',
        types: ['AWS::EFS::FileSystem'],
        fields: {
          encrypted: { path: 'Encrypted', default: false },
          backups: { path: 'BackupPolicy.Status', default: false, map: oneOf('ENABLED') },
        },
      },
    ],
    attachments: [
      {
        family: 'terraform',
        types: ['aws_efs_backup_policy'],
        via: 'file_system_id',
        fields: { backups: { path: 'backup_policy.status', default: false, map: oneOf('ENABLED') } },
      },
    ],
  },
  {
    kind: 'aws.efs.accessPoint',
    collection: 'aws.efs.accessPoints',
    fields: { rootDirectory: 'string', posixUser: 'present' },
    sources: [
      {
        family: 'terraform',
        types: ['aws_efs_access_point'],
        fields: { rootDirectory: { path: 'root_directory.path', default: '/' }, posixUser: 'posix_user' },
      },
      {
        family: 'cloudformation',
        types: ['AWS::EFS::AccessPoint'],
        fields: { rootDirectory: { path: 'RootDirectory.Path', default: '/' }, posixUser: 'PosixUser' },
      },
    ],
  },
  {
    kind: 'aws.secretsmanager.secret',
    collection: 'aws.secretsmanager.secrets',
    fields: { kmsKeyId: 'string', rotation: 'present' },
    sources: [
      {
        family: 'terraform',
        types: ['aws_secretsmanager_secret'],
        // Provider versions before 4.0 configured rotation inline.
        fields: { kmsKeyId: 'kms_key_id', rotation: { path: ['rotation_rules', 'rotation_lambda_arn'] } },
      },
      {
        family: 'cloudformation',
        types: ['AWS::SecretsManager::Secret'],
        // A secret has no rotation settings of its own: a RotationSchedule attaches them.
        fields: { kmsKeyId: 'KmsKeyId', rotation: { path: 'RotationRules' } },
      },
    ],
    attachments: [
      {
        family: 'terraform',
        types: ['aws_secretsmanager_secret_rotation'],
        via: 'secret_id',
        fields: { rotation: { path: ['rotation_rules', 'rotation_lambda_arn'] } },
      },
      {
        family: 'cloudformation',
        types: ['AWS::SecretsManager::RotationSchedule'],
        via: 'SecretId',
        fields: { rotation: { path: ['RotationRules', 'HostedRotationLambda', 'RotationLambdaARN'] } },
      },
    ],
  },
  {
    kind: 'aws.sagemaker.notebookInstance',
    collection: 'aws.sagemaker.notebookInstances',
    fields: { directInternetAccess: 'bool', rootAccess: 'bool', kmsKeyId: 'string', subnetId: 'string' },
    sources: [
      {
        family: 'terraform',
        types: ['aws_sagemaker_notebook_instance'],
        fields: {
          directInternetAccess: { path: 'direct_internet_access', default: true, map: oneOf('Enabled') },
          rootAccess: { path: 'root_access', default: true, map: oneOf('Enabled') },
          kmsKeyId: 'kms_key_id',
          subnetId: 'subnet_id',
        },
      },
      {
        family: 'cloudformation',
        types: ['AWS::SageMaker::NotebookInstance'],
        fields: {
          directInternetAccess: { path: 'DirectInternetAccess', default: true, map: oneOf('Enabled') },
          rootAccess: { path: 'RootAccess', default: true, map: oneOf('Enabled') },
          kmsKeyId: 'KmsKeyId',
          subnetId: 'SubnetId',
        },
      },
    ],
  },
  {
    kind: 'aws.sagemaker.endpointConfiguration',
    collection: 'aws.sagemaker.endpointConfigurations',
    fields: { kmsKeyId: 'string' },
    sources: [
      {
        family: 'terraform',
        types: ['aws_sagemaker_endpoint_configuration'],
        fields: { kmsKeyId: 'kms_key_arn' },
      },
      {
        family: 'cloudformation',
        types: ['AWS::SageMaker::EndpointConfig'],
        fields: { kmsKeyId: 'KmsKeyId' },
      },
    ],
  },
  {
    kind: 'aws.athena.workgroup',
    collection: 'aws.athena.workgroups',
    fields: { resultEncryption: 'string' },
    sources: [
      {
        family: 'terraform',
        types: ['aws_athena_workgroup'],
        fields: {
          resultEncryption: 'configuration.result_configuration.encryption_configuration.encryption_option',
        },
      },
      {
        family: 'cloudformation',
        types: ['AWS::Athena::WorkGroup'],
        fields: {
          resultEncryption:
            'WorkGroupConfiguration.ResultConfiguration.EncryptionConfiguration.EncryptionOption',
        },
      },
    ],
  },
  {
    kind: 'aws.glue.securityConfiguration',
    collection: 'aws.glue.securityConfigurations',
    fields: { s3Encryption: 'string', cloudWatchEncryption: 'string', jobBookmarksEncryption: 'string' },
    sources: [
      {
        family: 'terraform',
        types: ['aws_glue_security_configuration'],
        fields: {
          s3Encryption: {
            path: 'encryption_configuration.s3_encryption.s3_encryption_mode',
            default: 'DISABLED',
          },
          cloudWatchEncryption: {
            path: 'encryption_configuration.cloudwatch_encryption.cloudwatch_encryption_mode',
            default: 'DISABLED',
          },
          jobBookmarksEncryption: {
            path: 'encryption_configuration.job_bookmarks_encryption.job_bookmarks_encryption_mode',
            default: 'DISABLED',
          },
        },
      },
      {
        family: 'cloudformation',
        types: ['AWS::Glue::SecurityConfiguration'],
        fields: {
          s3Encryption: {
            path: 'EncryptionConfiguration.S3Encryptions.S3EncryptionMode',
            default: 'DISABLED',
          },
          cloudWatchEncryption: {
            path: 'EncryptionConfiguration.CloudWatchEncryption.CloudWatchEncryptionMode',
            default: 'DISABLED',
          },
          jobBookmarksEncryption: {
            path: 'EncryptionConfiguration.JobBookmarksEncryption.JobBookmarksEncryptionMode',
            default: 'DISABLED',
          },
        },
      },
    ],
  },
  {
    kind: 'aws.glue.catalogEncryption',
    collection: 'aws.glue.catalogEncryptions',
    fields: { catalogEncryptionMode: 'string', connectionPasswordEncrypted: 'bool' },
    sources: [
      {
        family: 'terraform',
        types: ['aws_glue_data_catalog_encryption_settings'],
        fields: {
          catalogEncryptionMode: {
            path: 'data_catalog_encryption_settings.encryption_at_rest.catalog_encryption_mode',
            default: 'DISABLED',
          },
          connectionPasswordEncrypted: {
            path: 'data_catalog_encryption_settings.connection_password_encryption.return_connection_password_encrypted',
            default: false,
          },
        },
      },
      {
        family: 'cloudformation',
        types: ['AWS::Glue::DataCatalogEncryptionSettings'],
        fields: {
          catalogEncryptionMode: {
            path: 'DataCatalogEncryptionSettings.EncryptionAtRest.CatalogEncryptionMode',
            default: 'DISABLED',
          },
          connectionPasswordEncrypted: {
            path: 'DataCatalogEncryptionSettings.ConnectionPasswordEncryption.ReturnConnectionPasswordEncrypted',
            default: false,
          },
        },
      },
    ],
  },
];
