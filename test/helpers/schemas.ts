/** Ajv validators for every report format, each compiled on first use and then reused within a test file. */
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import AjvDraft04Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import { packagePath } from '../../scanners/core/package.js';

// Both are CommonJS with a `default` property; under NodeNext the default import is the module object.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
const AjvDraft04 = AjvDraft04Module as unknown as typeof AjvDraft04Module.default;

function readSchema(relativeToPackage: string): object {
  return JSON.parse(readFileSync(packagePath(relativeToPackage), 'utf8')) as object;
}

/** The vendored official schemas (see /work/shared/schemas/README.md). */
const shared = (name: string): object => readSchema(`../shared/schemas/${name}`);

function lazy(compile: () => ValidateFunction): () => ValidateFunction {
  let validate: ValidateFunction | undefined;
  return () => {
    validate ??= compile();
    return validate;
  };
}

let draft07: Ajv | undefined;
let draft04: InstanceType<typeof AjvDraft04> | undefined;
const ajvDraft07 = (): Ajv => {
  draft07 ??= addFormats(new Ajv({ strict: false, allErrors: true }));
  return draft07;
};
const ajvDraft04 = (): InstanceType<typeof AjvDraft04> => {
  draft04 ??= addFormats(new AjvDraft04({ strict: false, allErrors: true }));
  return draft04;
};

/** OASIS SARIF 2.1.0 (errata 01), draft-04. */
export const sarifValidator = lazy(() => ajvDraft04().compile(shared('sarif-2.1.0.schema.json')));
/** GitLab SAST report 15.2.1. */
export const gitlabSastValidator = lazy(() =>
  ajvDraft07().compile(shared('gitlab-sast-report-15.2.1.schema.json')),
);
/** GitLab secret detection report 15.2.1. */
export const gitlabSecretsValidator = lazy(() =>
  ajvDraft07().compile(shared('gitlab-secret-detection-report-15.2.1.schema.json')),
);
/** Palisade's own JSON report schema. */
export const palisadeReportValidator = lazy(() =>
  ajvDraft07().compile(readSchema('schemas/palisade-report.schema.json')),
);
/** Palisade's schema of GitLab's Code Quality format. */
export const codeQualityValidator = lazy(() =>
  ajvDraft07().compile(readSchema('schemas/gitlab-codequality.schema.json')),
);

/** The raw JSON of a schema in this package's schemas/ folder. */
export function packageSchema(name: string): Record<string, unknown> {
  return readSchema(`schemas/${name}`) as Record<string, unknown>;
}

/** Ajv errors as one readable string, for assertion messages. */
export function errorsText(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`)
    .join('\n');
}
