import { checkedRepositories } from '../../../../scanners/posture/checks.js';
import { defineRule, isKnownValue } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-GHP-006',
  title: 'Secret scanning is disabled',
  severity: 'medium',
  severityRationale:
    'Leaked credentials in the repository go unnoticed until they are abused; medium because it is a detection control, not a direct exposure.',
  category: 'posture',
  description:
    'GitHub secret scanning is not enabled for the repository, so credentials committed to it raise no alert.',
  cwe: ['CWE-798'],
  remediation:
    'Enable secret scanning in Settings > Code security (free for public repositories; private ones need GitHub Secret Protection).',
  tags: ['github', 'secrets', 'posture'],
  formats: ['github-repository-settings'],
  check({ model, report }) {
    for (const repository of checkedRepositories(model)) {
      if (isKnownValue(repository.secretScanning, false))
        report({
          resource: repository,
          attr: repository.secretScanning,
          message: `Secret scanning is disabled for ${repository.address}: committed credentials raise no alert.`,
        });
    }
  },
});
