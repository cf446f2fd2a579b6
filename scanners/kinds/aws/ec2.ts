import type { KindDefinition } from '../../model/kinds.js';
import { fixed } from './s3.js';

/** `ebs` is false for instance-store and suppressed mappings, which have nothing to encrypt. */
const volumeFields = { encrypted: 'bool', ebs: 'present' } as const;

export const EC2_KINDS: KindDefinition[] = [
  {
    kind: 'aws.ec2.instance',
    collection: 'aws.ec2.instances',
    fields: {
      'metadata.httpTokens': 'string',
      'metadata.httpEndpoint': 'string',
      launchTemplate: 'present',
      associatePublicIp: 'bool',
      rootVolume: 'present',
      monitoring: 'bool',
    },
    children: { volumes: volumeFields, dataVolumes: volumeFields },
    sources: [
      {
        family: 'terraform',
        types: ['aws_instance'],
        fields: {
          // The provider leaves IMDSv1 on unless the AMI asks for v2 only.
          'metadata.httpTokens': { path: 'metadata_options.http_tokens', default: 'optional' },
          'metadata.httpEndpoint': { path: 'metadata_options.http_endpoint', default: 'enabled' },
          launchTemplate: 'launch_template',
          associatePublicIp: 'associate_public_ip_address',
          rootVolume: 'root_block_device',
          monitoring: { path: 'monitoring', default: false },
        },
        children: {
          volumes: {
            path: 'root_block_device',
            fields: { encrypted: { path: 'encrypted', default: false }, ebs: fixed(true) },
          },
          dataVolumes: {
            path: 'ebs_block_device',
            fields: { encrypted: { path: 'encrypted', default: false }, ebs: fixed(true) },
          },
        },
      },
      {
        family: 'cloudformation',
        types: ['AWS::EC2::Instance'],
        fields: {
          'metadata.httpTokens': { path: 'MetadataOptions.HttpTokens', default: 'optional' },
          'metadata.httpEndpoint': { path: 'MetadataOptions.HttpEndpoint', default: 'enabled' },
          launchTemplate: 'LaunchTemplate',
          associatePublicIp: 'NetworkInterfaces.AssociatePublicIpAddress',
          // Without BlockDeviceMappings the root volume is whatever the AMI's snapshot is.
          rootVolume: fixed(true),
          monitoring: { path: 'Monitoring', default: false },
        },
        children: {
          volumes: {
            path: 'BlockDeviceMappings',
            fields: { encrypted: { path: 'Ebs.Encrypted', default: false }, ebs: 'Ebs' },
          },
        },
      },
    ],
  },
  {
    kind: 'aws.ec2.launchTemplate',
    collection: 'aws.ec2.launchTemplates',
    fields: {
      'metadata.httpTokens': 'string',
      'metadata.httpEndpoint': 'string',
      associatePublicIp: 'bool',
      monitoring: 'bool',
    },
    children: { volumes: volumeFields },
    sources: [
      {
        family: 'terraform',
        types: ['aws_launch_template'],
        fields: {
          'metadata.httpTokens': { path: 'metadata_options.http_tokens', default: 'optional' },
          'metadata.httpEndpoint': { path: 'metadata_options.http_endpoint', default: 'enabled' },
          associatePublicIp: 'network_interfaces.associate_public_ip_address',
          monitoring: { path: 'monitoring.enabled', default: false },
        },
        children: {
          volumes: {
            path: 'block_device_mappings',
            fields: { encrypted: { path: 'ebs.encrypted', default: false }, ebs: 'ebs' },
          },
        },
      },
      {
        family: 'cloudformation',
        types: ['AWS::EC2::LaunchTemplate'],
        fields: {
          'metadata.httpTokens': {
            path: 'LaunchTemplateData.MetadataOptions.HttpTokens',
            default: 'optional',
          },
          'metadata.httpEndpoint': {
            path: 'LaunchTemplateData.MetadataOptions.HttpEndpoint',
            default: 'enabled',
          },
          associatePublicIp: 'LaunchTemplateData.NetworkInterfaces.AssociatePublicIpAddress',
          monitoring: { path: 'LaunchTemplateData.Monitoring.Enabled', default: false },
        },
        children: {
          volumes: {
            path: 'LaunchTemplateData.BlockDeviceMappings',
            fields: { encrypted: { path: 'Ebs.Encrypted', default: false }, ebs: 'Ebs' },
          },
        },
      },
      {
        // The legacy launch configuration of auto scaling groups: the same settings for the instances it launches.
        family: 'terraform',
        types: ['aws_launch_configuration'],
        fields: {
          'metadata.httpTokens': { path: 'metadata_options.http_tokens', default: 'optional' },
          'metadata.httpEndpoint': { path: 'metadata_options.http_endpoint', default: 'enabled' },
          associatePublicIp: 'associate_public_ip_address',
          monitoring: { path: 'enable_monitoring', default: true },
        },
        children: {
          volumes: {
            path: 'root_block_device',
            fields: { encrypted: { path: 'encrypted', default: false }, ebs: fixed(true) },
          },
        },
      },
      {
        family: 'cloudformation',
        types: ['AWS::AutoScaling::LaunchConfiguration'],
        fields: {
          'metadata.httpTokens': { path: 'MetadataOptions.HttpTokens', default: 'optional' },
          'metadata.httpEndpoint': { path: 'MetadataOptions.HttpEndpoint', default: 'enabled' },
          associatePublicIp: 'AssociatePublicIpAddress',
          monitoring: { path: 'InstanceMonitoring', default: true },
        },
        children: {
          volumes: {
            path: 'BlockDeviceMappings',
            fields: { encrypted: { path: 'Ebs.Encrypted', default: false }, ebs: 'Ebs' },
          },
        },
      },
    ],
  },
  {
    kind: 'aws.ec2.amiLaunchPermission',
    collection: 'aws.ec2.amiLaunchPermissions',
    fields: { group: 'string' },
    sources: [{ family: 'terraform', types: ['aws_ami_launch_permission'], fields: { group: 'group' } }],
  },
];
