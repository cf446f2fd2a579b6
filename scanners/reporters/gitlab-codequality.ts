/** GitLab Code Quality report (`artifacts:reports:codequality`), a subset of the Code Climate issue format. */
import type { ScanResult, Severity } from '../core/types.js';
import { compareByLocation, scrubResult, uniqueKeys } from './shared.js';
import type { Reporter, ReportOptions } from './types.js';

export type CodeQualitySeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

/** Palisade severity → Code Quality severity, one step apart each. */
export const CODE_QUALITY_SEVERITY: Record<Severity, CodeQualitySeverity> = {
  critical: 'blocker',
  high: 'critical',
  medium: 'major',
  low: 'minor',
  info: 'info',
};

export interface CodeQualityIssue {
  type: 'issue';
  check_name: string;
  description: string;
  categories: string[];
  fingerprint: string;
  severity: CodeQualitySeverity;
  location: { path: string; lines: { begin: number; end: number } };
}

/**
 * Renders the active findings as Code Quality issues.
 * Suppressed findings are left out (the format has no suppression state), and fingerprints are made
 * unique because GitLab shows only the first issue of a fingerprint.
 */
export function renderGitlabCodeQuality(input: ScanResult, _options: ReportOptions = {}): string {
  const findings = scrubResult(input)
    .findings.filter((f) => !f.suppression)
    .sort(compareByLocation);
  const fingerprints = uniqueKeys(findings.map((f) => f.fingerprint));
  const issues: CodeQualityIssue[] = findings.map((finding, i) => ({
    type: 'issue',
    check_name: finding.ruleId,
    description: finding.resource ? `${finding.message} (${finding.resource})` : finding.message,
    categories: ['Security'],
    fingerprint: fingerprints[i]!,
    severity: CODE_QUALITY_SEVERITY[finding.severity],
    location: {
      path: finding.location.file,
      lines: {
        begin: Math.max(1, finding.location.startLine),
        end: Math.max(1, finding.location.startLine, finding.location.endLine),
      },
    },
  }));
  return `${JSON.stringify(issues, null, 2)}\n`;
}

export const gitlabCodeQualityReporter: Reporter = {
  id: 'gitlab-codequality',
  description: 'GitLab Code Quality report (Code Climate subset) for artifacts:reports:codequality',
  extension: '.json',
  defaultFileName: 'gl-code-quality-report.json',
  render: renderGitlabCodeQuality,
};
