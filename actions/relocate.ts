/** Paths in annotations, SARIF and comments must be relative to the repository, not to the scanned folder. */
import path from 'node:path';
import type { Finding, ScanResult } from '../scanners/core/types.js';

/**
 * The result with every file path made relative to `workspace` (the checkout), when the scanned root is a
 * folder inside it; otherwise the result as it is.
 */
export function relativeToWorkspace(result: ScanResult, workspace: string): ScanResult {
  const prefix = path.relative(path.resolve(workspace), result.root).split(path.sep).join('/');
  if (!prefix || prefix.startsWith('..') || path.isAbsolute(prefix)) return result;
  const move = (file: string) => (file ? `${prefix}/${file}` : prefix);
  const moveFinding = (finding: Finding): Finding => {
    const moved: Finding = {
      ...finding,
      location: { ...finding.location, file: move(finding.location.file) },
    };
    const where = finding.suppression?.location;
    if (finding.suppression && where)
      moved.suppression = { ...finding.suppression, location: { ...where, file: move(where.file) } };
    return moved;
  };
  return {
    ...result,
    root: path.resolve(workspace),
    findings: result.findings.map(moveFinding),
    errors: result.errors.map((error) => ({ ...error, file: move(error.file) })),
  };
}
