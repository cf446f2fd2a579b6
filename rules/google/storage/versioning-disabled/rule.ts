import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-GCP-STORAGE-005',
  title: 'Cloud Storage bucket versioning is not enabled',
  severity: 'low',
  severityRationale:
    'Without versioning an overwrite or delete is final, but exploiting that needs another fault.',
  category: 'iac',
  description:
    'The bucket keeps only the live version of each object, so an accidental or malicious overwrite or delete cannot be undone.',
  cwe: ['CWE-693'],
  remediation: 'Add a versioning block with enabled = true, and a lifecycle rule that expires old versions.',
  tags: ['gcp', 'storage'],
  formats: ['terraform'],
  resources: 'google.storage.buckets',
  when: { attribute: 'versioning.enabled', equals: false },
  message: 'Bucket {address} does not keep object versions.',
});
