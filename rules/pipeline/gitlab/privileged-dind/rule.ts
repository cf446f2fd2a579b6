import { reportIssues } from '../../../../scanners/pipeline/checks/common.js';
import { dindServices } from '../../../../scanners/pipeline/checks/gitlab.js';
import { defineRule } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-GITLAB-006',
  title: 'docker:dind service needs a privileged runner',
  severity: 'medium',
  severityRationale:
    'Docker-in-Docker only runs in privileged mode, which gives every job on that runner control of the host.',
  category: 'pipeline',
  description:
    'A job starts a `docker:dind` service. Docker-in-Docker needs the runner to run containers privileged, so any job that lands on that runner (including merge request pipelines) can take over the host.',
  cwe: ['CWE-250'],
  remediation:
    'Build images without a daemon (BuildKit rootless, kaniko, buildah) or use a rootless dind image on a dedicated runner.',
  tags: ['pipeline', 'gitlab-ci', 'runner', 'confidence-high'],
  formats: ['gitlab-ci'],
  check({ model, report }) {
    reportIssues(report, dindServices(model));
  },
});
