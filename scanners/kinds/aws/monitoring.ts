import type { KindDefinition } from '../../model/kinds.js';

/** CloudTrail, CloudWatch Logs, AWS Config and GuardDuty: the account's audit and detection services. */
export const MONITORING_KINDS: KindDefinition[] = [
  {
    kind: 'aws.cloudtrail.trail',
    collection: 'aws.cloudtrail.trails',
    fields: {
      multiRegion: 'bool',
      logFileValidation: 'bool',
      kmsKeyId: 'string',
      cloudWatchLogsGroupArn: 'string',
      logging: 'bool',
    },
    sources: [
      {
        family: 'terraform',
        types: ['aws_cloudtrail'],
        fields: {
          multiRegion: { path: 'is_multi_region_trail', default: false },
          logFileValidation: { path: 'enable_log_file_validation', default: false },
          kmsKeyId: 'kms_key_id',
          cloudWatchLogsGroupArn: 'cloud_watch_logs_group_arn',
          logging: { path: 'enable_logging', default: true },
        },
      },
      {
        family: 'cloudformation',
        types: ['AWS::CloudTrail::Trail'],
        fields: {
          multiRegion: { path: 'IsMultiRegionTrail', default: false },
          logFileValidation: { path: 'EnableLogFileValidation', default: false },
          kmsKeyId: 'KMSKeyId',
          cloudWatchLogsGroupArn: 'CloudWatchLogsLogGroupArn',
          logging: 'IsLogging',
        },
      },
    ],
  },
  {
    kind: 'aws.cloudwatch.logGroup',
    collection: 'aws.cloudwatch.logGroups',
    fields: { retentionDays: 'number', kmsKeyId: 'string' },
    sources: [
      {
        family: 'terraform',
        types: ['aws_cloudwatch_log_group'],
        // 0 (the default) keeps events forever.
        fields: { retentionDays: { path: 'retention_in_days', default: 0 }, kmsKeyId: 'kms_key_id' },
      },
      {
        family: 'cloudformation',
        types: ['AWS::Logs::LogGroup'],
        fields: { retentionDays: { path: 'RetentionInDays', default: 0 }, kmsKeyId: 'KmsKeyId' },
      },
    ],
  },
  {
    kind: 'aws.config.recorder',
    collection: 'aws.config.recorders',
    identity: ['name'],
    fields: { name: 'string', allSupported: 'bool', recording: 'bool' },
    sources: [
      {
        family: 'terraform',
        types: ['aws_config_configuration_recorder'],
        fields: {
          name: 'name',
          allSupported: { path: 'recording_group.all_supported', default: true },
          // A Terraform recorder records only once aws_config_configuration_recorder_status enables it.
          recording: { path: 'is_enabled', default: false },
        },
      },
      {
        family: 'cloudformation',
        types: ['AWS::Config::ConfigurationRecorder'],
        fields: {
          name: 'Name',
          allSupported: { path: 'RecordingGroup.AllSupported', default: true },
        },
      },
    ],
    attachments: [
      {
        family: 'terraform',
        types: ['aws_config_configuration_recorder_status'],
        via: 'name',
        fields: { recording: { path: 'is_enabled', default: false } },
      },
    ],
  },
  {
    kind: 'aws.guardduty.detector',
    collection: 'aws.guardduty.detectors',
    fields: { enabled: 'bool' },
    sources: [
      {
        family: 'terraform',
        types: ['aws_guardduty_detector'],
        fields: { enabled: { path: 'enable', default: true } },
      },
      { family: 'cloudformation', types: ['AWS::GuardDuty::Detector'], fields: { enabled: 'Enable' } },
    ],
  },
];
