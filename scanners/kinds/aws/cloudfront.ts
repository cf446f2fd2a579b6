import type { KindDefinition } from '../../model/kinds.js';

const config = 'DistributionConfig';

/** CloudFront distributions, their ordered cache behaviours and origins. */
export const CLOUDFRONT_KINDS: KindDefinition[] = [
  {
    kind: 'aws.cloudfront.distribution',
    collection: 'aws.cloudfront.distributions',
    fields: {
      viewerProtocolPolicy: 'string',
      viewerCertificateConfigured: 'present',
      defaultCertificate: 'bool',
      minimumProtocolVersion: 'string',
      loggingConfigured: 'present',
      webAclId: 'string',
      geoRestrictionType: 'string',
      defaultRootObject: 'string',
    },
    children: {
      cacheBehaviors: { viewerProtocolPolicy: 'string' },
      origins: {
        originProtocolPolicy: 'string',
        originSslProtocols: 'list',
        s3Origin: 'present',
        originAccessIdentity: 'string',
        originAccessControlId: 'string',
      },
    },
    sources: [
      {
        family: 'terraform',
        types: ['aws_cloudfront_distribution'],
        fields: {
          viewerProtocolPolicy: 'default_cache_behavior.viewer_protocol_policy',
          viewerCertificateConfigured: 'viewer_certificate',
          defaultCertificate: { path: 'viewer_certificate.cloudfront_default_certificate', default: false },
          minimumProtocolVersion: { path: 'viewer_certificate.minimum_protocol_version', default: 'TLSv1' },
          loggingConfigured: 'logging_config',
          webAclId: 'web_acl_id',
          geoRestrictionType: { path: 'restrictions.geo_restriction.restriction_type', default: 'none' },
          defaultRootObject: 'default_root_object',
        },
        children: {
          cacheBehaviors: {
            path: 'ordered_cache_behavior',
            fields: { viewerProtocolPolicy: 'viewer_protocol_policy' },
          },
          origins: {
            path: 'origin',
            fields: {
              originProtocolPolicy: 'custom_origin_config.origin_protocol_policy',
              originSslProtocols: 'custom_origin_config.origin_ssl_protocols',
              s3Origin: 's3_origin_config',
              originAccessIdentity: 's3_origin_config.origin_access_identity',
              originAccessControlId: 'origin_access_control_id',
            },
          },
        },
      },
      {
        family: 'cloudformation',
        types: ['AWS::CloudFront::Distribution'],
        fields: {
          viewerProtocolPolicy: `${config}.DefaultCacheBehavior.ViewerProtocolPolicy`,
          viewerCertificateConfigured: `${config}.ViewerCertificate`,
          defaultCertificate: {
            path: `${config}.ViewerCertificate.CloudFrontDefaultCertificate`,
            default: false,
          },
          minimumProtocolVersion: {
            path: `${config}.ViewerCertificate.MinimumProtocolVersion`,
            default: 'TLSv1',
          },
          loggingConfigured: `${config}.Logging`,
          webAclId: `${config}.WebACLId`,
          geoRestrictionType: {
            path: `${config}.Restrictions.GeoRestriction.RestrictionType`,
            default: 'none',
          },
          defaultRootObject: `${config}.DefaultRootObject`,
        },
        children: {
          cacheBehaviors: {
            path: `${config}.CacheBehaviors`,
            fields: { viewerProtocolPolicy: 'ViewerProtocolPolicy' },
          },
          origins: {
            path: `${config}.Origins`,
            fields: {
              originProtocolPolicy: 'CustomOriginConfig.OriginProtocolPolicy',
              originSslProtocols: 'CustomOriginConfig.OriginSSLProtocols',
              s3Origin: 'S3OriginConfig',
              originAccessIdentity: 'S3OriginConfig.OriginAccessIdentity',
              originAccessControlId: 'OriginAccessControlId',
            },
          },
        },
      },
    ],
  },
];
