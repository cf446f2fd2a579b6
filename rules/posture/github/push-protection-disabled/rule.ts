import { checkedRepositories } from '../../../../scanners/posture/checks.js';
import { defineRule, isKnownValue } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-GHP-007',
  title: 'Secret scanning push protection is disabled',
  severity: 'low',
  severityRationale:
    'Secret scanning still alerts after the fact, so the credential is found, but it has already been pushed and must be rotated; low because detection is in place.',
  category: 'posture',
  description:
    'Secret scanning is not known to be off, but push protection is disabled, so pushes containing supported credentials are not blocked.',
  cwe: ['CWE-798'],
  remediation: 'Enable push protection in Settings > Code security, next to secret scanning.',
  tags: ['github', 'secrets', 'posture'],
  formats: ['github-repository-settings'],
  check({ model, report }) {
    for (const repository of checkedRepositories(model)) {
      if (
        isKnownValue(repository.secretScanningPushProtection, false) &&
        !isKnownValue(repository.secretScanning, false)
      )
        report({
          resource: repository,
          attr: repository.secretScanningPushProtection,
          message: `Secret scanning push protection is disabled for ${repository.address}: a push with a credential in it is accepted.`,
        });
    }
  },
});
