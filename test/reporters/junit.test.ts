import { describe, expect, it } from 'vitest';
import { ERRORS_SUITE, escapeAttribute, escapeText, renderJunit } from '../../scanners/reporters/junit.js';
import { buildFinding, buildScanResult, sampleScanResult, XSS_MESSAGE } from '../helpers/scan-result.js';
import { findAll, parseXml, type XmlElement } from '../helpers/xml.js';

function suiteNamed(root: XmlElement, prefix: string): XmlElement {
  const suite = findAll(root, 'testsuite').find((s) => s.attributes.name?.startsWith(prefix));
  expect(suite, `testsuite ${prefix}`).toBeDefined();
  return suite!;
}

describe('xml test parser', () => {
  it('rejects documents that are not well-formed (so the checks below can fail)', () => {
    expect(() => parseXml('<a><b></a>')).toThrow();
    expect(() => parseXml('<a>x < y</a>')).toThrow();
    expect(() => parseXml('<a>fish & chips</a>')).toThrow();
    expect(() => parseXml('<a b="1" b="2"/>')).toThrow();
    expect(() => parseXml('<a b="<"/>')).toThrow();
    expect(() => parseXml('<a>\u0001</a>')).toThrow();
    expect(() => parseXml('<a>&#1;</a>')).toThrow();
    expect(() => parseXml('<a/><b/>')).toThrow();
    expect(parseXml('<?xml version="1.0"?><a x="&lt;&#10;">t&amp;t<b/></a>')).toEqual({
      name: 'a',
      attributes: { x: '<\n' },
      children: [{ name: 'b', attributes: {}, children: [], text: '' }],
      text: 't&t',
    });
  });
});

describe('junit reporter', () => {
  it('is well-formed XML with one testsuite per rule and one for scan errors', () => {
    const result = sampleScanResult();
    const root = parseXml(renderJunit(result));
    expect(root.name).toBe('testsuites');
    const suites = findAll(root, 'testsuite');
    expect(suites.map((s) => s.attributes.name?.split(':')[0]).sort()).toEqual(
      [...result.rules.map((r) => r.id), ERRORS_SUITE].sort(),
    );
  });

  it('counts match the testcases: failures for active findings, skipped for suppressed, errors for scan errors', () => {
    const root = parseXml(renderJunit(sampleScanResult()));
    for (const suite of findAll(root, 'testsuite')) {
      const cases = findAll(suite, 'testcase');
      expect(Number(suite.attributes.tests)).toBe(cases.length);
      expect(Number(suite.attributes.failures)).toBe(findAll(suite, 'failure').length);
      expect(Number(suite.attributes.skipped)).toBe(findAll(suite, 'skipped').length);
      expect(Number(suite.attributes.errors)).toBe(findAll(suite, 'error').length);
    }
    expect(root.attributes).toMatchObject({
      tests: '9',
      failures: '5',
      errors: '1',
      skipped: '3',
      time: '1.333',
    });
  });

  it('writes a failure with message, severity and details for an active finding', () => {
    const root = parseXml(renderJunit(sampleScanResult()));
    const suite = suiteNamed(root, 'PAL-AWS-S3-002');
    expect(suite.attributes.name).toBe('PAL-AWS-S3-002: S3 bucket is publicly readable');
    const testcase = findAll(suite, 'testcase')[0]!;
    expect(testcase.attributes).toMatchObject({
      classname: 'PAL-AWS-S3-002',
      file: 'infra/main.tf',
      line: '12',
    });
    const failure = findAll(testcase, 'failure')[0]!;
    expect(failure.attributes.type).toBe('critical');
    expect(failure.attributes.message).toContain('grants READ to AllUsers');
    expect(failure.text).toContain('Resource: aws_s3_bucket.logs');
    expect(failure.text).toContain('Remediation: Set `acl = "private"`');
  });

  it('skips suppressed findings with the justification, and errors go to palisade.errors', () => {
    const root = parseXml(renderJunit(sampleScanResult()));
    const skipped = findAll(suiteNamed(root, 'PAL-DOCKER-001'), 'skipped')[0]!;
    expect(skipped.attributes.message).toBe('suppressed (inline): Dev image only; rebuilt nightly.');
    const errors = suiteNamed(root, ERRORS_SUITE);
    const error = findAll(errors, 'error')[0]!;
    expect(error.attributes.type).toBe('parse-failed');
    expect(error.text).toContain('Hint: Fix the YAML syntax');
    expect(findAll(errors, 'skipped')[0]?.attributes.message).toBe('binary file skipped');
  });

  it('a rule that ran without findings is a passing testcase', () => {
    const finding = buildFinding({ ruleId: 'PAL-A' });
    const result = buildScanResult([finding]);
    result.rules.push({ ...result.rules[0]!, id: 'PAL-QUIET', title: 'Quiet rule' });
    const quiet = suiteNamed(parseXml(renderJunit(result)), 'PAL-QUIET');
    expect(quiet.attributes).toMatchObject({ tests: '1', failures: '0' });
    expect(findAll(quiet, 'testcase')[0]?.children).toEqual([]);
  });

  it('escapes markup and quotes, keeps unicode and line breaks, strips characters XML forbids', () => {
    const nasty = `${XSS_MESSAGE} 'single' "double" ]]> \u0000nul\u0008bs\u001b[0m \uD800lone\uFFFE end\nsecond line`;
    const finding = buildFinding({ message: nasty, title: 'T <&>' });
    const xml = renderJunit(buildScanResult([finding]));
    const root = parseXml(xml);
    const failure = findAll(root, 'failure')[0]!;
    const expected = `T <&>: ${XSS_MESSAGE} 'single' "double" ]]> nulbs[0m lone end\nsecond line`;
    expect(failure.attributes.message).toBe(expected);
    expect(failure.text.split('\n').slice(0, 2)).toEqual([
      `${XSS_MESSAGE} 'single' "double" ]]> nulbs[0m lone end`,
      'second line',
    ]);
    expect(xml).not.toContain('<script>');
    expect(xml).toContain('日本語');
  });

  it('escape helpers cover the five XML specials', () => {
    expect(escapeText(`<&>"'`)).toBe(`&lt;&amp;&gt;"'`);
    expect(escapeAttribute(`<&>"'\t\n\r`)).toBe('&lt;&amp;&gt;&quot;&apos;&#9;&#10;&#13;');
  });
});
