import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-GCP-STORAGE-004',
  title: 'Cloud Storage bucket does not enforce public access prevention',
  severity: 'low',
  severityRationale:
    'A defence in depth: it only matters once someone adds a public grant, but then it blocks it.',
  category: 'iac',
  description:
    'The bucket leaves public access prevention at "inherited", so a later IAM grant or ACL to allUsers would make it public.',
  cwe: ['CWE-284'],
  remediation:
    'Set public_access_prevention = "enforced" on buckets that must never be public (or enforce it with the organisation policy storage.publicAccessPrevention).',
  tags: ['gcp', 'storage'],
  formats: ['terraform'],
  resources: 'google.storage.buckets',
  when: { attribute: 'publicAccessPrevention', 'not-equals': 'enforced' },
  message: 'Bucket {address} does not enforce public access prevention.',
});
