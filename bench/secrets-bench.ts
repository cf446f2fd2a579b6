/**
 * Secret scanning throughput: Palisade's secret engine (every detector, one pass per file) against
 * secretlint 13 with its recommended preset, on this repository's node_modules. Each tool runs in its own
 * process so peak RSS is its own. Run: npm run bench:secrets [-- --limit-seconds 120]
 */
import { spawnSync } from 'node:child_process';
import { lstatSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = path.join(ROOT, 'node_modules');
const MAX_FILE = 5 * 1024 * 1024;

interface Result {
  tool: string;
  files: number;
  bytes: number;
  seconds: number;
  findings: number;
  peakRssMiB: number;
  complete: boolean;
}

function corpusFiles(): Array<{ file: string; size: number }> {
  const out: Array<{ file: string; size: number }> = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isSymbolicLink()) continue;
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) {
        const size = lstatSync(full).size;
        if (size > 0 && size <= MAX_FILE) out.push({ file: full, size });
      }
    }
  };
  walk(CORPUS);
  return out.sort((a, b) => (a.file < b.file ? -1 : 1));
}

function readText(file: string): string | undefined {
  const buffer = readFileSync(file);
  if (buffer.subarray(0, 8000).includes(0)) return undefined;
  return buffer.toString('utf8');
}

async function runPalisade(files: Array<{ file: string }>, limit: number): Promise<Result> {
  await import('../rules/index.js');
  const { scanText, registeredDetectors } = await import('../scanners/secrets/engine.js');
  const { regexEngine } = await import('../scanners/secrets/regex.js');
  const started = performance.now();
  let bytes = 0;
  let count = 0;
  let findings = 0;
  let complete = true;
  for (const { file } of files) {
    const text = readText(file);
    if (text === undefined) continue;
    findings += scanText(path.relative(ROOT, file), text).length;
    bytes += Buffer.byteLength(text);
    count++;
    if ((performance.now() - started) / 1000 > limit) {
      complete = false;
      break;
    }
  }
  return {
    tool: `palisade (${registeredDetectors().length} detectors, ${regexEngine().name})`,
    files: count,
    bytes,
    seconds: (performance.now() - started) / 1000,
    findings,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    complete,
  };
}

async function runSecretlint(files: Array<{ file: string }>, limit: number): Promise<Result> {
  const { createEngine } = await import('@secretlint/node');
  const engine = await createEngine({
    cwd: ROOT,
    formatter: 'json',
    color: false,
    maskSecrets: true,
    configFileJSON: { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] },
  });
  const started = performance.now();
  let bytes = 0;
  let count = 0;
  let findings = 0;
  let complete = true;
  for (const { file } of files) {
    const text = readText(file);
    if (text === undefined) continue;
    const result = await engine.executeOnContent({ content: text, filePath: file });
    if (!result.ok)
      findings += (JSON.parse(result.output) as Array<{ messages: unknown[] }>)[0]?.messages.length ?? 0;
    bytes += Buffer.byteLength(text);
    count++;
    if ((performance.now() - started) / 1000 > limit) {
      complete = false;
      break;
    }
  }
  return {
    tool: 'secretlint 13 + preset-recommend',
    files: count,
    bytes,
    seconds: (performance.now() - started) / 1000,
    findings,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    complete,
  };
}

function line(r: Result): string {
  const mb = r.bytes / 1e6;
  return `${r.tool.padEnd(44)} ${mb.toFixed(1).padStart(7)} MB ${String(r.files).padStart(7)} files ${r.seconds.toFixed(1).padStart(7)} s ${(mb / r.seconds).toFixed(2).padStart(8)} MB/s ${(r.files / r.seconds).toFixed(0).padStart(6)} files/s  peak RSS ${r.peakRssMiB.toFixed(0)} MiB  findings ${r.findings}${r.complete ? '' : '  (time limit reached: partial corpus)'}`;
}

const args = process.argv.slice(2);
const limitAt = args.indexOf('--limit-seconds');
const limit = limitAt >= 0 ? Number(args[limitAt + 1]) : 180;
const childTool = args.includes('--child') ? args[args.indexOf('--child') + 1] : undefined;

if (childTool) {
  // The parent's file list, so both tools see exactly the same corpus.
  const files = JSON.parse(readFileSync(args[args.indexOf('--files') + 1]!, 'utf8')) as Array<{
    file: string;
    size: number;
  }>;
  const result =
    childTool === 'palisade' ? await runPalisade(files, limit) : await runSecretlint(files, limit);
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else {
  const files = corpusFiles();
  const total = files.reduce((sum, f) => sum + f.size, 0);
  console.log(
    `corpus: ${CORPUS}: ${files.length} files, ${(total / 1e6).toFixed(1)} MB (files up to 5 MB, symlinks skipped)`,
  );
  console.log(`Node ${process.version}; each tool in its own process, time limit ${limit} s each`);
  const listFile = path.join(mkdtempSync(path.join(tmpdir(), 'palisade-bench-')), 'files.json');
  writeFileSync(listFile, JSON.stringify(files));
  const results: Result[] = [];
  for (const tool of ['palisade', 'secretlint']) {
    const child = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        fileURLToPath(import.meta.url),
        '--child',
        tool,
        '--limit-seconds',
        String(limit),
        '--files',
        listFile,
      ],
      {
        cwd: ROOT,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    if (child.status !== 0) {
      console.log(`${tool} failed: ${child.stderr.slice(-2000)}`);
      continue;
    }
    const result = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as Result;
    results.push(result);
    console.log(line(result));
  }
  const [palisade, secretlint] = results;
  if (palisade && secretlint) {
    const ratio = palisade.bytes / palisade.seconds / (secretlint.bytes / secretlint.seconds);
    console.log(
      `throughput ratio palisade / secretlint: ${ratio.toFixed(1)}x (goal ≥ 10x); palisade peak RSS ${palisade.peakRssMiB.toFixed(0)} MiB (goal < 512 MiB)`,
    );
  }
}
