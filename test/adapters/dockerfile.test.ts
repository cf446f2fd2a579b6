import { describe, expect, it } from 'vitest';
import { adaptDockerfile } from '../../scanners/adapters/dockerfile.js';
import type { DockerInstruction, ShellCommand } from '../../scanners/model/docker.js';
import { emptyModel, type Model } from '../../scanners/model/model.js';
import { parseSourceFile, sourceFile } from '../../scanners/parsers/source-file.js';

function adapt(text: string): Model {
  const file = sourceFile('Dockerfile', 'dockerfile', text);
  parseSourceFile(file);
  const model = emptyModel();
  adaptDockerfile(file, model);
  return model;
}

/** `line:separator program args…` for each command, to compare whole RUNs at a glance. */
function summary(instruction: DockerInstruction | undefined): string[] {
  return (instruction?.commands ?? []).map(
    (c: ShellCommand) =>
      `${c.range.startLine}:${c.separator ?? ''}${c.sudo ? 'sudo ' : ''}${[c.program, ...c.args].join(' ')}`,
  );
}

describe('Dockerfile adapter: RUN commands', () => {
  it('splits a multi-line RUN on &&, ||, ; and |, with the line of each command', () => {
    const model = adapt(
      [
        'FROM debian:bookworm-slim',
        'RUN --mount=type=cache,target=/var/cache/apt apt-get update && \\',
        '    # a comment line inside the continuation',
        '    DEBIAN_FRONTEND=noninteractive apt-get install -y curl \\',
        '      git; \\',
        '    curl -fsSL https://example.com/x.sh | sudo -E bash - || echo "a && b; c | d" 2>&1',
      ].join('\n'),
    );
    const [run] = model.docker.stages[0]?.instructions ?? [];
    expect(run?.flags).toEqual(['mount']);
    expect(summary(run)).toEqual([
      '2:apt-get update',
      '4:&&apt-get install -y curl git',
      '6:;curl -fsSL https://example.com/x.sh',
      '6:|sudo bash -',
      '6:||echo a && b; c | d 2>&1',
    ]);
  });

  it('reads heredoc scripts fed to a shell, but not heredocs fed to other programs', () => {
    const model = adapt(
      [
        'FROM python:3.12-slim',
        'RUN <<EOF',
        'set -e',
        'pip install flask',
        'wget -qO- https://example.com | sh',
        'EOF',
        'RUN python3 <<EOF',
        'import os; os.system("sudo id")',
        'EOF',
      ].join('\n'),
    );
    const [script, python] = model.docker.stages[0]?.instructions ?? [];
    expect(summary(script)).toEqual([
      '3:\nset -e',
      '4:\npip install flask',
      '5:\nwget -qO- https://example.com',
      '5:|sh',
    ]);
    expect(summary(python)).toEqual(['7:python3']);
  });

  it('reads exec-form RUN, and the script of ["sh", "-c", …]', () => {
    const model = adapt(
      [
        'FROM alpine:3.20',
        'RUN ["apk", "add", "--no-cache", "curl"]',
        'RUN ["sh", "-c", "apk update && chmod 777 /srv"]',
      ].join('\n'),
    );
    const [exec, shell] = model.docker.stages[0]?.instructions ?? [];
    expect(summary(exec)).toEqual(['2:apk add --no-cache curl']);
    expect(summary(shell)).toEqual(['3:apk update', '3:&&chmod 777 /srv']);
  });

  it('keeps command substitutions in one word and sub-shells apart', () => {
    const model = adapt(
      ['FROM alpine:3.20', 'RUN sh -c "$(curl -fsSL https://example.com/i.sh)" && (cd /tmp && make)'].join(
        '\n',
      ),
    );
    expect(summary(model.docker.stages[0]?.instructions[0])).toEqual([
      '2:sh -c $(curl -fsSL https://example.com/i.sh)',
      '2:;cd /tmp',
      '2:&&make',
    ]);
  });
});

describe('Dockerfile adapter: stages, users and variables', () => {
  it('follows USER through stages built on earlier stages, and marks the final stage', () => {
    const model = adapt(
      [
        'FROM golang:1.23 AS build',
        'USER builder',
        'FROM build AS test',
        'FROM debian:bookworm-slim AS runtime',
        'FROM gcr.io/distroless/static-debian12:nonroot AS distroless',
        'FROM alpine:3.20',
        'USER $APP_USER',
      ].join('\n'),
    );
    const stages = model.docker.stages;
    expect(stages.map((s) => [s.name, s.isFinal, s.user.origin, s.user.value])).toEqual([
      ['build', false, 'explicit', 'builder'],
      ['test', false, 'explicit', 'builder'],
      ['runtime', false, 'default', 'root'],
      ['distroless', false, 'default', undefined],
      ['4', true, 'unresolvable', undefined],
    ]);
    expect(stages[1]?.parent?.name).toBe('build');
    expect(stages[1]?.user.range.startLine).toBe(2);
    expect(stages[2]?.user.range.startLine).toBe(4);
  });

  it('reads ENV and ARG variables with their literal values and ranges', () => {
    const model = adapt(
      [
        'FROM node:20',
        'ARG NPM_TOKEN',
        'ARG REGISTRY=registry.npmjs.org',
        'ENV A=1 \\',
        '    B="two words"',
      ].join('\n'),
    );
    const variables = model.docker.stages[0]?.instructions.flatMap((i) => i.variables) ?? [];
    expect(variables.map((v) => [v.name, v.value, v.valueRange.startLine])).toEqual([
      ['NPM_TOKEN', undefined, 2],
      ['REGISTRY', 'registry.npmjs.org', 3],
      ['A', '1', 4],
      ['B', 'two words', 5],
    ]);
  });
});
