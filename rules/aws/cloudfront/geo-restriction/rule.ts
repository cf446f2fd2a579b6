import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-CLOUDFRONT-007',
  title: 'CloudFront distribution has no geographic restriction',
  severity: 'low',
  severityRationale:
    'Serving every country is often intended; restricting only narrows where abuse can come from.',
  category: 'iac',
  description:
    'A CloudFront distribution sets its geo restriction type to none, so content is served in every country.',
  cwe: ['CWE-693'],
  remediation:
    'Set restrictions.geo_restriction.restriction_type (GeoRestriction.RestrictionType) to whitelist with the countries you serve, or blacklist those you must not.',
  tags: ['aws', 'cloudfront', 'geo-restriction'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.cloudfront.distributions',
  when: {
    attribute: 'geoRestrictionType',
    equals: 'none',
  },
  message: 'Distribution {address} serves content in every country.',
});
