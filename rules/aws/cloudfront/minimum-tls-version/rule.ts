import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-CLOUDFRONT-002',
  title: 'CloudFront distribution accepts viewer connections older than TLS 1.2',
  severity: 'medium',
  severityRationale:
    'SSLv3, TLS 1.0 and 1.1 have known weaknesses; exploiting them needs a network position and effort.',
  category: 'iac',
  description:
    'A CloudFront distribution with its own certificate sets a minimum viewer protocol version below TLS 1.2 (or leaves the default, TLSv1).',
  cwe: ['CWE-327'],
  remediation:
    'Set viewer_certificate.minimum_protocol_version (ViewerCertificate.MinimumProtocolVersion) to TLSv1.2_2021 or newer.',
  tags: ['aws', 'cloudfront', 'tls', 'encryption-in-transit'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.cloudfront.distributions',
  when: {
    all: [
      {
        attribute: 'minimumProtocolVersion',
        in: ['SSLv3', 'TLSv1', 'TLSv1_2016', 'TLSv1.1_2016'],
      },
      {
        attribute: 'viewerCertificateConfigured',
        equals: true,
      },
      {
        attribute: 'defaultCertificate',
        equals: false,
      },
    ],
  },
  message: 'Distribution {address} accepts TLS versions older than 1.2.',
});
