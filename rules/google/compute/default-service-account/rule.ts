import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-GCP-COMPUTE-004',
  title: 'VM instance runs as the default Compute Engine service account',
  severity: 'medium',
  severityRationale:
    'The default service account has the Editor role on the project unless the organisation removed it.',
  category: 'iac',
  description:
    'The instance uses the PROJECT_NUMBER-compute@developer.gserviceaccount.com service account, which by default holds the Editor role on the whole project.',
  cwe: ['CWE-250'],
  benchmarks: [{ framework: 'CIS Google Cloud Platform Foundation', version: '2.0.0', control: '4.1' }],
  remediation:
    'Create a dedicated service account with only the roles the workload needs and attach it to the instance.',
  tags: ['gcp', 'compute'],
  formats: ['terraform'],
  resources: 'google.compute.instances',
  when: { attribute: 'serviceAccountEmail', matches: '-compute@developer\\.gserviceaccount\\.com$' },
  message: 'Instance {address} runs as the default Compute Engine service account.',
});
