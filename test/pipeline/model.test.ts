// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${{ }} here is GitHub and Azure expression syntax, not a template.
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../scanners/adapters/index.js';
import { detectFormat } from '../../scanners/engine/file-format.js';
import type { Model } from '../../scanners/model/model.js';
import { parseSourceFile, sourceFile } from '../../scanners/parsers/source-file.js';

function modelOf(path: string, text: string): Model {
  const file = sourceFile(path, detectFormat(path, text), text);
  parseSourceFile(file);
  return buildModel([file], (_file, error) => {
    throw error;
  });
}

const WORKFLOW = `name: ci
on:
  pull_request_target:
    types: [opened]
  push:
permissions:
  contents: read
jobs:
  build:
    runs-on: [self-hosted, linux]
    permissions: write-all
    container:
      image: node:20
      options: --cpus 2
    services:
      db:
        image: postgres:16@sha256:4ec37d2a07a0067f176fdcc9d4bb633a5724d2cc4f892c7a2046d054bb6939e5
    steps:
      - uses: actions/checkout@v4
        with:
          ref: \${{ github.event.pull_request.head.sha }}
      - name: literal
        run: |
          echo one
            echo "indented \${{ github.head_ref }}"
      - name: folded
        run: >
          ./build.sh
          --title "\${{ github.event.pull_request.title }}"
  call:
    uses: org/repo/.github/workflows/reuse.yml@v1
    secrets: inherit
`;

describe('GitHub workflow model', () => {
  const model = modelOf('.github/workflows/ci.yml', WORKFLOW);
  const workflow = model.pipeline.files[0]!;
  const build = workflow.jobs.find((j) => j.id === 'build')!;

  it('reads triggers, permissions and jobs with their ranges', () => {
    expect(workflow.platform).toBe('github');
    expect(workflow.triggers.map((t) => [t.event, t.range.startLine])).toEqual([
      ['pull_request_target', 3],
      ['push', 5],
    ]);
    expect(workflow.permissions?.scopes.get('contents')).toMatchObject({
      value: 'read',
      range: { startLine: 7 },
    });
    expect(build.permissions?.shorthand).toMatchObject({ value: 'write-all', range: { startLine: 11 } });
    expect(build.runsOn.map((l) => l.value)).toEqual(['self-hosted', 'linux']);
    expect(build.container?.image).toMatchObject({ name: 'node', tag: '20', digest: undefined });
    expect(build.container?.options?.value).toBe('--cpus 2');
    expect(build.services[0]?.image.digest).toMatch(/^sha256:/);
  });

  it('parses uses: refs of actions and reusable workflows', () => {
    expect(build.steps[0]?.uses).toMatchObject({ kind: 'action', repository: 'actions/checkout', ref: 'v4' });
    expect(build.steps[0]?.inputs.get('ref')?.range.startLine).toBe(21);
    const call = workflow.jobs.find((j) => j.id === 'call')!;
    expect(call.uses).toMatchObject({
      kind: 'reusable-workflow',
      repository: 'org/repo',
      path: '.github/workflows/reuse.yml',
      ref: 'v1',
    });
    expect(call.secretsInherit?.range.startLine).toBe(32);
  });

  it('maps every line of literal and folded run blocks to its file line and column', () => {
    const literal = build.steps[1]!.run!;
    expect(literal.lines.map((l) => [l.line, l.column, l.text])).toEqual([
      [24, 11, 'echo one'],
      [25, 11, '  echo "indented ${{ github.head_ref }}"'],
    ]);
    const folded = build.steps[2]!.run!;
    expect(folded.lines.map((l) => l.line)).toEqual([28, 29]);
    expect(folded.value).toBe('./build.sh --title "${{ github.event.pull_request.title }}"\n');
  });
});

describe('GitLab CI model', () => {
  const model = modelOf(
    'ci/jobs.yml',
    `include:
  - local: /ci/base.yml
  - project: group/templates
    ref: v1.2
    file: /build.yml
  - remote: https://example.com/x.yml
  - component: gitlab.com/g/c/lint@1.0
variables:
  GLOBAL: "1"
test:
  image: { name: "python:3.12" }
  services: [docker:27-dind]
  tags: [shared]
  rules:
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
  script:
    - echo one
    - - echo nested
      - |
        echo block
        echo "$CI_COMMIT_MESSAGE"
  artifacts:
    paths: [dist/]
    reports:
      dotenv: build.env
`,
  );
  const pipeline = model.pipeline.files[0]!;

  it('is recognised by content when included under another name', () => {
    expect(pipeline.platform).toBe('gitlab');
  });

  it('reads includes with their refs', () => {
    expect(pipeline.includes.map((i) => [i.kind, i.target.value, i.ref?.value])).toEqual([
      ['gitlab-local', '/ci/base.yml', undefined],
      ['gitlab-project', 'group/templates', 'v1.2'],
      ['gitlab-remote', 'https://example.com/x.yml', undefined],
      ['gitlab-component', 'gitlab.com/g/c/lint@1.0', '1.0'],
    ]);
  });

  it('reads jobs, images, rules, artifacts and script lines (nested lists included)', () => {
    const job = pipeline.jobs.find((j) => j.id === 'test')!;
    expect(job.container?.image.tag).toBe('3.12');
    expect(job.services[0]?.image.raw.value).toBe('docker:27-dind');
    expect(job.runsOn.map((t) => t.value)).toEqual(['shared']);
    expect(job.rules[0]?.value).toContain('merge_request_event');
    expect(job.artifactPaths.map((p) => p.value)).toEqual(['dist/']);
    expect(job.dotenvReports.map((p) => p.value)).toEqual(['build.env']);
    expect(job.steps[0]?.run?.lines.map((l) => [l.line, l.text])).toEqual([
      [17, 'echo one'],
      [18, 'echo nested'],
      [20, 'echo block'],
      [21, 'echo "$CI_COMMIT_MESSAGE"'],
    ]);
  });
});

