import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type {
  BenchmarkRef,
  Finding,
  IacResourceRecord,
  Location,
  RedactedSecret,
  RuleSummary,
  ScanError,
  ScanResult,
  ScanStats,
  Suppression,
} from '../../scanners/core/types.js';
import { renderJson } from '../../scanners/reporters/json.js';
import { buildFinding, buildScanResult, sampleScanResult } from '../helpers/scan-result.js';
import { errorsText, packageSchema, palisadeReportValidator } from '../helpers/schemas.js';

const validate = palisadeReportValidator();
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

// Every key of each type: the compiler fails here when the model gains a field, and the test below then
// fails until the schema describes it.
const FINDING_KEYS: Record<keyof Finding, true> = {
  commit: true,
  ruleId: true,
  title: true,
  severity: true,
  category: true,
  message: true,
  location: true,
  resource: true,
  modulePath: true,
  remediation: true,
  helpUri: true,
  cwe: true,
  benchmarks: true,
  tags: true,
  snippet: true,
  secret: true,
  suppression: true,
  fingerprint: true,
};
const RESULT_KEYS: Record<keyof ScanResult, true> = {
  schemaVersion: true,
  tool: true,
  root: true,
  startedAt: true,
  finishedAt: true,
  findings: true,
  errors: true,
  rules: true,
  stats: true,
  diff: true,
  failOn: true,
  resources: true,
};
const RESOURCE_KEYS: Record<keyof IacResourceRecord, true> = {
  family: true,
  type: true,
  kind: true,
  address: true,
  modulePath: true,
  name: true,
  file: true,
  line: true,
  traceTag: true,
  tags: true,
  references: true,
};
const LOCATION_KEYS: Record<keyof Location, true> = {
  file: true,
  startLine: true,
  startColumn: true,
  endLine: true,
  endColumn: true,
};
const ERROR_KEYS: Record<keyof ScanError, true> = {
  code: true,
  level: true,
  file: true,
  line: true,
  message: true,
  hint: true,
  ruleId: true,
};
const RULE_KEYS: Record<keyof RuleSummary, true> = {
  id: true,
  title: true,
  severity: true,
  category: true,
  description: true,
  remediation: true,
  helpUri: true,
  cwe: true,
  benchmarks: true,
  tags: true,
  docs: true,
};
const STATS_KEYS: Record<keyof ScanStats, true> = {
  filesScanned: true,
  filesSkipped: true,
  bytesScanned: true,
  durationMs: true,
  baselineHidden: true,
  outsideDiff: true,
};
const SUPPRESSION_KEYS: Record<keyof Suppression, true> = {
  kind: true,
  justification: true,
  until: true,
  location: true,
};
const SECRET_KEYS: Record<keyof RedactedSecret, true> = { sha256: true, preview: true };
const BENCHMARK_KEYS: Record<keyof BenchmarkRef, true> = { framework: true, version: true, control: true };

type SchemaNode = { properties?: Record<string, SchemaNode>; additionalProperties?: boolean };

function withDiff(): ScanResult {
  return {
    ...sampleScanResult(),
    diff: { base: 'origin/main', mergeBase: 'a1b2c3d', scope: 'lines', changedFiles: 3 },
  };
}

