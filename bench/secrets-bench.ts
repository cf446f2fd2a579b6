/**
 * Secret scanning throughput: Palisade's secret engine (every detector, one pass per file) against
 * secretlint 13 with its recommended preset, on this repository's node_modules. Each measurement runs in its
 * own process so peak RSS is its own. secretlint scans on one thread; Palisade is measured on one thread and
 * on every core (worker threads, as the CLI's `--jobs` does), and both ratios are printed.
 *
 * Shared virtual machines vary by a third or more from one minute to the next, so the tools take turns over
 * several rounds (default 3) and the ratios compare medians. Each measurement's process goes over the corpus
 * `--passes` times (default 2): the first pass includes start-up (compiling patterns, warming the JIT), as
 * one scan of this corpus does; the last shows the rate once started, which a larger repository approaches.
 *
 * Run: npm run bench:secrets [-- --threads 1,auto --rounds 3 --passes 2 --limit-seconds 180]
 *      npm run bench -- --secrets (same, after a build)
 */
import { spawnSync } from 'node:child_process';
import { lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { PACKAGE_ROOT } from '../scanners/core/package.js';
import { readTextFile, readTextSource } from '../scanners/core/text-file.js';

const MAX_FILE = 5 * 1024 * 1024;
/** Files a worker takes at a time (the CLI's batches hold up to 64 files). */
const WORKER_BATCH = 64;

interface CorpusFile {
  file: string;
  /** The path as a scan names it (from the repository root), worked out with the list, as the CLI's walk does. */
  relative: string;
  size: number;
}

/** One pass of one tool over the corpus. */
interface Result {
  tool: string;
  threads: number;
  /** 1 for the first pass in a fresh process, 2 for the next one, and so on. */
  pass: number;
  files: number;
  bytes: number;
  seconds: number;
  findings: number;
  peakRssMiB: number;
  complete: boolean;
}

interface Tally {
  files: number;
  bytes: number;
  findings: number;
  complete: boolean;
}

function corpusFiles(corpus: string): CorpusFile[] {
  const out: CorpusFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isSymbolicLink()) continue;
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) {
        const size = lstatSync(full).size;
        if (size > 0 && size <= MAX_FILE)
          out.push({ file: full, relative: path.relative(PACKAGE_ROOT, full), size });
      }
    }
  };
  walk(corpus);
  return out.sort((a, b) => (a.file < b.file ? -1 : 1));
}

/** The file's text as a string, or undefined for a binary file (a NUL in the first 8,000 bytes). */
function readText(file: string, size: number): { text: string; bytes: number } | undefined {
  const read = readTextFile(file, size);
  return read.binary ? undefined : read;
}

/** Loads only the secret rules (each registers its detectors with the engine), not the whole catalogue. */
async function loadSecretRules(): Promise<void> {
  const extension = import.meta.url.endsWith('.ts') ? 'ts' : 'js';
  const folder = fileURLToPath(new URL('../rules/secrets/', import.meta.url));
  for (const group of readdirSync(folder, { withFileTypes: true }).filter((e) => e.isDirectory()))
    await import(new URL(`../rules/secrets/${group.name}/rule.${extension}`, import.meta.url).href);
}

/**
 * Scans files with Palisade's secret engine until none is left or the time limit passes. `next` hands out
 * file indexes, so several threads can share one list.
 */
async function palisadeScanner(): Promise<{
  name: string;
  scan: (files: CorpusFile[], next: () => number, deadline: number) => Tally;
}> {
  await loadSecretRules();
  const { scanText, registeredDetectors } = await import('../scanners/secrets/engine.js');
  const { regexEngine } = await import('../scanners/secrets/regex.js');
  const name = `palisade (${registeredDetectors().length} detectors, ${regexEngine().name})`;
  const scan = (files: CorpusFile[], next: () => number, deadline: number): Tally => {
    const tally: Tally = { files: 0, bytes: 0, findings: 0, complete: true };
    for (let index = next(); index < files.length; index = next()) {
      // As the CLI reads a file that no parser takes: a large text as CodeUnits, not as a string.
      const read = readTextSource(files[index]!.file, files[index]!.size);
      if (read.binary) continue;
      tally.findings += scanText(files[index]!.relative, read.text).length;
      tally.bytes += read.bytes;
      tally.files++;
      if (performance.now() > deadline) {
        tally.complete = false;
        break;
      }
    }
    return tally;
  };
  return { name, scan };
}

