/** The report formats Palisade writes, by id. */
import type { ScanResult } from '../core/types.js';
import { gitlabCodeQualityReporter } from './gitlab-codequality.js';
import { gitlabSastReporter } from './gitlab-sast.js';
import { gitlabSecretDetectionReporter } from './gitlab-secret-detection.js';
import { jsonReporter } from './json.js';
import { junitReporter } from './junit.js';
import { markdownReporter } from './markdown.js';
import { sarifReporter } from './sarif.js';
import { textReporter } from './text.js';
import { REPORT_FORMATS, type Reporter, type ReportFormat, type ReportOptions } from './types.js';

export { REPORT_FORMATS, type Reporter, type ReportFormat, type ReportOptions } from './types.js';

export const reporters: Record<ReportFormat, Reporter> = {
  text: textReporter,
  json: jsonReporter,
  sarif: sarifReporter,
  'gitlab-sast': gitlabSastReporter,
  'gitlab-secret-detection': gitlabSecretDetectionReporter,
  'gitlab-codequality': gitlabCodeQualityReporter,
  junit: junitReporter,
  markdown: markdownReporter,
};

/** True when `value` names a report format. */
export function isReportFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value);
}

/** Renders `result` in `format`. */
export function render(format: ReportFormat, result: ScanResult, options: ReportOptions = {}): string {
  const reporter = reporters[format];
  if (!reporter)
    throw new Error(`Unknown report format "${format}"; expected one of ${REPORT_FORMATS.join(', ')}`);
  return reporter.render(result, options);
}