describe('json reporter', () => {
  it('validates against schemas/palisade-report.schema.json', () => {
    for (const result of [sampleScanResult(), withDiff(), buildScanResult([])]) {
      const report = JSON.parse(renderJson(result));
      expect(validate(report), errorsText(validate.errors)).toBe(true);
    }
  });

  it('is the ScanResult itself', () => {
    const result = withDiff();
    expect(JSON.parse(renderJson(result))).toEqual(result);
  });

  it('writes keys in schema order whatever order the engine built them in', () => {
    const finding = buildFinding({ resource: 'aws_s3_bucket.a' });
    const shuffled = Object.fromEntries(Object.entries(finding).reverse()) as unknown as Finding;
    const report = JSON.parse(renderJson(buildScanResult([shuffled])));
    const schema = packageSchema('palisade-report.schema.json') as {
      definitions: Record<string, SchemaNode>;
    };
    const schemaOrder = Object.keys(schema.definitions.finding?.properties ?? {});
    expect(Object.keys(report.findings[0])).toEqual(schemaOrder.filter((key) => key in finding));
    expect(Object.keys(report)).toEqual(
      Object.keys(RESULT_KEYS).filter((key) => key !== 'diff' && key !== 'resources'),
    );
    expect(renderJson(buildScanResult([shuffled]))).toBe(renderJson(buildScanResult([finding])));
  });

  it('leaves out properties that are not in the model, so the strict schema keeps passing', () => {
    const finding = { ...buildFinding(), internalScore: 0.7 } as Finding;
    const report = JSON.parse(renderJson(buildScanResult([finding])));
    expect(report.findings[0]).not.toHaveProperty('internalScore');
    expect(validate(report), errorsText(validate.errors)).toBe(true);
  });

  it('the schema rejects what the model forbids', () => {
    const report = JSON.parse(renderJson(sampleScanResult()));
    const secretAt = report.findings.findIndex((f: Finding) => f.secret);
    // biome-ignore lint/suspicious/noExplicitAny: the mutations poke at arbitrary JSON paths
    const bad = (mutate: (r: any) => void): boolean => {
      const copy = structuredClone(report);
      mutate(copy);
      return validate(copy);
    };
    expect(bad((r) => (r.findings[0].extra = 1))).toBe(false);
    expect(bad((r) => (r.findings[0].severity = 'severe'))).toBe(false);
    expect(bad((r) => (r.findings[0].location.startLine = 0))).toBe(false);
    expect(bad((r) => (r.findings[secretAt].secret.preview = 'AKIAIOSF'))).toBe(false);
    expect(bad((r) => (r.findings[secretAt].secret.value = 'x'))).toBe(false);
    expect(bad((r) => (r.findings[0].cwe = ['732']))).toBe(false);
    expect(bad((r) => (r.schemaVersion = '2.0.0'))).toBe(false);
    expect(bad((r) => (r.errors[0].code = 'oops'))).toBe(false);
    expect(bad((r) => delete r.stats.baselineHidden)).toBe(false);
  });

  it('describes every field of the model, and nothing else, with additionalProperties false', () => {
    const schema = packageSchema('palisade-report.schema.json') as SchemaNode & {
      $id: string;
      $schema: string;
      definitions: Record<string, SchemaNode>;
    };
    expect(schema.$id).toBe('https://palisade.dev/schemas/report-1.1.0.json');
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    const finding = schema.definitions.finding!;
    const cases: [SchemaNode | undefined, object][] = [
      [schema, RESULT_KEYS],
      [finding, FINDING_KEYS],
      [schema.definitions.location, LOCATION_KEYS],
      [schema.definitions.scanError, ERROR_KEYS],
      [schema.definitions.ruleSummary, RULE_KEYS],
      [schema.definitions.stats, STATS_KEYS],
      [schema.definitions.benchmark, BENCHMARK_KEYS],
      [schema.definitions.iacResource, RESOURCE_KEYS],
      [finding.properties?.suppression, SUPPRESSION_KEYS],
      [finding.properties?.secret, SECRET_KEYS],
    ];
    for (const [node, keys] of cases) {
      expect(node?.additionalProperties).toBe(false);
      expect(Object.keys(node?.properties ?? {}).sort()).toEqual(Object.keys(keys).sort());
    }
  });

  it('our schemas compile in Ajv strict mode, so consumers need no lenient options', () => {
    for (const name of ['palisade-report.schema.json', 'gitlab-codequality.schema.json']) {
      const ajv = addFormats(
        new Ajv({ strict: true, strictTypes: true, strictTuples: true, strictRequired: true }),
      );
      expect(() => ajv.compile(packageSchema(name)), name).not.toThrow();
    }
  });
});
