/**
 * The GitHub App from webhook to completed check run, for a pull request that changes 50 Terraform files of a
 * generated repository (bench/terraform-corpus.ts: service folders calling shared local modules). The App
 * runs as `npm run app` runs it, against the fake GitHub of the tests (a real HTTP server that checks every
 * call against GitHub's OpenAPI description); each run is a new pull request. Prints every run, the median
 * and the p95. Goal: at most 5 s. The App keeps recently fetched files (by blob id), so from the second run on
 * only the changed files are downloaded; `--no-cache` measures every run as the first one.
 *
 * Run: npm run bench:app [-- --runs 7 --files 50 --no-cache --in-process]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PACKAGE_ROOT } from '../scanners/core/package.js';
import { FakeGitHub } from '../test/app/fake-github.js';
import { appEnvironment, deliver, freePort, pullRequestEvent, startTestApp } from '../test/app/harness.js';
import { generateTerraformRepository } from './terraform-corpus.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '7' },
    files: { type: 'string', default: '50' },
    repository: { type: 'string', default: '400' },
    // The App in this process with the fake GitHub, instead of its own process as `npm run app` runs it.
    'in-process': { type: 'boolean', default: false },
    // Every run fetches every file (PALISADE_BLOB_CACHE_BYTES=0), as a first pull request on a repository does.
    'no-cache': { type: 'boolean', default: false },
  },
});
const appEnv: Record<string, string> = values['no-cache'] ? { PALISADE_BLOB_CACHE_BYTES: '0' } : {};
const runs = Number(values.runs);
const changed = Number(values.files);

function readTree(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else files[path.relative(root, full).split(path.sep).join('/')] = readFileSync(full, 'utf8');
    }
  };
  walk(root);
  return files;
}

interface BenchApp {
  url: string;
  idle?(): Promise<void>;
  stop(): Promise<void>;
}

/** The App as `npm run app` runs it (app/main.ts, here through tsx rather than the build), in its own process. */
async function startAppProcess(fake: FakeGitHub): Promise<BenchApp> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'app/main.ts'], {
    cwd: PACKAGE_ROOT,
    env: { ...process.env, ...appEnvironment(fake, port, { LOG_LEVEL: 'warn', ...appEnv }) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  const deadline = Date.now() + 120_000;
  while (!(await listening(port))) {
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`the App did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

async function listening(port: number): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/ping`)).ok;
  } catch {
    return false;
  }
}

const corpus = mkdtempSync(path.join(tmpdir(), 'palisade-app-bench-'));
generateTerraformRepository(corpus, Number(values.repository));
const baseFiles = readTree(corpus);
rmSync(corpus, { recursive: true, force: true });
const terraform = Object.keys(baseFiles)
  .filter((name) => name.endsWith('.tf'))
  .sort();
if (terraform.length < changed) throw new Error(`the corpus has only ${terraform.length} Terraform files`);
// Spread the change over the repository, as a refactoring pull request would.
const step = terraform.length / changed;
const targets = Array.from({ length: changed }, (_, i) => terraform[Math.floor(i * step)] as string);

const github = new FakeGitHub();
await github.start();
const repository = github.addRepository('acme', 'platform');
const base = github.commit(repository, baseFiles, 'main');
const inProcess = values['in-process'];
const app: BenchApp = inProcess ? await inProcessApp() : await startAppProcess(github);

async function inProcessApp(): Promise<BenchApp> {
  const started = await startTestApp(github, appEnv);
  return {
    url: started.url,
    idle: () => started.app.idle(),
    stop: async () => {
      started.app.stop();
      await started.server.stop();
    },
  };
}

const timings: number[] = [];
/** CPU time of this process (the fake GitHub, and the App too with --in-process). */
const cpuSeconds: number[] = [];
try {
  for (let run = 1; run <= runs; run++) {
    const headFiles = { ...baseFiles };
    for (const name of targets)
      headFiles[name] =
        `${headFiles[name]}\n# run ${run}: reviewed\nlocals {\n  bench_run_${run} = "${run}"\n}\n`;
    const head = github.commit(repository, headFiles);
    const pull = github.openPull(repository, 100 + run, base, head);
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const delivery = await deliver(app, 'pull_request', pullRequestEvent(repository, 'opened', pull));
    if (delivery.status !== 200) throw new Error(`webhook answered ${delivery.status}: ${delivery.text}`);
    await completed(String(100 + run));
    const elapsed = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    cpuSeconds.push((cpu.user + cpu.system) / 1e6);
    const check = github.checkRuns.find((r) => r.externalId === String(100 + run));
    if (check?.status !== 'completed') throw new Error(`run ${run}: the check run did not complete`);
    timings.push(elapsed);
    const made = github.requests.filter(
      (r) => r.path.includes(`/pulls/${100 + run}/`) || r.path.includes('/git/'),
    );
    const blobs = made.filter((r) => r.operation.endsWith('/git/blobs/{file_sha}')).length;
    const scanDuration = /Duration: ([^\n]+)/.exec(check.summary ?? '')?.[1] ?? '?';
    github.requests.length = 0;
    console.log(
      `run ${run}: ${(elapsed / 1000).toFixed(2)} s · ${check.conclusion} · ${check.annotations.length} annotations · ` +
        `${blobs} files fetched · scan ${scanDuration} · ${inProcess ? 'CPU' : 'fake GitHub CPU'} ${cpuSeconds.at(-1)?.toFixed(2)} s · ${check.title}`,
    );
  }
  if (github.violations.length) throw new Error(`contract violations:\n${github.violations.join('\n')}`);
} finally {
  await app.stop();
  await github.stop();
}

/** Until the pull request's check run is completed (the App in its own process cannot be asked). */
async function completed(externalId: string): Promise<void> {
  if (app.idle) return app.idle();
  const deadline = Date.now() + 300_000;
  while (github.checkRuns.find((r) => r.externalId === externalId)?.status !== 'completed') {
    if (Date.now() > deadline) throw new Error(`check run ${externalId} did not complete`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const sorted = [...timings].sort((a, b) => a - b);
const quantile = (q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number;
console.log(
  `\n${changed} changed Terraform files in a ${terraform.length}-file Terraform repository, ${runs} runs: ` +
    `median ${(quantile(0.5) / 1000).toFixed(2)} s, p95 ${(quantile(0.95) / 1000).toFixed(2)} s (goal ≤ 5 s); ` +
    `${inProcess ? 'CPU' : 'fake GitHub CPU'} median ${[...cpuSeconds].sort((a, b) => a - b)[Math.floor(cpuSeconds.length / 2)]?.toFixed(2)} s; ` +
    `load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores`,
);
