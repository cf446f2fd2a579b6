import { reportIssues } from '../../../../scanners/pipeline/checks/common.js';
import { poisonableReleaseCaches } from '../../../../scanners/pipeline/checks/github.js';
import { defineRule } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-GHA-023',
  title: 'Release workflow writes caches that untrusted triggers can poison',
  severity: 'high',
  severityRationale:
    'A cache entry written during an outsider-triggered run is restored by the release build, which then ships attacker code.',
  category: 'pipeline',
  description:
    'A workflow that releases or publishes (release or tag trigger, publish commands or actions, "release"/"publish" in its name) also runs on `pull_request_target`, `workflow_run` or `issue_comment`, and uses actions/cache or a setup-* action with caching. Those triggers run in the default branch\'s cache scope, so an outsider-influenced run can save a poisoned cache that the release restores.',
  cwe: ['CWE-349', 'CWE-829'],
  remediation:
    'Do not restore caches in release and publish workflows; keep untrusted triggers in separate workflows that do not cache, or use actions/cache/restore only.',
  tags: ['pipeline', 'github-actions', 'cache-poisoning', 'confidence-medium'],
  formats: ['github-workflow'],
  check({ model, report }) {
    reportIssues(report, poisonableReleaseCaches(model));
  },
});
