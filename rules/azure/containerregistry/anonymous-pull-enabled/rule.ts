import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-CONTAINERREGISTRY-003',
  title: 'Container registry allows anonymous pulls',
  severity: 'high',
  severityRationale: 'Anyone on the internet can download every image in the registry without credentials.',
  category: 'iac',
  description: 'Anonymous (unauthenticated) pull access is enabled on the registry.',
  cwe: ['CWE-306'],
  benchmarks: [
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'IM-1',
    },
  ],
  remediation:
    'Set anonymous_pull_enabled = false (Terraform) or anonymousPullEnabled: false (ARM), unless the registry is meant to be public.',
  tags: ['azure', 'containerregistry', 'containers', 'public-access'],
  formats: ['terraform', 'arm'],
  resources: 'azure.containerregistry.registries',
  when: {
    attribute: 'anonymousPull',
    equals: true,
  },
  message: 'Container registry {address} allows anonymous pulls.',
});
