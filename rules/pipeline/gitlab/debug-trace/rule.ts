import { reportIssues } from '../../../../scanners/pipeline/checks/common.js';
import { debugTrace } from '../../../../scanners/pipeline/checks/gitlab.js';
import { defineRule } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-GITLAB-012',
  title: 'CI_DEBUG_TRACE prints every variable, secrets included, to the log',
  severity: 'high',
  severityRationale: 'Debug tracing writes masked and protected variables in clear text to the job log.',
  category: 'pipeline',
  description: 'The pipeline sets `CI_DEBUG_TRACE` or `CI_DEBUG_SERVICES` to true in its variables.',
  cwe: ['CWE-532'],
  remediation:
    'Remove the variable from the file; enable debug tracing only for a single manual run, on a pipeline without secrets.',
  tags: ['pipeline', 'gitlab-ci', 'credential-exposure', 'confidence-high'],
  formats: ['gitlab-ci'],
  check({ model, report }) {
    reportIssues(report, debugTrace(model));
  },
});
