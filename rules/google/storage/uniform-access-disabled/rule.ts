import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-GCP-STORAGE-001',
  title: 'Cloud Storage bucket does not use uniform bucket-level access',
  severity: 'medium',
  severityRationale:
    'Object ACLs let single objects be shared publicly without anyone reviewing the bucket IAM policy.',
  category: 'iac',
  description:
    'The bucket allows per-object ACLs next to IAM. Access is then decided object by object, which is hard to audit and easy to open up by mistake.',
  cwe: ['CWE-732'],
  benchmarks: [{ framework: 'CIS Google Cloud Platform Foundation', version: '2.0.0', control: '5.2' }],
  remediation: 'Set uniform_bucket_level_access = true so IAM alone decides access to every object.',
  tags: ['gcp', 'storage'],
  formats: ['terraform'],
  resources: 'google.storage.buckets',
  when: { attribute: 'uniformBucketLevelAccess', equals: false },
  message: 'Bucket {address} allows object ACLs; enable uniform bucket-level access.',
});
