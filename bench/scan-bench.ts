/**
 * `npm run bench`: scans generated repositories and prints files/s, MB/s and peak memory.
 * Usage: npm run bench -- [--files 2000,10000] [--jobs 1,2]
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { scan } from '../scanners/engine/scan.js';

const { values } = parseArgs({
  options: { files: { type: 'string', default: '2000,10000' }, jobs: { type: 'string', default: '1,2' } },
});
const sizes = values.files.split(',').map(Number);
const jobCounts = values.jobs.split(',').map(Number);

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

/** Peak resident memory of this process (worker threads included), sampled and from the OS. */
function peakRssMiB(sampled: number): number {
  const fromOs = process.resourceUsage().maxRSS / 1024;
  return Math.max(sampled / 1024 / 1024, fromOs);
}

console.log(`node ${process.version}, ${(await import('node:os')).availableParallelism()} cores`);
console.log('files   jobs  seconds   files/s    MB/s  findings  peak RSS (MiB)');
for (const count of sizes) {
  const root = mkdtempSync(path.join(tmpdir(), `palisade-bench-${count}-`));
  try {
    generate(root, count);
    for (const jobs of jobCounts) {
      let peak = 0;
      const sampler = setInterval(() => {
        peak = Math.max(peak, process.memoryUsage().rss);
      }, 20);
      const started = performance.now();
      const result = await scan({ root, jobs, baseline: false });
      const seconds = (performance.now() - started) / 1000;
      clearInterval(sampler);
      const mb = result.stats.bytesScanned / 1024 / 1024;
      console.log(
        [
          String(result.stats.filesScanned).padEnd(7),
          String(jobs).padStart(4),
          seconds.toFixed(2).padStart(8),
          (result.stats.filesScanned / seconds).toFixed(0).padStart(9),
          (mb / seconds).toFixed(2).padStart(7),
          String(result.findings.length).padStart(9),
          peakRssMiB(peak).toFixed(0).padStart(15),
        ].join(' '),
      );
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