async function runPalisade(
  files: CorpusFile[],
  limit: number,
  threads: number,
  passes: number,
): Promise<Result[]> {
  const results: Result[] = [];
  if (threads === 1) {
    const { name, scan } = await palisadeScanner();
    for (let pass = 1; pass <= passes; pass++) {
      let cursor = 0;
      const started = performance.now();
      const tally = scan(files, () => cursor++, started + limit * 1000);
      results.push(finish(name, 1, pass, tally, started));
    }
    return results;
  }
  // Worker threads share a cursor in shared memory; the clock starts once every worker has loaded the rules.
  const cursor = new Int32Array(new SharedArrayBuffer(4));
  const workers = Array.from(
    { length: threads },
    () =>
      new Worker(workerSource(), {
        eval: true,
        workerData: { role: 'secrets-bench-worker', files, cursor, limit },
      }),
  );
  const [tool] = await Promise.all(workers.map((worker) => once<string>(worker)));
  for (let pass = 1; pass <= passes; pass++) {
    Atomics.store(cursor, 0, 0);
    const started = performance.now();
    const tallies = workers.map((worker) => once<Tally>(worker));
    for (const worker of workers) worker.postMessage('go');
    const total: Tally = { files: 0, bytes: 0, findings: 0, complete: true };
    for (const tally of await Promise.all(tallies)) {
      total.files += tally.files;
      total.bytes += tally.bytes;
      total.findings += tally.findings;
      total.complete &&= tally.complete;
    }
    results.push(finish(tool!, threads, pass, total, started));
  }
  await Promise.all(workers.map((worker) => worker.terminate()));
  return results;
}

/**
 * The worker's code: this module, loaded through import(). From TypeScript sources (tsx), the worker first
 * registers tsx's loader itself (`--import tsx` in a worker's execArgv does not reach it on Node 20).
 */
function workerSource(): string {
  const self = JSON.stringify(import.meta.url);
  if (!import.meta.url.endsWith('.ts')) return `import(${self})`;
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  return `import(${tsx}).then((tsx) => { tsx.register(); return import(${self}); })`;
}

function once<T>(worker: Worker): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: T) => {
      worker.off('error', reject);
      resolve(message);
    };
    worker.once('message', onMessage);
    worker.once('error', reject);
  });
}

function finish(tool: string, threads: number, pass: number, tally: Tally, started: number): Result {
  return {
    tool,
    threads,
    pass,
    files: tally.files,
    bytes: tally.bytes,
    seconds: (performance.now() - started) / 1000,
    findings: tally.findings,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    complete: tally.complete,
  };
}

async function runSecretlint(files: CorpusFile[], limit: number, passes: number): Promise<Result[]> {
  const { createEngine } = await import('@secretlint/node');
  const engine = await createEngine({
    cwd: PACKAGE_ROOT,
    formatter: 'json',
    color: false,
    maskSecrets: true,
    configFileJSON: { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] },
  });
  const results: Result[] = [];
  for (let pass = 1; pass <= passes; pass++) {
    const started = performance.now();
    const tally: Tally = { files: 0, bytes: 0, findings: 0, complete: true };
    for (const { file, size } of files) {
      const read = readText(file, size);
      if (read === undefined) continue;
      const result = await engine.executeOnContent({ content: read.text, filePath: file });
      if (!result.ok)
        tally.findings +=
          (JSON.parse(result.output) as Array<{ messages: unknown[] }>)[0]?.messages.length ?? 0;
      tally.bytes += read.bytes;
      tally.files++;
      if ((performance.now() - started) / 1000 > limit) {
        tally.complete = false;
        break;
      }
    }
    results.push(finish('secretlint 13 + preset-recommend', 1, pass, tally, started));
  }
  return results;
}

