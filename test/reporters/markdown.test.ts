import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_BYTES, escapeCell, renderMarkdown } from '../../scanners/reporters/markdown.js';
import {
  buildFinding,
  buildScanResult,
  generatedScanResult,
  sampleScanResult,
} from '../helpers/scan-result.js';

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

/** Splits a Markdown table row into cells, honouring backslash-escaped pipes. */
function cells(row: string): string[] {
  expect(row.startsWith('| ') && row.endsWith(' |'), row).toBe(true);
  const inner = row.slice(2, -2);
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i];
    if (ch === '\\') {
      current += ch + (inner[i + 1] ?? '');
      i += 1;
    } else if (inner.startsWith(' | ', i)) {
      parts.push(current);
      current = '';
      i += 2;
    } else current += ch;
  }
  parts.push(current);
  return parts;
}

/** The rows of the table that follows `header`, header and delimiter included. */
function tableAfter(markdown: string, header: string): string[] {
  const lines = markdown.split('\n');
  const start = lines.indexOf(header);
  expect(start, `table ${header}`).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex((line, i) => i > start && !line.startsWith('|'));
  return lines.slice(start, end < 0 ? undefined : end);
}

const FINDINGS_HEADER = '| Severity | Rule | Location | Message |';

describe('markdown reporter', () => {
  it('has a heading, the verdict, a severity table and the hidden counts', () => {
    const md = renderMarkdown(sampleScanResult());
    expect(md.split('\n')[0]).toBe('## Palisade scan: 5 findings');
    expect(md).toContain('**Result:** failed (fails on high or above)');
    const table = tableAfter(md, '| Severity | Findings |');
    expect(table.slice(2).map(cells)).toEqual([
      ['Critical', '1'],
      ['High', '3'],
      ['Medium', '1'],
      ['Low', '0'],
      ['Info', '0'],
    ]);
    expect(md).toContain('Suppressed: 2');
    expect(md).toContain('Hidden by baseline: 2');
  });

  it('lists active findings most severe first, with rule, severity, file#Lline and message', () => {
    const md = renderMarkdown(sampleScanResult());
    const rows = tableAfter(md, FINDINGS_HEADER).slice(2).map(cells);
    expect(rows.map((r) => r[0])).toEqual(['Critical', 'High', 'High', 'High', 'Medium']);
    expect(rows[0]).toEqual([
      'Critical',
      'PAL-AWS-S3-002',
      'infra/main.tf#L12',
      'Bucket "logs" grants READ to AllUsers.',
    ]);
    expect(rows.find((r) => r[1] === 'PAL-AWS-S3-001')?.[2]).toBe('infra/main.tf#L10-L14');
    expect(md).not.toContain('PAL-DOCKER-001');
  });

  it('escapes HTML, pipes, backticks and newlines in cells so the table keeps four columns', () => {
    const md = renderMarkdown(sampleScanResult());
    expect(md).not.toContain('<script>');
    const rows = tableAfter(md, FINDINGS_HEADER).slice(2);
    for (const row of rows) expect(cells(row)).toHaveLength(4);
    const k8s = cells(rows.find((r) => r.includes('PAL-K8S-001'))!);
    expect(k8s[2]).toBe('k8s/deploy ment ü.yaml#L21');
    expect(k8s[3]).toContain(
      '&lt;script&gt;alert("x")&lt;/script&gt; &amp; value a\\|b \\`tick\\` in ünïcødé 日本語 ✓',
    );
    expect(escapeCell('one\ntwo\r\nthree')).toBe('one<br>two<br>three');
    expect(escapeCell('ping @platform-team')).not.toContain('@platform');
  });

  it('puts remediation per rule in collapsible details', () => {
    const md = renderMarkdown(sampleScanResult());
    const details = md.split('<details>').slice(1);
    expect(details).toHaveLength(5);
    const s3 = details.find((d) =>
      d.includes('<summary>PAL-AWS-S3-002: S3 bucket is publicly readable</summary>'),
    );
    expect(s3).toContain('Set \\`acl = "private"\\` and enable the public access block.');
    expect(s3).toContain('[Documentation](https://palisade.dev/rules/PAL-AWS-S3-002)');
    expect(s3).toContain('</details>');
  });

  it('escapes rule titles as HTML inside <summary>, where Markdown escapes would show literally', () => {
    const finding = buildFinding({ ruleId: 'PAL-X', title: 'Uses <img src=x> & pull_request_target' });
    const md = renderMarkdown(buildScanResult([finding], { rules: [] }));
    expect(md).toContain('<summary>PAL-X: Uses &lt;img src=x&gt; &amp; pull_request_target</summary>');
  });

  it('lists scan errors', () => {
    const md = renderMarkdown(sampleScanResult());
    expect(md).toContain('### Scan errors (2)');
    expect(md).toContain('- Error: k8s/broken.yaml:3 (parse-failed): could not parse YAML');
  });

  it('says so when there is nothing to report', () => {
    const md = renderMarkdown(buildScanResult([]));
    expect(md).toContain('## Palisade scan: no findings');
    expect(md).toContain('No active findings.');
    expect(md).not.toContain(FINDINGS_HEADER);
  });

  it('stays under the default 60,000 bytes with many findings, with a valid table and the "more" line', () => {
    const result = generatedScanResult(3000);
    const md = renderMarkdown(result);
    expect(bytes(md)).toBeLessThanOrEqual(DEFAULT_MAX_BYTES);
    const rows = tableAfter(md, FINDINGS_HEADER);
    expect(rows[1]).toBe('| --- | --- | --- | --- |');
    for (const row of rows.slice(2)) expect(cells(row)).toHaveLength(4);
    const shown = rows.length - 2;
    expect(shown).toBeGreaterThan(10);
    const lastLine = md.trimEnd().split('\n').at(-1);
    expect(lastLine).toBe(`…and ${(3000 - shown).toLocaleString('en-US')} more findings not shown`);
    // Most severe first: the critical ones fill the table.
    expect(new Set(rows.slice(2).map((r) => cells(r)[0]))).toEqual(new Set(['Critical']));
  });

  it('respects a small maxBytes, filling it as far as it can', () => {
    const result = generatedScanResult(200);
    for (const maxBytes of [2500, 4000, 9000]) {
      const md = renderMarkdown(result, { maxBytes });
      expect(bytes(md), String(maxBytes)).toBeLessThanOrEqual(maxBytes);
      expect(bytes(md), String(maxBytes)).toBeGreaterThan(maxBytes - 700);
      expect(md).toMatch(/…and \d+ more findings not shown\n$/);
    }
  });

  it('counts bytes, not characters, for multi-byte text', () => {
    const findings = Array.from({ length: 300 }, (_, i) =>
      buildFinding({
        message: `日本語のメッセージ ${i} `.repeat(5),
        fingerprint: `fp${i}`,
        severity: 'high',
      }),
    );
    const md = renderMarkdown(buildScanResult(findings), { maxBytes: 8000 });
    expect(bytes(md)).toBeLessThanOrEqual(8000);
  });

  it('maxFindings caps the rows on top of the byte limit', () => {
    const md = renderMarkdown(sampleScanResult(), { maxFindings: 2 });
    expect(tableAfter(md, FINDINGS_HEADER)).toHaveLength(4);
    expect(md.trimEnd().split('\n').at(-1)).toBe('…and 3 more findings not shown');
  });

  it('shows everything without a "more" line when it fits', () => {
    expect(renderMarkdown(sampleScanResult())).not.toContain('more findings not shown');
  });
});
