/** GitLab SAST report (`artifacts:reports:sast`): IaC, pipeline and posture findings. */
import type { ScanResult } from '../core/types.js';
import { buildGitlabReport } from './gitlab-common.js';
import type { Reporter, ReportOptions } from './types.js';

/** Categories that belong in the SAST report; secrets go to the secret detection report. */
export const SAST_CATEGORIES = ['iac', 'pipeline', 'posture'] as const;

/** Renders a GitLab SAST report, schema version 15.2.1. */
export function renderGitlabSast(result: ScanResult, options: ReportOptions = {}): string {
  const report = buildGitlabReport(result, options, { type: 'sast', categories: SAST_CATEGORIES });
  return `${JSON.stringify(report, null, 2)}\n`;
}

export const gitlabSastReporter: Reporter = {
  id: 'gitlab-sast',
  description: 'GitLab SAST report (IaC, pipeline and posture findings) for artifacts:reports:sast',
  extension: '.json',
  defaultFileName: 'gl-sast-report.json',
  render: renderGitlabSast,
};
