import { describe, expect, it } from 'vitest';
import { isReportFormat, REPORT_FORMATS, render, reporters } from '../../scanners/reporters/index.js';
import { buildScanResult, sampleScanResult } from '../helpers/scan-result.js';

describe('reporter registry', () => {
  it('has one reporter per format, registered under its own id', () => {
    expect(Object.keys(reporters).sort()).toEqual([...REPORT_FORMATS].sort());
    for (const format of REPORT_FORMATS) {
      const reporter = reporters[format];
      expect(reporter.id).toBe(format);
      expect(reporter.description.length).toBeGreaterThan(10);
      expect(reporter.extension).toMatch(/^\.[a-z]+$/);
      expect(reporter.defaultFileName.endsWith(reporter.extension)).toBe(true);
    }
  });

  it('render() dispatches to the reporter of the format', () => {
    const result = sampleScanResult();
    for (const format of REPORT_FORMATS) {
      expect(render(format, result, { commitSha: 'abc123' })).toBe(
        reporters[format].render(result, { commitSha: 'abc123' }),
      );
    }
  });

  it('rejects an unknown format with the list of known ones', () => {
    expect(() => render('html' as never, sampleScanResult())).toThrow(/sarif/);
    expect(isReportFormat('sarif')).toBe(true);
    expect(isReportFormat('html')).toBe(false);
  });

  it('every format renders an empty scan, ending with a newline', () => {
    const empty = buildScanResult([]);
    for (const format of REPORT_FORMATS) {
      const output = render(format, empty);
      expect(output.length, format).toBeGreaterThan(0);
      expect(output.endsWith('\n'), format).toBe(true);
    }
  });

  it('is deterministic: the same result renders byte-identically twice', () => {
    for (const format of REPORT_FORMATS) {
      expect(render(format, sampleScanResult())).toBe(render(format, sampleScanResult()));
    }
  });
});
