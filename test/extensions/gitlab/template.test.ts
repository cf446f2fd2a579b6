/**
 * The GitLab CI template and CI/CD component: both validate against GitLab's CI schema, run the same job,
 * and their script, executed the way a runner does with GitLab's predefined variables against a real git
 * repository, writes schema-valid GitLab reports and posts merge request comments.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { packagePath, VERSION } from '../../../scanners/core/package.js';
import {
  codeQualityValidator,
  errorsText,
  gitlabSastValidator,
  gitlabSecretsValidator,
} from '../../helpers/schemas.js';
import { makeTempDir, removeTempDirs } from '../../helpers/tmp.js';
import { type GitRepository, makeRepository, palisadeShim } from '../helpers.js';
import { FakeGitlab } from './fake-gitlab.js';

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
const validateCi = addFormats(new Ajv({ strict: false, allErrors: true })).compile(
  JSON.parse(readFileSync(packagePath('../shared/schemas/gitlab-ci.schema.json'), 'utf8')),
);

type Job = {
  image: string;
  stage: string;
  variables?: Record<string, string>;
  before_script: string[];
  script: string[];
  artifacts: { when: string; paths: string[]; reports: Record<string, string> };
  rules: unknown[];
};

const templateText = readFileSync(packagePath('extensions/gitlab/Palisade.gitlab-ci.yml'), 'utf8');
const template = parse(templateText) as { variables: Record<string, string>; palisade: Job };
const componentText = readFileSync(packagePath('extensions/gitlab/templates/palisade.yml'), 'utf8');
const componentDocuments = parseAllDocuments(componentText).map((document) => document.toJS());
const componentHeader = componentDocuments[0] as {
  spec: { inputs: Record<string, { default?: string; options?: string[] }> };
};

/** GitLab's interpolation of `$[[ inputs.name ]]`, with the defaults and `overrides`. */
function interpolateComponent(overrides: Record<string, string> = {}): { palisade: Job } {
  const inputs = componentHeader.spec.inputs;
  const body = componentText.slice(componentText.indexOf('\n---\n') + 5);
  const text = body.replace(/\$\[\[\s*inputs\.([\w-]+)\s*\]\]/g, (_all, name: string) => {
    const value = overrides[name] ?? inputs[name]?.default;
    if (value === undefined) throw new Error(`input ${name} is not declared`);
    return JSON.stringify(String(value));
  });
  return parse(text) as { palisade: Job };
}

const shim = palisadeShim();

/** Runs before_script and script the way GitLab's shell executor does: one bash, `set -eo pipefail`. */
async function runJob(
  job: Job,
  jobVariables: Record<string, string>,
  ciVariables: Record<string, string>,
  cwd: string,
): Promise<{ code: number; output: string }> {
  const file = path.join(makeTempDir({}, 'palisade-job-'), 'job.sh');
  writeFileSync(file, [...job.before_script, ...job.script].join('\n'));
  const env = {
    PATH: `${shim}${path.delimiter}${process.env.PATH ?? ''}`,
    HOME: process.env.HOME ?? cwd,
    ...jobVariables,
    ...ciVariables,
  };
  return new Promise((resolve) => {
    execFile('bash', ['-eo', 'pipefail', file], { cwd, env, encoding: 'utf8' }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, output: `${stdout}${stderr}` });
    });
  });
}

function predefinedVariables(
  repository: GitRepository,
  extra: Record<string, string>,
): Record<string, string> {
  const head = repository.git('rev-parse', 'HEAD');
  return {
    CI: 'true',
    GITLAB_CI: 'true',
    CI_PROJECT_DIR: repository.dir,
    CI_PROJECT_ID: '42',
    CI_PROJECT_NAME: 'service',
    CI_PROJECT_NAMESPACE: 'acme',
    CI_PROJECT_PATH: 'acme/service',
    CI_COMMIT_SHA: head,
    CI_COMMIT_REF_NAME: 'feature',
    CI_JOB_ID: '9001',
    CI_PIPELINE_ID: '501',
    ...extra,
  };
}

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

type Vulnerability = { location: { file: string; start_line: number; commit?: { sha: string } } };

afterAll(() => removeTempDirs());

