/**
 * The Azure DevOps extension: manifests validate against their schemas, the committed task bundle is what
 * the sources build, `tfx extension create` packages it offline, and the bundled task, run with the
 * variables an agent sets, logs issues, publishes SARIF and keeps pull request threads in a fake Azure
 * DevOps in step across runs.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import AjvDraft04Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildTask, TASK_DIST } from '../../../extensions/azure-devops/build.js';
import { packagePath, VERSION } from '../../../scanners/core/package.js';
import { errorsText, sarifValidator } from '../../helpers/schemas.js';
import { makeTempDir, removeTempDirs } from '../../helpers/tmp.js';
import { type GitRepository, makeRepository } from '../helpers.js';
import { FakeAzureDevOps } from './fake-azure-devops.js';

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
const AjvDraft04 = AjvDraft04Module as unknown as typeof AjvDraft04Module.default;
const sharedSchema = (name: string) =>
  JSON.parse(readFileSync(packagePath(`../shared/schemas/${name}`), 'utf8')) as object;

const EXTENSION = packagePath('extensions/azure-devops');
const taskJson = JSON.parse(readFileSync(path.join(EXTENSION, 'tasks/palisade/task.json'), 'utf8'));
const manifest = JSON.parse(readFileSync(path.join(EXTENSION, 'vss-extension.json'), 'utf8'));

afterAll(() => removeTempDirs());

describe('Azure DevOps extension: manifests, bundle and package', () => {
  it('task.json validates against the task schema, with a GUID id, groups and current Node handlers', () => {
    const validate = addFormats(
      new AjvDraft04({ strict: false, allErrors: true, unicodeRegExp: false }),
    ).compile(sharedSchema('azure-pipelines-task.schema.json'));
    expect(validate(taskJson), errorsText(validate.errors)).toBe(true);
    expect(validate({ ...taskJson, execution: { Node99: { target: 'dist/index.js' } } })).toBe(false);
    expect(taskJson.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const groups = new Set(taskJson.groups.map((g: { name: string }) => g.name));
    for (const input of taskJson.inputs) expect(groups.has(input.groupName), input.name).toBe(true);
    expect(Object.keys(taskJson.execution).sort()).toEqual(['Node20_1', 'Node24']);
    for (const handler of Object.values(taskJson.execution) as Array<{ target: string }>) {
      expect(existsSync(path.join(EXTENSION, 'tasks/palisade', handler.target))).toBe(true);
    }
    const [major, minor, patch] = VERSION.split('.').map(Number);
    expect(taskJson.version).toEqual({ Major: major, Minor: minor, Patch: patch });
  });

  it('vss-extension.json validates against the extension schema and contributes the task folder', () => {
    const validate = addFormats(new Ajv({ strict: false, allErrors: true })).compile(
      sharedSchema('vss-extension.schema.json'),
    );
    expect(validate(manifest), errorsText(validate.errors)).toBe(true);
    expect(validate({ ...manifest, files: 'tasks' })).toBe(false);
    expect(manifest.version).toBe(VERSION);
    const task = manifest.contributions.find(
      (c: { type: string }) => c.type === 'ms.vss-distributed-task.task',
    );
    expect(task.properties.name).toBe('tasks/palisade');
    expect(manifest.files).toEqual([{ path: 'tasks/palisade' }]);
    // The packaged licence is the project's own.
    expect(readFileSync(path.join(EXTENSION, manifest.content.license.path), 'utf8')).toBe(
      readFileSync(packagePath('LICENSE'), 'utf8'),
    );
  });

  it('the example pipelines call the task by its name and major version with declared inputs only', () => {
    const declared = new Set(taskJson.inputs.map((input: { name: string }) => input.name));
    for (const name of ['azure-pipelines.yml', 'azure-pipelines-windows.yml']) {
      const pipeline = parse(readFileSync(path.join(EXTENSION, 'examples', name), 'utf8')) as {
        steps: Array<{ task?: string; inputs?: Record<string, unknown> }>;
      };
      const steps = pipeline.steps.filter((step) => step.task?.startsWith(`${taskJson.name}@`));
      expect(
        steps.map((step) => step.task),
        name,
      ).toEqual([`${taskJson.name}@${taskJson.version.Major}`]);
      for (const input of Object.keys(steps[0]!.inputs ?? {}))
        expect(declared.has(input), `${name}: ${input}`).toBe(true);
    }
  });

  it('the committed bundle is up to date (run `npm run build:azure-devops` and commit when this fails)', async () => {
    const fresh = makeTempDir({}, 'palisade-task-bundle-');
    const inputs = await buildTask(fresh);
    const list = (root: string): string[] =>
      readdirSync(root, { recursive: true, encoding: 'utf8' })
        .filter((name) => statSync(path.join(root, name)).isFile())
        .sort();
    expect(list(TASK_DIST)).toEqual(list(fresh));
    for (const name of list(fresh)) {
      const same = readFileSync(path.join(TASK_DIST, name)).equals(readFileSync(path.join(fresh, name)));
      expect(same, `tasks/palisade/dist/${name} is stale: run \`npm run build:azure-devops\``).toBe(true);
    }
    // The portable regex engine and the wasm parser are in; native addons and server code are not.
    expect(inputs.some((file) => file.startsWith('node_modules/re2js/'))).toBe(true);
    expect(inputs.some((file) => file.startsWith('node_modules/azure-pipelines-task-lib/'))).toBe(true);
    expect(inputs.some((file) => file.startsWith('node_modules/azure-devops-node-api/'))).toBe(true);
    const forbidden = inputs.filter((file) =>
      /^(node_modules\/(re2|better-sqlite3|@node-rs|pg|fastify|kysely|probot)\/|server\/|app\/)/.test(file),
    );
    expect(forbidden).toEqual([]);
  });

  it('tfx extension create packages the extension offline', async () => {
    const out = path.join(makeTempDir({}, 'palisade-vsix-'), 'palisade.vsix');
    const tfx = packagePath('node_modules/.bin/tfx');
    const { code, output } = await run(tfx, [
      'extension',
      'create',
      '--root',
      EXTENSION,
      '--manifest-globs',
      'vss-extension.json',
      '--output-path',
      out,
      '--no-prompt',
      '--json',
    ]);
    expect(code, output).toBe(0);
    const vsix = readFileSync(out);
    // A zip whose central directory names the task and its bundle.
    expect(vsix.subarray(0, 2).toString('latin1')).toBe('PK');
    const names = vsix.toString('latin1');
    for (const entry of [
      'extension.vsixmanifest',
      'tasks/palisade/task.json',
      'tasks/palisade/dist/index.js',
    ]) {
      expect(names.includes(entry), entry).toBe(true);
    }
  });
});

function run(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<{ code: number; output: string; stdout: string }> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { ...options, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, output: `${stdout}${stderr}`, stdout });
      },
    );
  });
}

const TOKEN = 'system-access-token';
const PROJECT_ID = '6ce954b1-ce1f-45d1-b94d-e6bf2464ba2c';
const REPOSITORY_ID = '3411ebc1-d5aa-464f-9615-0b527bc66719';

describe('Azure DevOps task: a pull request build', () => {
  let repository: GitRepository;
  let azure: FakeAzureDevOps;
  let collectionUri: string;
  const agentTemp = makeTempDir({}, 'palisade-agent-');

  beforeAll(async () => {
    repository = makeRepository();
    // Azure checkouts fetch the target branch as a remote-tracking ref.
    repository.git('update-ref', 'refs/remotes/origin/main', repository.baseSha);
    azure = new FakeAzureDevOps({
      token: TOKEN,
      organization: 'acme',
      project: PROJECT_ID,
      repositoryId: REPOSITORY_ID,
      pullRequestId: 12,
      iterations: [1],
    });
    collectionUri = await azure.start();
  });
  afterAll(async () => {
    await azure.stop();
  });

  /** Runs the bundled task the way the agent's Node handler does: variables and inputs in the environment. */
  function runTask(inputs: Record<string, string>) {
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      TF_BUILD: 'True',
      AGENT_TEMPDIRECTORY: agentTemp,
      BUILD_SOURCESDIRECTORY: repository.dir,
      BUILD_BUILDID: '881',
      BUILD_REPOSITORY_ID: REPOSITORY_ID,
      BUILD_REPOSITORY_NAME: 'service',
      BUILD_REPOSITORY_PROVIDER: 'TfsGit',
      BUILD_SOURCEVERSION: repository.git('rev-parse', 'HEAD'),
      BUILD_SOURCEBRANCH: 'refs/pull/12/merge',
      SYSTEM_COLLECTIONURI: collectionUri,
      SYSTEM_TEAMPROJECT: 'Platform',
      SYSTEM_TEAMPROJECTID: PROJECT_ID,
      SYSTEM_PULLREQUEST_PULLREQUESTID: '12',
      SYSTEM_PULLREQUEST_SOURCEBRANCH: 'refs/heads/feature',
      SYSTEM_PULLREQUEST_TARGETBRANCH: 'refs/heads/main',
      ENDPOINT_URL_SYSTEMVSSCONNECTION: collectionUri,
      ENDPOINT_AUTH_PARAMETER_SYSTEMVSSCONNECTION_ACCESSTOKEN: TOKEN,
      ENDPOINT_AUTH_SYSTEMVSSCONNECTION: JSON.stringify({
        parameters: { AccessToken: TOKEN },
        scheme: 'OAuth',
      }),
      INPUT_PATH: '.',
      INPUT_FAILON: 'high',
      INPUT_DIFFMODE: 'pullRequests',
      INPUT_COMMENTS: 'true',
      INPUT_MAXTHREADS: '50',
      INPUT_PUBLISHSARIF: 'true',
      ...inputs,
    };
    return run(process.execPath, [path.join(TASK_DIST, 'index.js')], { cwd: repository.dir, env });
  }

  const commands = (stdout: string, name: string) =>
    stdout.split('\n').filter((line) => line.startsWith(`##vso[${name} `));
  const markerOf = (content: string) => /<!-- palisade:finding ([0-9a-f]+) -->/.exec(content)?.[1];

  it('first run: issues with file and line, SARIF artifact, threads on changed lines, summary and status', async () => {
    const { stdout, output } = await runTask({});
    expect(azure.violations, output).toEqual([]);
    const issues = commands(stdout, 'task.logissue');
    // Diff mode: the branch's five findings, not legacy.Dockerfile's.
    expect(
      issues.map((line) => /sourcepath=([^;]+);linenumber=(\d+)/.exec(line)?.slice(1).join(':')).sort(),
    ).toEqual([
      'deploy.env:1',
      'deploy.env:2',
      'worker.Dockerfile:1',
      'worker.Dockerfile:1',
      'worker.Dockerfile:2',
    ]);
    expect(issues.filter((line) => line.includes('type=error'))).toHaveLength(3);

    const upload = commands(stdout, 'artifact.upload');
    expect(upload).toHaveLength(1);
    expect(upload[0]).toMatch(/containerfolder=CodeAnalysisLogs;artifactname=CodeAnalysisLogs;\]/);
    const sarifFile = upload[0]!.slice(upload[0]!.indexOf(']') + 1).trim();
    const sarif = JSON.parse(readFileSync(sarifFile, 'utf8'));
    expect(sarifValidator()(sarif), errorsText(sarifValidator().errors)).toBe(true);
    expect(sarif.runs[0].results).toHaveLength(5);

    const threads = [...azure.threads.values()];
    const fileThreads = threads.filter((t) => t.threadContext);
    expect(
      fileThreads.map((t) => `${t.threadContext!.filePath}:${t.threadContext!.rightFileStart.line}`).sort(),
    ).toEqual([
      '/deploy.env:1',
      '/deploy.env:2',
      '/worker.Dockerfile:1',
      '/worker.Dockerfile:1',
      '/worker.Dockerfile:2',
    ]);
    expect(fileThreads.every((t) => t.status === 'active' && markerOf(t.comments[0]!.content))).toBe(true);
    const summaries = threads.filter((t) =>
      t.comments[0]!.content.includes('<!-- palisade:azure-summary -->'),
    );
    expect(summaries).toHaveLength(1);
    expect(azure.statuses).toHaveLength(1);
    expect(azure.statuses[0]).toMatchObject({
      state: 'failed',
      context: { genre: 'palisade', name: 'scan' },
    });
    expect(commands(stdout, 'task.complete')[0]).toContain('result=Failed');
  });

  it('second run after a fix: closes that thread as fixed, updates the summary in place, posts nothing twice', async () => {
    const threadsBefore = azure.threads.size;
    const summary = [...azure.threads.values()].find((t) =>
      t.comments[0]!.content.includes('<!-- palisade:azure-summary -->'),
    )!;
    const summaryBefore = summary.comments[0]!.content;
    const curl = [...azure.threads.values()].find(
      (t) => t.threadContext?.filePath === '/worker.Dockerfile' && t.threadContext.rightFileStart.line === 2,
    )!;

    repository.commit({ 'worker.Dockerfile': 'FROM ubuntu:22.04\nCMD ["app"]\n' }, 'fix');
    azure.options.iterations.push(2);
    const { stdout, output } = await runTask({});
    expect(azure.violations, output).toEqual([]);

    expect(azure.threads.size).toBe(threadsBefore);
    expect(azure.requestsMatching('POST', /\/threads$/).length).toBe(threadsBefore);
    const closes = azure.requestsMatching('PATCH', /\/threads\/\d+$/);
    expect(closes.map((r) => [r.path.split('/').pop(), r.body?.status])).toEqual([[String(curl.id), 2]]);
    expect(curl.status).toBe('fixed');
    expect([...azure.threads.values()].filter((t) => t.status === 'fixed')).toHaveLength(1);
    expect(azure.requestsMatching('PATCH', /\/comments\/\d+$/)).toHaveLength(1);
    expect(summary.comments[0]!.content).not.toBe(summaryBefore);
    expect(summary.comments[0]!.content).toContain('1 closed as fixed');
    expect(azure.statuses).toHaveLength(2);
    expect(commands(stdout, 'task.logissue')).toHaveLength(4);
  });

  it('third run with the finding back: reactivates its thread instead of opening another', async () => {
    const threadsBefore = azure.threads.size;
    const curl = [...azure.threads.values()].find((t) => t.status === 'fixed')!;
    repository.commit(
      {
        'worker.Dockerfile':
          'FROM ubuntu:22.04\nRUN curl -fsSL https://get.example.com/install.sh | sh\nCMD ["app"]\n',
      },
      'regress',
    );
    azure.options.iterations.push(3);
    const { output } = await runTask({});
    expect(azure.violations, output).toEqual([]);
    expect(azure.threads.size).toBe(threadsBefore);
    expect(azure.requestsMatching('PATCH', /\/threads\/\d+$/).at(-1)?.body).toEqual({ status: 1 });
    expect(curl.status).toBe('active');
    expect([...azure.threads.values()].filter((t) => t.status === 'fixed')).toHaveLength(0);
  });

  it('without "Contribute to pull requests" (TF401027): explains the permission; fail-on none succeeds with issues', async () => {
    azure.denyContribute = true;
    azure.threads.clear();
    const { stdout } = await runTask({ INPUT_FAILON: 'none' });
    azure.denyContribute = false;
    const warnings = commands(stdout, 'task.issue').filter((line) => line.includes('type=warning'));
    expect(warnings.join('\n')).toMatch(/TF401027.*Contribute to pull requests/);
    expect(commands(stdout, 'task.complete')[0]).toContain('result=SucceededWithIssues');
  });
});
