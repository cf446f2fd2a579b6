import { defineRule, field, isKnown, resources } from '../../../../scanners/rules/api.js';

const PUBLIC_PREDEFINED = new Set(['publicRead', 'publicReadWrite', 'authenticatedRead']);
const PUBLIC_ENTITY = /:(allUsers|allAuthenticatedUsers)$/i;

export default defineRule({
  id: 'PAL-GCP-STORAGE-003',
  title: 'Cloud Storage bucket ACL makes it public',
  severity: 'high',
  severityRationale: 'A public ACL exposes the bucket to the internet as surely as a public IAM grant.',
  category: 'iac',
  description:
    'A bucket ACL uses a public predefined ACL (publicRead, publicReadWrite, authenticatedRead) or grants a role to AllUsers or AllAuthenticatedUsers.',
  cwe: ['CWE-284'],
  benchmarks: [{ framework: 'CIS Google Cloud Platform Foundation', version: '2.0.0', control: '5.1' }],
  remediation:
    'Remove public ACL entries; prefer uniform bucket-level access with IAM grants to named principals.',
  tags: ['gcp', 'storage', 'internet-exposed'],
  formats: ['terraform'],
  check({ model, report }) {
    for (const bucket of resources(model, 'google.storage.buckets')) {
      for (const acl of (bucket.acls as (typeof bucket)[]) ?? []) {
        const predefined = field<string>(acl, 'predefinedAcl');
        if (isKnown(predefined) && PUBLIC_PREDEFINED.has(predefined.value)) {
          report({
            resource: acl,
            attr: predefined,
            message: `Bucket ${bucket.address} uses the public ACL ${predefined.value}.`,
          });
        }
        const entities = field<unknown[]>(acl, 'roleEntities');
        if (isKnown(entities) && entities.value.some((e) => typeof e === 'string' && PUBLIC_ENTITY.test(e))) {
          report({
            resource: acl,
            attr: entities,
            message: `Bucket ${bucket.address} grants an ACL role to everyone.`,
          });
        }
      }
    }
  },
});