describe('GitLab CI template and component: configuration', () => {
  it('the template validates against GitLab CI schema, and the schema rejects a broken copy', () => {
    expect(validateCi(template), JSON.stringify(validateCi.errors)).toBe(true);
    const broken = structuredClone(template);
    (broken.palisade.artifacts as unknown as Record<string, unknown>).when = 'sometimes';
    expect(validateCi(broken)).toBe(false);
  });

  it('the component header and job validate against GitLab CI schema', () => {
    expect(componentDocuments).toHaveLength(2);
    expect(validateCi(componentHeader), errorsText(validateCi.errors)).toBe(true);
    expect(validateCi(componentDocuments[1]), JSON.stringify(validateCi.errors)).toBe(true);
    expect(validateCi(interpolateComponent()), JSON.stringify(validateCi.errors)).toBe(true);
  });

  it('declares the three GitLab reports and keeps them when the job fails', () => {
    expect(template.palisade.artifacts.when).toBe('always');
    expect(template.palisade.artifacts.reports).toEqual({
      sast: 'gl-sast-report.json',
      secret_detection: 'gl-secret-detection-report.json',
      codequality: 'gl-code-quality-report.json',
    });
  });

  it('the component runs the template job, every input is declared and used, versions match the package', () => {
    const job = interpolateComponent().palisade;
    for (const key of ['before_script', 'script', 'artifacts', 'rules'] as const) {
      expect(job[key], key).toEqual(template.palisade[key]);
    }
    // Each input sets the variable the template documents, with the same default.
    const inputs = componentHeader.spec.inputs;
    for (const [name, value] of Object.entries(template.variables)) {
      if (name === 'PALISADE_IMAGE') continue;
      expect(job.variables?.[name], name).toBe(value);
    }
    const used = new Set([...componentText.matchAll(/\$\[\[\s*inputs\.([\w-]+)\s*\]\]/g)].map((m) => m[1]));
    expect([...used].sort()).toEqual(Object.keys(inputs).sort());
    expect(inputs.image?.default).toBe(template.variables.PALISADE_IMAGE);
    expect(template.variables.PALISADE_VERSION).toBe(VERSION);
    expect(inputs.version?.default).toBe(VERSION);
    expect(inputs['fail-on']?.options).toEqual(['critical', 'high', 'medium', 'low', 'info', 'none']);
  });

  it('the example pipelines validate against GitLab CI schema', () => {
    for (const name of ['include-template.gitlab-ci.yml', 'component.gitlab-ci.yml']) {
      const example = parse(readFileSync(packagePath(`extensions/gitlab/examples/${name}`), 'utf8'));
      expect(validateCi(example), `${name}: ${JSON.stringify(validateCi.errors)}`).toBe(true);
    }
  });
});

