import { describe, expect, it } from 'vitest';
import { renderText } from '../../scanners/reporters/text.js';
import { buildFinding, buildScanResult, sampleScanResult } from '../helpers/scan-result.js';

// ESC followed by '[': the start of every ANSI colour sequence.
const ANSI = '\u001b[';

function blockOf(output: string, file: string): string {
  const lines = output.split('\n');
  const start = lines.indexOf(file);
  expect(start, `no header line for ${file}`).toBeGreaterThanOrEqual(0);
  const end = lines.indexOf('', start);
  return lines.slice(start, end).join('\n');
}

describe('text reporter', () => {
  it('has no ANSI codes when color is false, and has them when true', () => {
    const result = sampleScanResult();
    expect(renderText(result, { color: false })).not.toContain(ANSI);
    expect(renderText(result)).not.toContain(ANSI);
    expect(renderText(result, { color: true })).toContain(ANSI);
  });

  it('groups findings under their file, with severity, rule, title, message and file:line:col', () => {
    const output = renderText(sampleScanResult());
    const mainTf = blockOf(output, 'infra/main.tf');
    expect(mainTf).toContain('CRITICAL');
    expect(mainTf).toContain('PAL-AWS-S3-002');
    expect(mainTf).toContain('S3 bucket is publicly readable');
    expect(mainTf).toContain('Bucket "logs" grants READ to AllUsers.');
    expect(mainTf).toContain('infra/main.tf:12:3');
    expect(mainTf).toContain('resource aws_s3_bucket.logs');
    expect(mainTf).toContain('module.storage');
    // Reading order inside a file: line 10 before line 12.
    expect(mainTf.indexOf('PAL-AWS-S3-001')).toBeLessThan(mainTf.indexOf('PAL-AWS-S3-002'));
    // Other files' findings are not in this block.
    expect(mainTf).not.toContain('PAL-K8S-001');
  });

  it('prints the snippet with line numbers, and can leave it out', () => {
    const result = sampleScanResult();
    const block = blockOf(renderText(result), 'infra/main.tf');
    expect(block).toMatch(/10 │ resource "aws_s3_bucket" "logs" \{/);
    expect(block).toMatch(/11 │ {3}bucket = "logs"/);
    expect(block).toContain('12 │   acl    = "public-read"');
    expect(renderText(result, { snippet: false })).not.toContain('acl    = "public-read"');
  });

  it('shows a secret only as its preview and an ellipsis', () => {
    const block = blockOf(renderText(sampleScanResult()), 'config/settings.py');
    expect(block).toContain('secret AKIA…');
  });

  it('hides suppressed findings unless verbose, where they are marked', () => {
    const result = sampleScanResult();
    const normal = renderText(result);
    expect(normal).not.toContain('PAL-DOCKER-001');
    const verbose = renderText(result, { verbose: true });
    const dockerfile = blockOf(verbose, 'Dockerfile');
    expect(dockerfile).toContain('PAL-DOCKER-001');
    expect(dockerfile).toContain('[suppressed (inline): Dev image only; rebuilt nightly.]');
  });

  it('lists per-file errors and notes under their file, with the hint', () => {
    const output = renderText(sampleScanResult());
    const broken = blockOf(output, 'k8s/broken.yaml');
    expect(broken).toContain('ERROR');
    expect(broken).toContain('parse-failed');
    expect(broken).toContain('line 3: could not parse YAML');
    expect(broken).toContain('hint: Fix the YAML syntax');
    expect(blockOf(output, 'assets/logo.png')).toContain('binary file skipped');
  });

  it('ends with a summary: counts by severity, suppressed, baseline-hidden, files and duration', () => {
    const lines = renderText(sampleScanResult()).trimEnd().split('\n');
    const summary = lines.at(-2)!;
    expect(summary).toContain('5 findings (1 critical, 3 high, 1 medium, 0 low, 0 info)');
    expect(summary).toContain('2 suppressed');
    expect(summary).toContain('2 hidden by baseline');
    expect(summary).toContain('12 files scanned in 1.33 s');
    expect(summary).toContain('1 scan error');
    expect(lines.at(-1)).toBe('Result: failed (fail on high or above)');
  });

  it('says so when there is nothing to report', () => {
    const output = renderText(buildScanResult([], { failOn: 'none' }));
    expect(output).toContain('No findings.');
    expect(output).toContain('0 findings (0 critical, 0 high, 0 medium, 0 low, 0 info)');
    expect(output).not.toContain('Result:');
  });

  it('makes terminal escape sequences and bidi overrides from scanned files visible', () => {
    const finding = buildFinding({
      message: 'evil \u001b[2J\u001b]0;title\u0007 and \u202Ereversed',
      snippet: 'x = "\u001b[31mred"',
    });
    const output = renderText(buildScanResult([finding]), { color: false });
    expect(output).not.toContain('\u001b');
    expect(output).not.toContain('\u202E');
    expect(output).toContain('<U+001B>[2J');
    expect(output).toContain('<U+202E>reversed');
  });
});
