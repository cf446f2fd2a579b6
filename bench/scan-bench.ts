/**
 * `npm run bench`: scans generated repositories and prints files/s, MB/s and peak memory.
 * Usage: npm run bench -- [--files 1000,5000,10000] [--jobs auto,1,2] [--heavy 1500]
 *        npm run bench -- --terraform [--files 1000,5000,10000] [--jobs auto]
 *        npm run bench -- --secrets [--threads 1,auto] [--limit-seconds 180] (secret engine vs secretlint)
 */

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { scan } from '../scanners/engine/scan.js';
import { generateTerraformRepository } from './terraform-corpus.js';

if (process.argv.includes('--secrets')) {
  // The secret engine against secretlint on node_modules (bench/secrets-bench.ts takes the other options).
  await import('./secrets-bench.js');
  process.exit(0);
}

const { values } = parseArgs({
  options: {
    files: { type: 'string', default: '1000,5000,10000' },
    jobs: { type: 'string', default: 'auto,1,2' },
    heavy: { type: 'string', default: '1500' },
    // Terraform repositories (aws/azurerm/google resources, variables, locals, local modules) instead.
    terraform: { type: 'boolean', default: false },
    // Internal: run one measurement in this (fresh) process and print it as JSON.
    measure: { type: 'string' },
  },
});
const sizes = values.files.split(',').map(Number);
const jobChoices = values.jobs.split(',');

/** A deterministic pseudo-random generator, so every run scans the same corpus. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

function kubernetes(i: number, rand: () => number): string {
  const privileged = rand() < 0.2;
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: service-${i}
  namespace: team-${i % 7}
  labels: { app: service-${i}, tier: backend }
spec:
  replicas: ${1 + (i % 3)}
  selector:
    matchLabels: { app: service-${i} }
  template:
    metadata:
      labels: { app: service-${i} }
    spec:
      containers:
        - name: app
          image: registry.example.com/service-${i}:1.${i % 20}.0
          ports: [{ containerPort: 8080 }]
          resources:
            limits: { cpu: 500m, memory: 256Mi }
          securityContext:
            privileged: ${privileged}
            runAsNonRoot: true
        - name: sidecar
          image: envoyproxy/envoy:v1.31.0
---
apiVersion: v1
kind: Service
metadata:
  name: service-${i}
spec:
  selector: { app: service-${i} }
  ports: [{ port: 80, targetPort: 8080 }]
`;
}

function cloudFormation(i: number, rand: () => number): string {
  const buckets = Array.from({ length: 3 }, (_, b) => {
    const versioning = rand() < 0.7 ? '\n      VersioningConfiguration:\n        Status: Enabled' : '';
    return `  Bucket${b}:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Sub 'app-${i}-${b}-\${AWS::AccountId}'${versioning}
      Tags:
        - Key: team
          Value: team-${i % 7}`;
  }).join('\n');
  return `AWSTemplateFormatVersion: '2010-09-09'
Description: Stack ${i}
Parameters:
  Environment:
    Type: String
    Default: prod
Resources:
${buckets}
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: queue-${i}
`;
}

function terraform(i: number): string {
  return `resource "aws_s3_bucket" "data_${i}" {
  bucket = "data-${i}"
  tags = {
    team = "team-${i % 7}"
  }
}

resource "aws_s3_bucket_versioning" "data_${i}" {
  bucket = aws_s3_bucket.data_${i}.id
  versioning_configuration {
    status = "Enabled"
  }
}

module "network_${i}" {
  source = "./modules/network"
  cidr   = "10.${i % 250}.0.0/16"
}
`;
}

function dockerfile(i: number, rand: () => number): string {
  const base = rand() < 0.3 ? 'node' : `node:20.${i % 10}.0-bookworm-slim`;
  return `FROM ${base} AS build
WORKDIR /app
COPY package*.json ./
RUN npm ci
COPY . .
RUN npm run build

FROM gcr.io/distroless/nodejs20-debian12
COPY --from=build /app/dist /app
USER nonroot
CMD ["/app/server.js"]
`;
}

function sourceCode(i: number, rand: () => number): string {
  const key = rand() < 0.05 ? `const awsKey = 'AKIA${'QWERTYUIOPASDFGH'}';\n` : '';
  const body = Array.from(
    { length: 40 },
    (_, n) =>
      `export function handler${n}(event: { id: string }) {\n  return { id: event.id, n: ${n * i} };\n}\n`,
  ).join('');
  return `// Module ${i}\n${key}${body}`;
}

function generate(root: string, count: number): void {
  const rand = random(count);
  for (let i = 0; i < count; i++) {
    const dir = path.join(root, `svc-${Math.floor(i / 50)}`);
    mkdirSync(dir, { recursive: true });
    const kind = i % 10;
    if (kind < 4) writeFileSync(path.join(dir, `main-${i}.tf`), terraform(i));
    else if (kind < 6) writeFileSync(path.join(dir, `deploy-${i}.yaml`), kubernetes(i, rand));
    else if (kind < 8) writeFileSync(path.join(dir, `stack-${i}.yaml`), cloudFormation(i, rand));
    else if (kind < 9) writeFileSync(path.join(dir, `Dockerfile.${i}`), dockerfile(i, rand));
    else writeFileSync(path.join(dir, `handler-${i}.ts`), sourceCode(i, rand));
  }
}

/** Big multi-document manifests: parsing dominates, which is where worker threads pay. */
function generateHeavyYaml(root: string, count: number): void {
  const rand = random(count);
  for (let i = 0; i < count; i++) {
    const dir = path.join(root, `cluster-${Math.floor(i / 50)}`);
    mkdirSync(dir, { recursive: true });
    const documents = Array.from({ length: 12 }, (_, d) => kubernetes(i * 100 + d, rand));
    writeFileSync(path.join(dir, `bundle-${i}.yaml`), documents.join('---\n'));
  }
}

