import { reportIssues } from '../../../../scanners/pipeline/checks/common.js';
import { unsecureCommands } from '../../../../scanners/pipeline/checks/github.js';
import { defineRule } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-GHA-018',
  title: 'ACTIONS_ALLOW_UNSECURE_COMMANDS re-enables set-env and add-path',
  severity: 'high',
  severityRationale:
    'Anything printed to the log can then set environment variables or PATH for later steps.',
  category: 'pipeline',
  description:
    'The workflow sets `ACTIONS_ALLOW_UNSECURE_COMMANDS: true`, which turns the deprecated `::set-env` and `::add-path` log commands back on.',
  cwe: ['CWE-77', 'CWE-74'],
  remediation: 'Remove the variable and write to `$GITHUB_ENV` / `$GITHUB_PATH` instead.',
  tags: ['pipeline', 'github-actions', 'runner', 'confidence-high'],
  formats: ['github-workflow'],
  check({ model, report }) {
    reportIssues(report, unsecureCommands(model));
  },
});
