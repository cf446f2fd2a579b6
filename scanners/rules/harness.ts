import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { defaultConfig } from '../config/config.js';
import type { Finding, ScanError } from '../core/types.js';
import { scan } from '../engine/scan.js';
import type { Rule } from './types.js';

export interface RuleTestReport {
  ruleId: string;
  ok: boolean;
  problems: string[];
  /** Fixture files run, per format folder. */
  fixtures: number;
}

export interface HarnessOptions {
  /** Built-in rules must document themselves; custom rules may. */
  requireReadme?: boolean;
}

interface Expected {
  file: string;
  line: number;
}

/**
 * Runs one rule's pass and fail fixtures through the real scan pipeline. Fail fixtures must give exactly
 * the expected (file, line) findings; pass fixtures must give none. A Terraform fixture may be a folder
 * (a module with its own variables and child modules), named in expected.json by its inner path. Needs README.md and, for every declared
 * format, a fixtures/<format>/ folder with pass-* and fail-* files and expected.json.
 */
export async function testRuleFolder(rule: Rule, options: HarnessOptions = {}): Promise<RuleTestReport> {
  const problems: string[] = [];
  let fixtures = 0;
  if (!rule.dir)
    return { ruleId: rule.id, ok: false, problems: ['rule has no folder to hold fixtures'], fixtures };
  if (options.requireReadme && !existsSync(path.join(rule.dir, 'README.md')))
    problems.push('README.md is missing');
  for (const format of rule.formats) {
    const folder = path.join(rule.dir, 'fixtures', format === '*' ? 'text' : format);
    if (!existsSync(folder)) {
      problems.push(`fixtures/${path.basename(folder)}/ is missing`);
      continue;
    }
    const files = readdirSync(folder).sort();
    const passFiles = files.filter((f) => f.startsWith('pass-'));
    const failFiles = files.filter((f) => f.startsWith('fail-'));
    if (!passFiles.length) problems.push(`fixtures/${path.basename(folder)}/ has no pass-* file`);
    if (!failFiles.length) problems.push(`fixtures/${path.basename(folder)}/ has no fail-* file`);
    const expected = readExpected(folder, problems);
    fixtures += passFiles.length + failFiles.length;

    // A Terraform folder is one module: each Terraform fixture (a file or a folder) is scanned on its own.
    const separately = format === 'terraform';
    const groups = separately ? [...passFiles, ...failFiles].map((f) => [f]) : [[...passFiles, ...failFiles]];
    const result = { findings: [] as Finding[], errors: [] as ScanError[] };
    for (const group of groups) {
      const partial = await scan({
        root: folder,
        files: group,
        config: defaultConfig(),
        rules: [rule],
        baseline: false,
        jobs: 1,
      });
      result.findings.push(...partial.findings);
      result.errors.push(...partial.errors);
    }
    for (const error of result.errors.filter((e) => e.level === 'error')) {
      problems.push(`${error.file}${error.line ? `:${error.line}` : ''}: ${error.message}`);
    }
    const actual = result.findings
      .filter((f) => f.ruleId === rule.id && !f.suppression)
      .map((f) => `${f.location.file}:${f.location.startLine}`);
    for (const hit of actual.filter((a) => a.startsWith('pass-')))
      problems.push(`unexpected finding in pass fixture ${hit}`);
    const wanted = expected.map((e) => `${e.file}:${e.line}`);
    const got = actual.filter((a) => a.startsWith('fail-'));
    for (const miss of difference(wanted, got)) problems.push(`expected finding not reported: ${miss}`);
    for (const extra of difference(got, wanted)) problems.push(`finding not in expected.json: ${extra}`);
    for (const failFile of failFiles) {
      if (!expected.some((e) => e.file === failFile || e.file.startsWith(`${failFile}/`)))
        problems.push(`${failFile} has no entry in expected.json`);
    }
  }
  return { ruleId: rule.id, ok: problems.length === 0, problems, fixtures };
}

/** Tests many rules; also fails rules whose id is not unique. */
export async function testRules(rules: Rule[], options: HarnessOptions = {}): Promise<RuleTestReport[]> {
  const counts = new Map<string, number>();
  for (const rule of rules) counts.set(rule.id, (counts.get(rule.id) ?? 0) + 1);
  const reports: RuleTestReport[] = [];
  for (const rule of rules) {
    const report = await testRuleFolder(rule, options);
    if ((counts.get(rule.id) ?? 0) > 1)
      report.problems.push(`the id ${rule.id} is used by more than one rule`);
    report.ok = report.problems.length === 0;
    reports.push(report);
  }
  return reports;
}

function readExpected(folder: string, problems: string[]): Expected[] {
  const file = path.join(folder, 'expected.json');
  if (!existsSync(file)) {
    problems.push(`fixtures/${path.basename(folder)}/expected.json is missing`);
    return [];
  }
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Expected[];
    if (
      !Array.isArray(parsed) ||
      parsed.some((e) => typeof e?.file !== 'string' || typeof e?.line !== 'number')
    ) {
      throw new Error('expected an array of { "file": string, "line": number }');
    }
    return parsed;
  } catch (error) {
    problems.push(`fixtures/${path.basename(folder)}/expected.json: ${(error as Error).message}`);
    return [];
  }
}

/** Multiset difference: items of `a` not matched one-for-one in `b`. */
function difference(a: string[], b: string[]): string[] {
  const remaining = [...b];
  return a.filter((item) => {
    const index = remaining.indexOf(item);
    if (index === -1) return true;
    remaining.splice(index, 1);
    return false;
  });
}