interface Measurement {
  files: number;
  seconds: number;
  bytes: number;
  findings: number;
  peakRssMiB: number;
}

/** One scan in this process; peak memory is the process's own (worker threads included). */
async function measure(root: string, jobs: string): Promise<Measurement> {
  const started = performance.now();
  const result = await scan({ root, jobs: jobs === 'auto' ? undefined : Number(jobs), baseline: false });
  const seconds = (performance.now() - started) / 1000;
  return {
    files: result.stats.filesScanned,
    seconds,
    bytes: result.stats.bytesScanned,
    findings: result.findings.length,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
  };
}

if (values.measure) {
  const [root = '', jobs = 'auto'] = values.measure.split('::');
  console.log(JSON.stringify(await measure(root, jobs)));
  process.exit(0);
}

/** Each measurement runs in a fresh process, so peak memory belongs to that scan alone. */
function measureInChild(root: string, jobs: string): Measurement {
  const output = execFileSync(
    process.execPath,
    // execArgv carries a TypeScript loader when the bench runs from sources (tsx).
    [...process.execArgv, fileURLToPath(import.meta.url), '--measure', `${root}::${jobs}`],
    {
      encoding: 'utf8',
    },
  );
  return JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as Measurement;
}

function row(corpus: string, jobs: string, m: Measurement): string {
  const mb = m.bytes / 1024 / 1024;
  return [
    corpus.padEnd(22),
    jobs.padStart(4),
    String(m.files).padStart(6),
    mb.toFixed(1).padStart(7),
    m.seconds.toFixed(2).padStart(8),
    (m.files / m.seconds).toFixed(0).padStart(8),
    (mb / m.seconds).toFixed(2).padStart(7),
    String(m.findings).padStart(9),
    m.peakRssMiB.toFixed(0).padStart(9),
  ].join(' ');
}

function runCorpus(name: string, fill: (root: string) => void): void {
  const root = mkdtempSync(path.join(tmpdir(), 'palisade-bench-'));
  try {
    fill(root);
    for (const jobs of jobChoices) console.log(row(name, jobs, measureInChild(root, jobs)));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

console.log(`node ${process.version}, ${availableParallelism()} cores; each row is a fresh process`);
console.log('corpus                 jobs  files      MB  seconds  files/s    MB/s  findings  peak MiB');
if (values.terraform) {
  // Terraform repositories: n Terraform files plus ~10% CloudFormation and Kubernetes files.
  for (const count of sizes)
    runCorpus(`terraform, ${count} tf`, (root) => generateTerraformRepository(root, count));
} else {
  for (const count of sizes) runCorpus(`mixed, ${count} files`, (root) => generate(root, count));
  const heavy = Number(values.heavy);
  if (heavy > 0) runCorpus(`large YAML, ${heavy} files`, (root) => generateHeavyYaml(root, heavy));
}
