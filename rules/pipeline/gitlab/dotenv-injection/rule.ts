import { reportIssues } from '../../../../scanners/pipeline/checks/common.js';
import { gitlabInjections } from '../../../../scanners/pipeline/checks/gitlab.js';
import { defineRule } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-GITLAB-003',
  title: 'Merge request or commit text written to a dotenv report',
  severity: 'high',
  severityRationale: 'A newline in the value defines any variable for every job that needs this one.',
  category: 'pipeline',
  description:
    "A script writes an outsider-controlled variable to a file declared as `artifacts:reports:dotenv`. GitLab turns each line of that file into a variable of the later jobs, so a multi-line commit message defines variables of its author's choosing.",
  cwe: ['CWE-74'],
  remediation:
    'Do not write outsider text to dotenv reports; validate it against a strict pattern first, or pass it as a regular artifact file.',
  tags: ['pipeline', 'gitlab-ci', 'injection', 'confidence-high'],
  formats: ['gitlab-ci'],
  check({ model, report }) {
    reportIssues(report, gitlabInjections(model).dotenv);
  },
});
