import { checkedRepositories } from '../../../../scanners/posture/checks.js';
import { defineRule, isKnownValue } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-GHP-008',
  title: 'Dependabot alerts are disabled',
  severity: 'medium',
  severityRationale:
    'Known vulnerabilities in dependencies stay unreported; medium because the exposure depends on what the dependencies are and how they are used.',
  category: 'posture',
  description:
    'Dependabot alerts (vulnerability alerts for the dependency graph) are disabled for the repository.',
  cwe: ['CWE-1395'],
  remediation: 'Enable Dependabot alerts in Settings > Code security (and the dependency graph they need).',
  tags: ['github', 'dependencies', 'posture'],
  formats: ['github-repository-settings'],
  check({ model, report }) {
    for (const repository of checkedRepositories(model)) {
      if (isKnownValue(repository.dependabotAlerts, false))
        report({
          resource: repository,
          attr: repository.dependabotAlerts,
          message: `Dependabot alerts are disabled for ${repository.address}: vulnerable dependencies are not reported.`,
        });
    }
  },
});
