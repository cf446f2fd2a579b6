import type { KindDefinition } from '../../model/kinds.js';
import { oneOf } from './settings.js';

/** SNS topics, SQS queues, Kinesis data streams, Data Firehose delivery streams, MSK clusters. */
export const MESSAGING_KINDS: KindDefinition[] = [
  {
    kind: 'aws.sns.topic',
    collection: 'aws.sns.topics',
    fields: { kmsMasterKeyId: 'string', policy: 'json' },
    sources: [
      {
        family: 'terraform',
        types: ['aws_sns_topic'],
        fields: { kmsMasterKeyId: 'kms_master_key_id', policy: 'policy' },
      },
      { family: 'cloudformation', types: ['AWS::SNS::Topic'], fields: { kmsMasterKeyId: 'KmsMasterKeyId' } },
    ],
    attachments: [
      { family: 'terraform', types: ['aws_sns_topic_policy'], via: 'arn', fields: { policy: 'policy' } },
      {
        family: 'cloudformation',
        types: ['AWS::SNS::TopicPolicy'],
        via: 'Topics',
        fields: { policy: 'PolicyDocument' },
      },
    ],
  },
  {
    kind: 'aws.sqs.queue',
    collection: 'aws.sqs.queues',
    fields: { kmsMasterKeyId: 'string', sqsManagedSse: 'bool', policy: 'json' },
    sources: [
      {
        family: 'terraform',
        types: ['aws_sqs_queue'],
        fields: {
          kmsMasterKeyId: 'kms_master_key_id',
          // SQS-managed encryption is on for new queues unless turned off.
          sqsManagedSse: { path: 'sqs_managed_sse_enabled', default: true },
          policy: 'policy',
        },
      },
      {
        family: 'cloudformation',
        types: ['AWS::SQS::Queue'],
        fields: {
          kmsMasterKeyId: 'KmsMasterKeyId',
          sqsManagedSse: { path: 'SqsManagedSseEnabled', default: true },
        },
      },
    ],
    attachments: [
      {
        family: 'terraform',
        types: ['aws_sqs_queue_policy'],
        via: 'queue_url',
        fields: { policy: 'policy' },
      },
      {
        family: 'cloudformation',
        types: ['AWS::SQS::QueuePolicy'],
        via: 'Queues',
        fields: { policy: 'PolicyDocument' },
      },
    ],
  },
  {
    kind: 'aws.kinesis.stream',
    collection: 'aws.kinesis.streams',
    fields: { encrypted: 'bool' },
    sources: [
      {
        family: 'terraform',
        types: ['aws_kinesis_stream'],
        fields: { encrypted: { path: 'encryption_type', default: false, map: oneOf('KMS') } },
      },
      {
        family: 'cloudformation',
        types: ['AWS::Kinesis::Stream'],
        fields: { encrypted: { path: 'StreamEncryption.EncryptionType', default: false, map: oneOf('KMS') } },
      },
    ],
  },
  {
    kind: 'aws.firehose.deliveryStream',
    collection: 'aws.firehose.deliveryStreams',
    fields: { encrypted: 'bool', streamSource: 'bool' },
    sources: [
      {
        family: 'terraform',
        types: ['aws_kinesis_firehose_delivery_stream'],
        fields: {
          encrypted: { path: 'server_side_encryption.enabled', default: false },
          streamSource: {
            path: ['kinesis_source_configuration', 'msk_source_configuration'],
            default: false,
            map: () => true,
          },
        },
      },
      {
        family: 'cloudformation',
        types: ['AWS::KinesisFirehose::DeliveryStream'],
        fields: {
          encrypted: { path: 'DeliveryStreamEncryptionConfigurationInput', default: false, map: () => true },
          streamSource: {
            path: 'DeliveryStreamType',
            default: false,
            map: oneOf('KinesisStreamAsSource', 'MSKAsSource'),
          },
        },
      },
    ],
  },
  {
    kind: 'aws.msk.cluster',
    collection: 'aws.msk.clusters',
    fields: { clientBroker: 'string', inCluster: 'bool', unauthenticated: 'bool' },
    sources: [
      {
        family: 'terraform',
        types: ['aws_msk_cluster'],
        fields: {
          clientBroker: { path: 'encryption_info.encryption_in_transit.client_broker', default: 'TLS' },
          inCluster: { path: 'encryption_info.encryption_in_transit.in_cluster', default: true },
          unauthenticated: { path: 'client_authentication.unauthenticated', default: false },
        },
      },
      {
        family: 'cloudformation',
        types: ['AWS::MSK::Cluster'],
        fields: {
          clientBroker: { path: 'EncryptionInfo.EncryptionInTransit.ClientBroker', default: 'TLS' },
          inCluster: { path: 'EncryptionInfo.EncryptionInTransit.InCluster', default: true },
          unauthenticated: { path: 'ClientAuthentication.Unauthenticated.Enabled', default: false },
        },
      },
    ],
  },
];
