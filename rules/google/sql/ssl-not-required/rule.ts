import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-GCP-SQL-003',
  title: 'Cloud SQL instance accepts unencrypted connections',
  severity: 'high',
  severityRationale:
    'Credentials and data cross the network in clear text whenever a client does not ask for TLS.',
  category: 'iac',
  description:
    'Neither ssl_mode ENCRYPTED_ONLY / TRUSTED_CLIENT_CERTIFICATE_REQUIRED nor require_ssl is set, so unencrypted connections are accepted.',
  cwe: ['CWE-319'],
  benchmarks: [{ framework: 'CIS Google Cloud Platform Foundation', version: '2.0.0', control: '6.4' }],
  remediation:
    'Set ssl_mode = "ENCRYPTED_ONLY" (or TRUSTED_CLIENT_CERTIFICATE_REQUIRED) in ip_configuration.',
  tags: ['gcp', 'sql'],
  formats: ['terraform'],
  resources: 'google.sql.instances',
  when: {
    all: [
      { attribute: 'sslMode', 'not-in': ['ENCRYPTED_ONLY', 'TRUSTED_CLIENT_CERTIFICATE_REQUIRED'] },
      { attribute: 'requireSsl', equals: false },
    ],
  },
  message: 'Cloud SQL instance {address} accepts connections without TLS.',
});
