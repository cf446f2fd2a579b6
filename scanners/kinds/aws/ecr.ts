import type { KindDefinition } from '../../model/kinds.js';
import { fixed } from './s3.js';

export const ECR_KINDS: KindDefinition[] = [
  {
    kind: 'aws.ecr.repository',
    collection: 'aws.ecr.repositories',
    identity: ['name'],
    fields: {
      name: 'string',
      scanOnPush: 'bool',
      tagMutability: 'string',
      encryptionType: 'string',
      policy: 'json',
      lifecyclePolicy: 'present',
    },
    sources: [
      {
        family: 'terraform',
        types: ['aws_ecr_repository'],
        fields: {
          name: 'name',
          scanOnPush: { path: 'image_scanning_configuration.scan_on_push', default: false },
          tagMutability: { path: 'image_tag_mutability', default: 'MUTABLE' },
          encryptionType: { path: 'encryption_configuration.encryption_type', default: 'AES256' },
          // Set by aws_ecr_repository_policy and aws_ecr_lifecycle_policy.
          policy: fixed(undefined),
          lifecyclePolicy: fixed(false),
        },
      },
      {
        family: 'cloudformation',
        types: ['AWS::ECR::Repository'],
        fields: {
          name: 'RepositoryName',
          scanOnPush: { path: 'ImageScanningConfiguration.ScanOnPush', default: false },
          tagMutability: { path: 'ImageTagMutability', default: 'MUTABLE' },
          encryptionType: { path: 'EncryptionConfiguration.EncryptionType', default: 'AES256' },
          policy: 'RepositoryPolicyText',
          lifecyclePolicy: 'LifecyclePolicy',
        },
      },
    ],
    attachments: [
      {
        family: 'terraform',
        types: ['aws_ecr_repository_policy'],
        via: 'repository',
        fields: { policy: 'policy' },
      },
      {
        family: 'terraform',
        types: ['aws_ecr_lifecycle_policy'],
        via: 'repository',
        fields: { lifecyclePolicy: fixed(true) },
      },
    ],
  },
  {
    // Registry-wide scanning: with it, per-repository scan on push no longer decides whether images are scanned.
    kind: 'aws.ecr.registryScanning',
    collection: 'aws.ecr.registryScanning',
    fields: { scanType: 'string', rules: 'present' },
    sources: [
      {
        family: 'terraform',
        types: ['aws_ecr_registry_scanning_configuration'],
        fields: { scanType: 'scan_type', rules: 'rule' },
      },
      {
        family: 'cloudformation',
        types: ['AWS::ECR::RegistryScanningConfiguration'],
        fields: { scanType: 'ScanType', rules: 'Rules' },
      },
    ],
  },
];
