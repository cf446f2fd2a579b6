import { reportIssues } from '../../../../scanners/pipeline/checks/common.js';
import { privilegedOptions } from '../../../../scanners/pipeline/checks/shared.js';
import { defineRule } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-AZP-009',
  title: 'Container job or resource runs privileged',
  severity: 'high',
  severityRationale: 'A privileged container controls the agent host.',
  category: 'pipeline',
  description: 'A container resource or job container sets `options: --privileged`.',
  cwe: ['CWE-250'],
  remediation: 'Remove `--privileged` and add only the capabilities the tool needs.',
  tags: ['pipeline', 'azure-pipelines', 'runner', 'confidence-high'],
  formats: ['azure-pipelines'],
  check({ model, report }) {
    reportIssues(report, privilegedOptions(model, 'azure'));
  },
});
