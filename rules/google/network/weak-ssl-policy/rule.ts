import { defineRule, field, isKnown, resources } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-GCP-NETWORK-004',
  title: 'SSL policy allows TLS versions before 1.2 or weak cipher suites',
  severity: 'medium',
  severityRationale:
    'Old TLS versions and weak ciphers enable downgrade and decryption attacks on traffic in transit.',
  category: 'iac',
  description:
    'The SSL policy of an HTTPS or SSL proxy load balancer allows TLS 1.0 or 1.1, or uses the COMPATIBLE profile with its weak cipher suites.',
  cwe: ['CWE-326'],
  benchmarks: [{ framework: 'CIS Google Cloud Platform Foundation', version: '2.0.0', control: '3.9' }],
  remediation: 'Set min_tls_version = "TLS_1_2" and profile = "MODERN" or "RESTRICTED".',
  tags: ['gcp', 'network'],
  formats: ['terraform'],
  check({ model, report }) {
    for (const policy of resources(model, 'google.compute.sslPolicies')) {
      const version = field<string>(policy, 'minTlsVersion');
      const profile = field<string>(policy, 'profile');
      if (isKnown(version) && ['TLS_1_0', 'TLS_1_1'].includes(version.value)) {
        report({
          resource: policy,
          attr: version,
          message: `SSL policy ${policy.address} accepts ${version.value}.`,
        });
      } else if (isKnown(profile) && profile.value === 'COMPATIBLE') {
        report({
          resource: policy,
          attr: profile,
          message: `SSL policy ${policy.address} allows the COMPATIBLE cipher suites.`,
        });
      }
    }
  },
});
