import type { ScanError, ScanErrorCode } from './types.js';

/** An error that carries a per-file ScanError code; thrown by parsers and caught by the engine. */
export class FileError extends Error {
  constructor(
    readonly code: ScanErrorCode,
    message: string,
    readonly line?: number,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'FileError';
  }

  /** The ScanError value for the report. */
  toScanError(file: string, level: ScanError['level'] = 'error'): ScanError {
    return { code: this.code, level, file, message: this.message, hint: this.hint, line: this.line };
  }
}

/** A configuration or usage error: the CLI exits with status 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly file?: string,
    readonly line?: number,
  ) {
    super(file ? `${file}${line ? `:${line}` : ''}: ${message}` : message);
    this.name = 'UsageError';
  }
}
