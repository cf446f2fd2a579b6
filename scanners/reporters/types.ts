import type { ScanResult } from '../core/types.js';

export const REPORT_FORMATS = [
  'text',
  'json',
  'sarif',
  'gitlab-sast',
  'gitlab-secret-detection',
  'gitlab-codequality',
  'junit',
  'markdown',
] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportOptions {
  /** Text: emit ANSI colours. Default false (the CLI decides from the terminal). */
  color?: boolean;
  /** Markdown: cap on the UTF-8 size of the output. Default 60,000 bytes. */
  maxBytes?: number;
  /** Markdown: cap on the number of finding rows, on top of `maxBytes`. Default: no cap. */
  maxFindings?: number;
  /** GitLab secret detection: the commit the scan ran on. Default forty zeros. */
  commitSha?: string;
  /** SARIF: the analysis category (`automationDetails.id` prefix). Default `palisade`. */
  automationId?: string;
  /** Text: also list suppressed findings. */
  verbose?: boolean;
  /** Text: print the source snippet under each finding. Default true. */
  snippet?: boolean;
}

export interface Reporter {
  id: ReportFormat;
  description: string;
  /** File extension with its leading dot, for example `.sarif`. */
  extension: string;
  /** The file name the consuming system expects by convention, for example `gl-sast-report.json`. */
  defaultFileName: string;
  render(result: ScanResult, options?: ReportOptions): string;
}