describe('GitLab CI template: the script on a runner', () => {
  let gitlab: FakeGitlab;
  let repository: GitRepository;
  let serverUrl: string;

  beforeAll(async () => {
    repository = makeRepository();
    const head = repository.git('rev-parse', 'HEAD');
    gitlab = new FakeGitlab({
      token: 'glpat-project-token',
      projectId: '42',
      mergeRequestIid: 7,
      diffRefs: { base_sha: repository.baseSha, start_sha: repository.baseSha, head_sha: head },
      diffLines: new Map([
        ['worker.Dockerfile', new Set([1, 2, 3])],
        ['deploy.env', new Set([1, 2])],
      ]),
    });
    serverUrl = await gitlab.start();
  });
  afterAll(async () => {
    await gitlab.stop();
  });
  afterEach(() => {
    for (const name of [
      'gl-sast-report.json',
      'gl-secret-detection-report.json',
      'gl-code-quality-report.json',
      'palisade.json',
    ]) {
      writeFileSync(path.join(repository.dir, name), '');
    }
  });

  it('in a merge request pipeline: reports of changed lines only, schema-valid, and MR comments', async () => {
    const ci = predefinedVariables(repository, {
      CI_PIPELINE_SOURCE: 'merge_request_event',
      CI_MERGE_REQUEST_IID: '7',
      CI_MERGE_REQUEST_DIFF_BASE_SHA: repository.baseSha,
      CI_MERGE_REQUEST_SOURCE_BRANCH_NAME: 'feature',
      CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main',
      CI_SERVER_URL: serverUrl,
      CI_API_V4_URL: `${serverUrl}/api/v4`,
      CI_JOB_URL: `${serverUrl}/acme/service/-/jobs/9001`,
      PALISADE_GITLAB_TOKEN: 'glpat-project-token',
    });
    const { code, output } = await runJob(template.palisade, template.variables, ci, repository.dir);
    // Three high findings and fail-on high: the job fails, after writing every report.
    expect(code, output).toBe(1);

    const sast = readJson(path.join(repository.dir, 'gl-sast-report.json'));
    expect(gitlabSastValidator()(sast), errorsText(gitlabSastValidator().errors)).toBe(true);
    const sastFiles = (sast.vulnerabilities as Vulnerability[]).map((v) => v.location.file);
    expect(sastFiles).toContain('worker.Dockerfile');
    // legacy.Dockerfile predates the merge request: diff mode leaves its finding out.
    expect(sastFiles).not.toContain('legacy.Dockerfile');

    const secrets = readJson(path.join(repository.dir, 'gl-secret-detection-report.json'));
    expect(gitlabSecretsValidator()(secrets), errorsText(gitlabSecretsValidator().errors)).toBe(true);
    const leaked = secrets.vulnerabilities as Vulnerability[];
    expect(leaked.map((v) => `${v.location.file}:${v.location.start_line}`).sort()).toEqual([
      'deploy.env:1',
      'deploy.env:2',
    ]);
    expect(leaked.every((v) => v.location.commit?.sha === ci.CI_COMMIT_SHA)).toBe(true);

    const quality = JSON.parse(
      readFileSync(path.join(repository.dir, 'gl-code-quality-report.json'), 'utf8'),
    );
    expect(codeQualityValidator()(quality), errorsText(codeQualityValidator().errors)).toBe(true);
    expect(existsSync(path.join(repository.dir, 'palisade.sarif'))).toBe(true);

    // The comments went to the fake GitLab: one diff discussion per finding on a changed line, one summary.
    expect(gitlab.violations).toEqual([]);
    const diffNotes = gitlab.allNotes().filter((n) => n.type === 'DiffNote');
    const findings = (readJson(path.join(repository.dir, 'palisade.json')).findings as unknown[]).length;
    expect(diffNotes).toHaveLength(findings);
    expect(gitlab.allNotes().filter((n) => n.body.includes('<!-- palisade:gitlab-summary -->'))).toHaveLength(
      1,
    );
  });

  it('in a branch pipeline: a full scan, and no merge request comments', async () => {
    const before = gitlab.requests.length;
    const ci = predefinedVariables(repository, { CI_PIPELINE_SOURCE: 'push', CI_COMMIT_BRANCH: 'feature' });
    const { code, output } = await runJob(template.palisade, template.variables, ci, repository.dir);
    expect(code, output).toBe(1);
    const sast = readJson(path.join(repository.dir, 'gl-sast-report.json'));
    expect(gitlabSastValidator()(sast), errorsText(gitlabSastValidator().errors)).toBe(true);
    const sastFiles = (sast.vulnerabilities as Vulnerability[]).map((v) => v.location.file);
    expect(sastFiles).toContain('legacy.Dockerfile');
    expect(sastFiles).toContain('worker.Dockerfile');
    expect(gitlab.requests.length).toBe(before);
  });

  it('the component job with inputs: fail-on none passes, comments off', async () => {
    const job = interpolateComponent({ 'fail-on': 'none', 'mr-comments': 'false' }).palisade;
    const before = gitlab.requests.length;
    const ci = predefinedVariables(repository, {
      CI_PIPELINE_SOURCE: 'merge_request_event',
      CI_MERGE_REQUEST_IID: '7',
      CI_MERGE_REQUEST_DIFF_BASE_SHA: repository.baseSha,
      CI_SERVER_URL: serverUrl,
      PALISADE_GITLAB_TOKEN: 'glpat-project-token',
    });
    const { code, output } = await runJob(job, job.variables ?? {}, ci, repository.dir);
    expect(code, output).toBe(0);
    const secrets = readJson(path.join(repository.dir, 'gl-secret-detection-report.json'));
    expect(gitlabSecretsValidator()(secrets), errorsText(gitlabSecretsValidator().errors)).toBe(true);
    expect((secrets.vulnerabilities as unknown[]).length).toBe(2);
    expect(gitlab.requests.length).toBe(before);
  });
});
