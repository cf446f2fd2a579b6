import { defineRule, field, isKnown, resources } from '../../../../scanners/rules/api.js';

const PROJECT_LEVEL = new Set([
  'google_project_iam_member',
  'google_project_iam_binding',
  'google_folder_iam_member',
  'google_folder_iam_binding',
  'google_organization_iam_member',
  'google_organization_iam_binding',
]);
const ADMIN_ROLE = /^roles\/(owner|editor|.*[aA]dmin)$/;

export default defineRule({
  id: 'PAL-GCP-IAM-004',
  title: 'Service account holds an administrative role on the project',
  severity: 'high',
  severityRationale:
    'Service account keys and tokens leak from CI systems and workloads; an admin role turns such a leak into a takeover.',
  category: 'iac',
  description: 'A project-level grant gives a service account Owner, Editor or an *Admin role.',
  cwe: ['CWE-250'],
  benchmarks: [{ framework: 'CIS Google Cloud Platform Foundation', version: '2.0.0', control: '1.5' }],
  remediation:
    'Give service accounts narrowly scoped roles; reserve administrative roles for break-glass human accounts.',
  tags: ['gcp', 'iam', 'admin-privilege'],
  formats: ['terraform'],
  check({ model, report }) {
    for (const grant of resources(model, 'google.iam.grants')) {
      if (!PROJECT_LEVEL.has(grant.sourceType)) continue;
      const role = field<string>(grant, 'role');
      const members = field<unknown[]>(grant, 'members');
      if (!isKnown(role) || !ADMIN_ROLE.test(role.value) || !isKnown(members)) continue;
      if (!members.value.some((m) => typeof m === 'string' && m.startsWith('serviceAccount:'))) continue;
      report({
        resource: grant,
        attr: role,
        message: `${grant.address} gives a service account the role ${role.value}.`,
      });
    }
  },
});
