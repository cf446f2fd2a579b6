import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-GCP-STORAGE-006',
  title: 'Cloud Storage bucket has no usage logging',
  severity: 'low',
  severityRationale: 'Missing logs do not expose data, but they leave an investigation blind.',
  category: 'iac',
  description: 'The bucket has no logging block, so access to its objects is not recorded in a log bucket.',
  cwe: ['CWE-778'],
  remediation:
    'Add a logging block that names a log bucket (or rely on Data Access audit logs for the project).',
  tags: ['gcp', 'storage'],
  formats: ['terraform'],
  resources: 'google.storage.buckets',
  when: { attribute: 'logging', equals: false },
  message: 'Bucket {address} does not record usage logs.',
});
