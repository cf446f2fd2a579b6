import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-GCP-COMPUTE-005',
  title: 'VM instance gives the default service account full API access',
  severity: 'high',
  severityRationale: 'The instance holds an Editor-level token for every Google Cloud API of the project.',
  category: 'iac',
  description:
    'The instance runs as the default Compute Engine service account with the cloud-platform scope, so every API the Editor role allows is open to code on the instance.',
  cwe: ['CWE-250'],
  benchmarks: [{ framework: 'CIS Google Cloud Platform Foundation', version: '2.0.0', control: '4.2' }],
  remediation:
    'Use a dedicated, least-privilege service account; if you must keep the default one, restrict its scopes.',
  tags: ['gcp', 'compute'],
  formats: ['terraform'],
  resources: 'google.compute.instances',
  when: {
    all: [
      {
        any: [
          { attribute: 'serviceAccountScopes', contains: 'cloud-platform' },
          { attribute: 'serviceAccountScopes', contains: 'https://www.googleapis.com/auth/cloud-platform' },
        ],
      },
      { attribute: 'serviceAccountEmail', matches: '-compute@developer\\.gserviceaccount\\.com$' },
    ],
  },
  message: 'Instance {address} gives the default service account the cloud-platform scope.',
});
