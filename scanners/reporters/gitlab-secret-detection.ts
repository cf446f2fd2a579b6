/** GitLab secret detection report (`artifacts:reports:secret_detection`): secret findings only. */
import type { ScanResult } from '../core/types.js';
import { buildGitlabReport } from './gitlab-common.js';
import type { Reporter, ReportOptions } from './types.js';

/** Renders a GitLab secret detection report, schema version 15.2.1; `options.commitSha` fills `location.commit`. */
export function renderGitlabSecretDetection(result: ScanResult, options: ReportOptions = {}): string {
  const report = buildGitlabReport(result, options, { type: 'secret_detection', categories: ['secret'] });
  return `${JSON.stringify(report, null, 2)}\n`;
}

export const gitlabSecretDetectionReporter: Reporter = {
  id: 'gitlab-secret-detection',
  description: 'GitLab secret detection report for artifacts:reports:secret_detection',
  extension: '.json',
  defaultFileName: 'gl-secret-detection-report.json',
  render: renderGitlabSecretDetection,
};