function line(r: Result): string {
  const mb = r.bytes / 1e6;
  return `${r.tool.padEnd(36)} ${String(r.threads).padStart(2)} thr pass ${r.pass} ${mb.toFixed(1).padStart(7)} MB ${String(r.files).padStart(7)} files ${r.seconds.toFixed(1).padStart(7)} s ${(mb / r.seconds).toFixed(2).padStart(8)} MB/s ${(r.files / r.seconds).toFixed(0).padStart(6)} files/s  peak RSS ${r.peakRssMiB.toFixed(0)} MiB  findings ${r.findings}${r.complete ? '' : '  (time limit reached: partial corpus)'}`;
}

function throughput(r: Result): number {
  return r.bytes / r.seconds;
}

/** Medians per tool and thread count, and the ratios of Palisade's to secretlint's. */
function printSummary(results: Result[], threadCounts: number[], rounds: number, which: string): void {
  const secretlint = median(results.filter((r) => r.tool.startsWith('secretlint')));
  if (!secretlint) return;
  console.log(`median of ${rounds} round${rounds > 1 ? 's' : ''}, ${which} (MB/s):`);
  console.log(`  ${secretlint.tool}: ${(throughput(secretlint) / 1e6).toFixed(2)}`);
  for (const threads of threadCounts) {
    const runs = results.filter((r) => r.tool.startsWith('palisade') && r.threads === threads);
    const palisade = median(runs);
    if (!palisade) continue;
    const peak = Math.max(...runs.map((r) => r.peakRssMiB));
    console.log(
      `  ${palisade.tool}, ${threads} thread${threads > 1 ? 's' : ''}: ${(throughput(palisade) / 1e6).toFixed(2)}; ratio to secretlint (1 thread) ${(throughput(palisade) / throughput(secretlint)).toFixed(1)}x (goal ≥ 10x); peak RSS at most ${peak.toFixed(0)} MiB (goal < 512 MiB)`,
    );
  }
}