describe('Azure Pipelines model', () => {
  const model = modelOf(
    'templates/build.yml',
    `resources:
  repositories:
    - repository: tpl
      type: git
      name: Project/templates
      ref: refs/heads/main
variables:
  - group: secrets
  - name: config
    value: Release
stages:
  - stage: build
    jobs:
      - job: compile
        pool:
          vmImage: ubuntu-latest
        steps:
          - checkout: self
            persistCredentials: true
          - template: steps.yml@tpl
          - task: Bash@3
            inputs:
              targetType: inline
              script: echo "$(Build.SourceBranch)"
      - deployment: ship
        environment: prod
        strategy:
          runOnce:
            deploy:
              steps:
                - pwsh: Write-Host hi
`,
  );
  const pipeline = model.pipeline.files[0]!;

  it('is recognised by content as an Azure template', () => {
    expect(pipeline.platform).toBe('azure');
  });

  it('reads repositories, templates and variable groups', () => {
    expect(pipeline.includes.map((i) => [i.kind, i.alias, i.ref?.value ?? i.target.value])).toEqual([
      ['azure-repository', 'tpl', 'refs/heads/main'],
      ['azure-template', 'tpl', 'steps.yml@tpl'],
    ]);
    expect(pipeline.variableGroups.map((g) => g.value)).toEqual(['secrets']);
    expect(pipeline.variables.map((v) => v.name)).toEqual(['config']);
  });

  it('reads jobs, deployment strategy steps, checkout settings and inline task scripts', () => {
    expect(pipeline.jobs.map((j) => j.address)).toEqual([
      'stages.build.jobs.compile',
      'stages.build.jobs.ship',
    ]);
    const compile = pipeline.jobs[0]!;
    expect(compile.runsOn[0]?.value).toBe('ubuntu-latest');
    expect(compile.steps[0]?.inputs.get('persistCredentials')).toMatchObject({ value: 'true' });
    const bash = compile.steps.find((s) => s.task?.value === 'Bash@3')!;
    expect(bash.inputScripts.get('script')?.lines[0]).toMatchObject({ line: 24, column: 23 });
    expect(pipeline.jobs[1]?.steps[0]?.run?.shell).toBe('pwsh');
  });
});

describe('pipeline file recognition', () => {
  it('recognises pipeline files by content when their name does not tell', () => {
    expect(
      detectFormat('ci/templates/deploy.yml', 'deploy:\n  stage: deploy\n  script:\n    - ./deploy.sh\n'),
    ).toBe('gitlab-ci');
    expect(detectFormat('build.gitlab-ci.yml', 'include: []\n')).toBe('gitlab-ci');
    expect(detectFormat('templates/steps.yml', 'parameters: []\nsteps:\n  - bash: make\n')).toBe(
      'azure-pipelines',
    );
    expect(detectFormat('templates/jobs.yml', 'jobs:\n- job: build\n  steps: []\n')).toBe('azure-pipelines');
    expect(detectFormat('pipeline.yml', 'extends:\n  template: base.yml@templates\n')).toBe(
      'azure-pipelines',
    );
    expect(
      detectFormat(
        '.github/workflow-templates/ci.yml',
        'on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n',
      ),
    ).toBe('github-workflow');
    expect(
      detectFormat('actions/setup/action.yaml', 'name: x\nruns:\n  using: composite\n  steps: []\n'),
    ).toBe('github-action');
  });

  it('leaves other CI systems and YAML files alone', () => {
    const others: Array<[string, string]> = [
      ['docker-compose.yml', 'services:\n  web:\n    image: nginx\n    command: run\n'],
      ['.drone.yml', 'kind: pipeline\nsteps:\n- name: build\n  image: golang\n  commands: [go build]\n'],
      ['bitbucket-pipelines.yml', 'pipelines:\n  default:\n    - step:\n        script:\n          - make\n'],
      [
        '.circleci/config.yml',
        'version: 2.1\njobs:\n  build:\n    docker: [{ image: node }]\n    steps: [checkout]\n',
      ],
      ['playbook.yml', '- hosts: all\n  tasks:\n    - script: setup.sh\n'],
      ['.travis.yml', 'language: node_js\nscript:\n  - npm test\n'],
    ];
    for (const [name, text] of others) expect(detectFormat(name, text), name).toBe('yaml');
  });
});
