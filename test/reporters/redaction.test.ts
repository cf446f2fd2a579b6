import { describe, expect, it } from 'vitest';
import { REPORT_FORMATS, render } from '../../scanners/reporters/index.js';
import { PLANTED_SECRET, PLANTED_SECRET_SHA256, sampleScanResult } from '../helpers/scan-result.js';

const OPTIONS = { color: true, verbose: true, commitSha: 'a'.repeat(40) };

describe('secret redaction', () => {
  it('no format contains the planted secret, while finding data that is in the finding does appear', () => {
    const result = sampleScanResult();
    const secretFinding = result.findings.find((f) => f.secret)!;
    for (const format of REPORT_FORMATS) {
      const output = render(format, result, OPTIONS);
      expect(output, format).not.toContain(PLANTED_SECRET);
      // Guards against a vacuous pass: the secret finding itself is in the output...
      if (format !== 'gitlab-sast') expect(output, format).toContain(secretFinding.location.file);
    }
    // ...and the text report shows its preview, never more.
    expect(render('text', result, OPTIONS)).toContain('AKIA…');
  });

  it('masks a raw secret that reached a finding by mistake, found by its SHA-256', () => {
    const result = sampleScanResult();
    const secretFinding = result.findings.find((f) => f.secret)!;
    // Simulate an engine bug: the unmasked value in the snippet and message.
    secretFinding.snippet = `AWS_ACCESS_KEY_ID = "${PLANTED_SECRET}"`;
    secretFinding.message = `Found key ${PLANTED_SECRET} in settings`;
    expect(secretFinding.secret?.sha256).toBe(PLANTED_SECRET_SHA256);
    for (const format of REPORT_FORMATS) {
      const output = render(format, result, OPTIONS);
      expect(output, format).not.toContain(PLANTED_SECRET);
      expect(output, format).not.toContain('IOSFODNN7EXAMPLE');
    }
    expect(render('text', result, OPTIONS)).toContain('AWS_ACCESS_KEY_ID = "AKIA…"');
  });

  it('shows at most four characters of a preview even if the engine passes more', () => {
    const result = sampleScanResult();
    const secretFinding = result.findings.find((f) => f.secret)!;
    secretFinding.secret = { sha256: PLANTED_SECRET_SHA256, preview: 'AKIAIOSF' };
    const text = render('text', result);
    expect(text).toContain('AKIA…');
    expect(text).not.toContain('AKIAI');
  });
});
