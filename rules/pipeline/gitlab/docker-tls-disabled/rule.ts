import { reportIssues } from '../../../../scanners/pipeline/checks/common.js';
import { dockerWithoutTls } from '../../../../scanners/pipeline/checks/gitlab.js';
import { defineRule } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-GITLAB-007',
  title: 'Docker daemon reached without TLS',
  severity: 'medium',
  severityRationale: 'Without TLS, anything on the runner network can drive the privileged Docker daemon.',
  category: 'pipeline',
  description:
    'The pipeline sets `DOCKER_TLS_CERTDIR: ""` or `DOCKER_HOST: tcp://...:2375`, which talks to the dind daemon over plain, unauthenticated TCP.',
  cwe: ['CWE-319', 'CWE-306'],
  remediation: 'Keep TLS on: leave `DOCKER_TLS_CERTDIR: "/certs"` and use `DOCKER_HOST: tcp://docker:2376`.',
  tags: ['pipeline', 'gitlab-ci', 'runner', 'confidence-high'],
  formats: ['gitlab-ci'],
  check({ model, report }) {
    reportIssues(report, dockerWithoutTls(model));
  },
});
