// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${{ }} here is GitHub and Azure expression syntax, not a template.
import { reportIssues } from '../../../../scanners/pipeline/checks/common.js';
import { untrustedArtifactDownloads } from '../../../../scanners/pipeline/checks/github.js';
import { defineRule } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-GHA-006',
  title: 'Privileged workflow downloads artifacts of an untrusted run into the workspace',
  severity: 'high',
  severityRationale:
    'Artifacts of a fork run can overwrite scripts or configuration that the privileged job then uses.',
  category: 'pipeline',
  description:
    'A `workflow_run` or `pull_request_target` workflow downloads artifacts produced by another run (actions/download-artifact with `run-id`, dawidd6/action-download-artifact, `gh run download`, github-script `downloadArtifact`) into the workspace. That run may have built fork code, so the artifact content is attacker-controlled.',
  cwe: ['CWE-829', 'CWE-494'],
  remediation:
    'Download artifacts into `${{ runner.temp }}`, never over the checkout, and treat their content as untrusted data: validate it and never execute it.',
  tags: ['pipeline', 'github-actions', 'dangerous-trigger', 'confidence-medium'],
  formats: ['github-workflow'],
  check({ model, report }) {
    reportIssues(report, untrustedArtifactDownloads(model));
  },
});
