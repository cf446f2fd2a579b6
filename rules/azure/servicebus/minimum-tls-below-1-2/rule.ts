import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-SERVICEBUS-001',
  title: 'Service Bus namespace accepts TLS versions older than 1.2',
  severity: 'medium',
  severityRationale: 'Old TLS versions have known weaknesses; exploiting them needs a network position.',
  category: 'iac',
  description: "The Service Bus namespace's minimum TLS version is 1.0 or 1.1.",
  cwe: ['CWE-326'],
  benchmarks: [
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'DP-3',
    },
  ],
  remediation: 'Set minimum_tls_version = "1.2" (Terraform) or minimumTlsVersion: "1.2" (ARM).',
  tags: ['azure', 'servicebus', 'tls', 'encryption-in-transit', 'messaging'],
  formats: ['terraform', 'arm'],
  resources: 'azure.servicebus.namespaces',
  when: {
    attribute: 'minTlsVersion',
    in: ['1.0', '1.1'],
  },
  message: 'Service Bus namespace {address} accepts TLS versions older than 1.2.',
});
