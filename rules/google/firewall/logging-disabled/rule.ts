import { defineRule, field, isKnownValue, resources } from '../../../../scanners/rules/api.js';
import { internetAllows } from '../internet-exposure.js';

export default defineRule({
  id: 'PAL-GCP-FIREWALL-005',
  title: 'Firewall rule does not log connections',
  severity: 'low',
  severityRationale: 'Missing logs do not open anything, but they leave an investigation blind.',
  category: 'iac',
  description:
    'An internet-facing ingress firewall rule has no log_config, so the connections it allows or denies are not recorded.',
  cwe: ['CWE-778'],
  remediation:
    'Add log_config { metadata = "INCLUDE_ALL_METADATA" } (or EXCLUDE_ALL_METADATA to save cost) to internet-facing rules.',
  tags: ['gcp', 'firewall'],
  formats: ['terraform'],
  check({ model, report }) {
    for (const firewall of resources(model, 'google.compute.firewalls')) {
      if (!internetAllows(firewall).length) continue;
      const logging = field<boolean>(firewall, 'logging');
      if (isKnownValue(logging, false)) {
        report({
          resource: firewall,
          attr: logging,
          message: `Firewall ${firewall.address} does not log connections.`,
        });
      }
    }
  },
});