/** The run with the median throughput (the lower middle one of an even count). */
function median(runs: Result[]): Result | undefined {
  const sorted = [...runs].sort((a, b) => throughput(a) - throughput(b));
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

if (!isMainThread && (workerData as { role?: string } | undefined)?.role === 'secrets-bench-worker') {
  const { files, cursor, limit } = workerData as { files: CorpusFile[]; cursor: Int32Array; limit: number };
  const { name, scan } = await palisadeScanner();
  // One message per pass. Each thread's clock has its own origin, so the deadline is taken here.
  parentPort!.on('message', () => {
    // Files go out in runs of consecutive ones, as the CLI hands its workers batches of up to 64 files.
    let index = 0;
    let end = 0;
    const next = () => {
      if (index === end) {
        index = Atomics.add(cursor, 0, WORKER_BATCH);
        end = index + WORKER_BATCH;
      }
      return index++;
    };
    parentPort!.postMessage(scan(files, next, performance.now() + limit * 1000));
  });
  // Ready: the tool's name.
  parentPort!.postMessage(name);
} else {
  const { values } = parseArgs({
    options: {
      'limit-seconds': { type: 'string', default: '180' },
      // Each tool is measured this many times, in turns; the summary compares medians.
      rounds: { type: 'string', default: '3' },
      // Passes over the corpus in each measurement's process: the first is a cold start, the last warm.
      passes: { type: 'string', default: '2' },
      // Palisade thread counts to measure: numbers or `auto` (every available core).
      threads: { type: 'string', default: '1,auto' },
      // Another folder to scan instead of node_modules.
      corpus: { type: 'string', default: path.join(PACKAGE_ROOT, 'node_modules') },
      // Internal: one measurement in this (fresh) process, printed as JSON.
      child: { type: 'string' },
      files: { type: 'string' },
      // Accepted so that `npm run bench -- --secrets` can hand its arguments over unchanged.
      secrets: { type: 'boolean', default: false },
    },
  });
  const limit = Number(values['limit-seconds']);
  const rounds = Number(values.rounds);
  const passes = Number(values.passes);
  if (!Number.isInteger(passes) || passes < 1)
    throw new Error(`--passes takes a positive integer, not "${values.passes}"`);
  if (!Number.isInteger(rounds) || rounds < 1)
    throw new Error(`--rounds takes a positive integer, not "${values.rounds}"`);
  if (values.child) {
    // The parent's file list, so every measurement sees exactly the same corpus.
    const files = JSON.parse(readFileSync(values.files!, 'utf8')) as CorpusFile[];
    const [tool, threads] = values.child.split(':');
    const results =
      tool === 'palisade'
        ? await runPalisade(files, limit, Number(threads), passes)
        : await runSecretlint(files, limit, passes);
    process.stdout.write(`${JSON.stringify(results)}\n`);
  } else {
    const cores = availableParallelism();
    const threadCounts = [
      ...new Set(values.threads.split(',').map((t) => (t === 'auto' ? cores : Number(t)))),
    ];
    if (threadCounts.some((t) => !Number.isInteger(t) || t < 1))
      throw new Error(`--threads takes positive integers or auto, not "${values.threads}"`);
    const corpus = path.resolve(values.corpus);
    const files = corpusFiles(corpus);
    const total = files.reduce((sum, f) => sum + f.size, 0);
    console.log(
      `corpus: ${corpus}: ${files.length} files, ${(total / 1e6).toFixed(1)} MB (files up to 5 MB, symlinks skipped; binary files are read, then skipped by both tools)`,
    );
    console.log(
      `Node ${process.version}, ${cores} cores (${cpus()[0]?.model ?? 'unknown CPU'}); each measurement in its own process, time limit ${limit} s each; secretlint runs on one thread`,
    );
    // Every tool is timed on a warm file cache: otherwise whichever runs first also pays for the disk.
    const warming = performance.now();
    for (const { file } of files) readTextFile(file);
    console.log(
      `file cache warmed: every file read once in ${((performance.now() - warming) / 1000).toFixed(1)} s`,
    );
    const folder = mkdtempSync(path.join(tmpdir(), 'palisade-bench-'));
    const listFile = path.join(folder, 'files.json');
    writeFileSync(listFile, JSON.stringify(files));
    const results: Result[] = [];
    try {
      for (let round = 1; round <= rounds; round++) {
        console.log(`round ${round} of ${rounds}`);
        for (const child of [...threadCounts.map((t) => `palisade:${t}`), 'secretlint:1']) {
          const run = spawnSync(
            process.execPath,
            [
              // execArgv carries the TypeScript loader when the bench runs from sources (tsx).
              ...process.execArgv,
              fileURLToPath(import.meta.url),
              '--child',
              child,
              '--limit-seconds',
              String(limit),
              '--passes',
              String(passes),
              '--files',
              listFile,
            ],
            { cwd: PACKAGE_ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
          );
          if (run.status !== 0) {
            console.log(`${child} failed: ${run.stderr.slice(-2000)}`);
            continue;
          }
          for (const result of JSON.parse(run.stdout.trim().split('\n').at(-1)!) as Result[]) {
            results.push(result);
            console.log(line(result));
          }
        }
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    printSummary(
      results.filter((r) => r.pass === 1),
      threadCounts,
      rounds,
      'first pass in a fresh process (start-up included, as one scan of this corpus)',
    );
    if (passes > 1)
      printSummary(
        results.filter((r) => r.pass === passes),
        threadCounts,
        rounds,
        `pass ${passes} (after start-up: the rate a larger repository converges to)`,
      );
  }
}
