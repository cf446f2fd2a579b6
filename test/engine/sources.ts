import { createHash } from 'node:crypto';
/** Small source files that trigger (or do not trigger) the built-in rules, and helpers to read results. */
import type { Finding, ScanError, ScanResult } from '../../scanners/core/types.js';
import type { Rule } from '../../scanners/rules/types.js';
import { rulesById } from '../helpers/rules.js';

export const K8S_PRIVILEGED = 'PAL-K8S-001';
export const S3_VERSIONING = 'PAL-AWS-S3-001';
export const DOCKER_UNPINNED = 'PAL-DOCKER-001';
/** The secret rule that finds AWS access key ids. */
export const AWS_KEY_ID = 'PAL-SECRET-001';

/**
 * The rules the engine tests scan with: one per input format, each with a well-known finding. Engine
 * behaviour (baseline, diff, suppressions...) is tested on them, so new catalogue rules change nothing here.
 */
export const ENGINE_RULE_IDS = [K8S_PRIVILEGED, S3_VERSIONING, DOCKER_UNPINNED, AWS_KEY_ID];

/** The rules of ENGINE_RULE_IDS, to pass as `scan({ rules })`. */
export function engineRules(): Rule[] {
  return rulesById(...ENGINE_RULE_IDS);
}

/** A well-formed AWS access key id that is not one of AWS's documented (ignored) examples. */
export const AWS_KEY = 'AKIAQWERTYUIOPASDFGH';
export const OTHER_AWS_KEY = 'AKIAZXCVBNMLKJHGFDSA';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** A distinct, random-looking AWS access key id for each index (secret filters drop patterned ones). */
export function awsKey(index: number): string {
  const bytes = createHash('sha256').update(`aws-key-${index}`).digest();
  let suffix = '';
  for (let i = 0; i < 16; i++) suffix += BASE32[bytes[i]! % 32];
  return `AKIA${suffix}`;
}

export interface ContainerSpec {
  name: string;
  privileged?: boolean;
  image?: string;
}

/** A Deployment with the given containers; `privileged` writes `securityContext.privileged`. */
export function deployment(name: string, containers: ContainerSpec[], replicas = 2): string {
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    `  replicas: ${replicas}`,
    '  template:',
    '    spec:',
    '      containers:',
    ...containers.flatMap((c) => [
      `        - name: ${c.name}`,
      `          image: ${c.image ?? 'registry.example.com/app:1.2.3'}`,
      ...(c.privileged === undefined
        ? []
        : ['          securityContext:', `            privileged: ${c.privileged}`]),
    ]),
    '',
  ].join('\n');
}

/** A Pod with one privileged container. */
export function privilegedPod(name: string, container = 'main'): string {
  return [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    '  containers:',
    `    - name: ${container}`,
    '      image: busybox:1.36',
    '      securityContext:',
    '        privileged: true',
    '',
  ].join('\n');
}

export interface BucketSpec {
  /** Omitted: no VersioningConfiguration at all (versioning off by default). */
  versioning?: 'Enabled' | 'Suspended';
  bucketName?: string;
}

/** A CloudFormation YAML template with S3 buckets (and optionally other YAML lines before Resources). */
export function bucketTemplate(buckets: Record<string, BucketSpec>, resourcesBefore: string[] = []): string {
  return [
    "AWSTemplateFormatVersion: '2010-09-09'",
    'Resources:',
    ...resourcesBefore,
    ...Object.entries(buckets).flatMap(([id, spec]) => [
      `  ${id}:`,
      '    Type: AWS::S3::Bucket',
      '    Properties:',
      `      BucketName: ${spec.bucketName ?? id.toLowerCase()}`,
      ...(spec.versioning ? ['      VersioningConfiguration:', `        Status: ${spec.versioning}`] : []),
    ]),
    '',
  ].join('\n');
}

/** `count` SQS queues as CloudFormation resource lines (2 lines each), to push later resources down. */
export function queueResources(count: number): string[] {
  return Array.from({ length: count }, (_, i) => [`  Queue${i}:`, '    Type: AWS::SQS::Queue']).flat();
}

/** The 1-based line of the `nth` occurrence of `needle` in `text` (throws if absent, so tests fail loudly). */
export function lineOf(text: string, needle: string, nth = 1): number {
  let index = -1;
  for (let i = 0; i < nth; i++) {
    index = text.indexOf(needle, index + 1);
    if (index === -1) throw new Error(`"${needle}" occurs fewer than ${nth} times`);
  }
  return text.slice(0, index).split('\n').length;
}

/** `RULE file:line` for each finding, in report order. */
export function findingSites(result: Pick<ScanResult, 'findings'>): string[] {
  return result.findings.map((f) => `${f.ruleId} ${f.location.file}:${f.location.startLine}`);
}

/** The findings of one rule in one file. */
export function findingsIn(result: Pick<ScanResult, 'findings'>, file: string, ruleId?: string): Finding[] {
  return result.findings.filter((f) => f.location.file === file && (!ruleId || f.ruleId === ruleId));
}

/** The scan errors about one file. */
export function errorsFor(result: Pick<ScanResult, 'errors'>, file: string): ScanError[] {
  return result.errors.filter((e) => e.file === file);
}
