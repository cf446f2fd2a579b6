/**
 * `npm run bench:server`: ingests 1,000,000 findings across 1,000 repositories through the real API
 * (fastify inject: validation, secret checks, lifecycle, storage), on SQLite and on PostgreSQL, each in a
 * fresh process, and prints the server's ingest time (requests only, not the bench building their JSON),
 * findings/s, peak memory and the p50/p95 latency of the common finding queries at that size. With
 * --analysis it also times one code-to-cloud analysis of the organisation (its worker is off during the
 * ingest, as on an ingest-only replica).
 * Usage: npm run bench:server -- [--findings 1000000] [--repositories 1000] [--backends sqlite,postgres] [--analysis]
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { buildApp } from '../server/app.js';
import { bootstrap } from '../server/bootstrap.js';

const { values } = parseArgs({
  options: {
    findings: { type: 'string', default: '1000000' },
    repositories: { type: 'string', default: '1000' },
    backends: { type: 'string', default: 'sqlite,postgres' },
    postgres: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
    // Also time one code-to-cloud analysis of the whole organisation (minutes at a million findings).
    analysis: { type: 'boolean', default: false },
    // Internal: run one backend in this (fresh) process and print its figures as JSON.
    measure: { type: 'string' },
  },
});

const TOKEN = 'pal_bench-admin-token-0123456789abcdef';
const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
const CATEGORIES = ['iac', 'iac', 'iac', 'secret', 'pipeline'] as const;

interface Figures {
  backend: string;
  findings: number;
  repositories: number;
  ingestSeconds: number;
  findingsPerSecond: number;
  peakRssMiB: number;
  ownersSeconds: number;
  /** One code-to-cloud analysis of the whole organisation, after the queries (with --analysis). */
  analysisSeconds: number | null;
  queries: Array<{ name: string; p50: number; p95: number }>;
}

/** One repository's upload: findings spread over rules, files, severities and categories. */
function uploadFor(repository: number, count: number) {
  const findings = Array.from({ length: count }, (_, i) => {
    const ruleNumber = (i * 7 + repository) % 300;
    const severity = SEVERITIES[(i + repository) % SEVERITIES.length]!;
    const ruleId = `PAL-BENCH-${String(ruleNumber).padStart(3, '0')}`;
    const file = `modules/m${i % 40}/${['main', 'network', 'storage', 'iam'][i % 4]}.tf`;
    return {
      ruleId,
      title: `Benchmark rule ${ruleNumber}`,
      severity,
      category: CATEGORIES[ruleNumber % CATEGORIES.length]!,
      message: `Resource aws_s3_bucket.b${i} in ${file} breaks ${ruleId}.`,
      location: { file, startLine: 1 + (i % 400), startColumn: 3, endLine: 1 + (i % 400), endColumn: 30 },
      resource: `aws_s3_bucket.b${i}`,
      remediation: 'Set the secure value.',
      helpUri: `https://palisade.dev/rules/${ruleId}`,
      cwe: ['CWE-693'],
      benchmarks: [],
      tags: ['aws'],
      fingerprint: createHash('sha256').update(`${repository}/${i}`).digest('hex'),
    };
  });
  return {
    provider: 'github',
    organization: `team-${repository % 25}`,
    repository: `service-${repository}`,
    branch: 'main',
    commit: createHash('sha1').update(String(repository)).digest('hex'),
    kind: 'full',
    runId: `bench-${repository}`,
    tool: { name: 'palisade', version: 'bench' },
    findings,
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function measure(backend: string): Promise<Figures> {
  const total = Number(values.findings);
  const repositories = Number(values.repositories);
  const perRepository = Math.ceil(total / repositories);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'palisade-bench-server-'));
  let databaseUrl: string | undefined;
  const database = `palisade_bench_${process.pid}`;
  if (backend === 'postgres') {
    const admin = new pg.Client({ connectionString: values.postgres });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    await admin.end();
    const url = new URL(values.postgres);
    url.pathname = `/${database}`;
    databaseUrl = url.toString();
  }
  // The analysis worker is off while ingesting, as on an ingest-only replica: it is measured on its own after.
  const app = buildApp({
    dataDir,
    databaseUrl,
    ingestRateLimit: { max: 1_000_000, timeWindow: 60_000 },
    codeToCloud: { worker: false },
  });
  try {
    await app.ready();
    await bootstrap(app.storage, { adminToken: TOKEN });
    const headers = { authorization: `Bearer ${TOKEN}` };

    // The server's time only: each upload's JSON is built before its request, as a client would have it.
    let ingestMs = 0;
    const uploadHeaders = { ...headers, 'content-type': 'application/json' };
    for (let repository = 0; repository < repositories; repository++) {
      const payload = JSON.stringify(uploadFor(repository, perRepository));
      const started = performance.now();
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/scans',
        headers: uploadHeaders,
        payload,
      });
      ingestMs += performance.now() - started;
      if (response.statusCode !== 201)
        throw new Error(`upload ${repository}: ${response.statusCode} ${response.body}`);
    }
    const ingestSeconds = ingestMs / 1000;
    // Owners as a CODEOWNERS derivation sets them: 25 teams, each owning every 25th repository's findings
    // (ids run 1…N in upload order on both databases).
    const ownersStarted = performance.now();
    const organization = await app.storage.findOrganizationBySlug('default');
    await app.storage.deriveFindingOwners(
      organization!.id,
      Array.from({ length: perRepository * repositories }, (_, index) => ({
        findingId: index + 1,
        owner: `team-${Math.floor(index / perRepository) % 25}`,
      })),
      'codeowners',
      new Date().toISOString(),
    );
    const ownersSeconds = (performance.now() - ownersStarted) / 1000;
    // The hourly statistics refresh, run now rather than measure queries planned without statistics.
    await app.storage.optimize();
    if (databaseUrl) {
      // Autovacuum does this after a bulk load (PostgreSQL 13+ triggers on inserts); run it now rather than
      // measure queries on a database whose statistics and visibility map lag a million rows behind.
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      await client.query('VACUUM (ANALYZE)');
      await client.end();
    }

    const repositoryList = (await app.inject({ url: '/api/v1/repositories', headers })).json()
      .items as Array<{
      id: number;
    }>;
    const someRepository = repositoryList[Math.floor(repositoryList.length / 2)]!.id;
    const weekAgo = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
    const queries: Array<[string, string]> = [
      ['newest open findings', '/api/v1/findings?status=open&limit=50'],
      ['critical, by severity', '/api/v1/findings?severity=critical&sort=severity&limit=50'],
      ['one repository', `/api/v1/findings?repository=${someRepository}&limit=50`],
      ['one rule', '/api/v1/findings?rule=PAL-BENCH-042&limit=50'],
      ['secrets, page 20', '/api/v1/findings?category=secret&limit=50&offset=950'],
      ['repositories', '/api/v1/repositories'],
      ['one owner', '/api/v1/findings?owner=team-7&limit=50'],
      ['owner, open critical', '/api/v1/findings?owner=team-7&status=open&severity=critical&limit=50'],
      ['older than 30 days', '/api/v1/findings?minAgeDays=30&limit=50'],
      ['opened this week', `/api/v1/findings?openedAfter=${weekAgo}&status=open&limit=50`],
      ['owner, oldest first', '/api/v1/findings?owner=team-7&sort=firstSeen&order=asc&limit=50'],
      ['trends, 30 days', '/api/v1/trends?days=30'],
      ['trends, one repository', `/api/v1/trends?days=30&repository=${someRepository}`],
    ];
    const results: Figures['queries'] = [];
    for (const [name, url] of queries) {
      const times: number[] = [];
      for (let i = 0; i < 40; i++) {
        const t = performance.now();
        const response = await app.inject({ url, headers });
        times.push(performance.now() - t);
        if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode}`);
      }
      times.sort((a, b) => a - b);
      results.push({ name, p50: percentile(times, 50), p95: percentile(times, 95) });
    }
    let analysisSeconds: number | null = null;
    if (values.analysis) {
      const analysisStarted = performance.now();
      if (!(await app.analysisRunner.runOnce())) throw new Error('no analysis was waiting after the ingest');
      analysisSeconds = (performance.now() - analysisStarted) / 1000;
    }
    return {
      backend,
      findings: perRepository * repositories,
      repositories,
      ingestSeconds,
      findingsPerSecond: (perRepository * repositories) / ingestSeconds,
      peakRssMiB: process.resourceUsage().maxRSS / 1024,
      ownersSeconds,
      analysisSeconds,
      queries: results,
    };
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
    if (backend === 'postgres') {
      const admin = new pg.Client({ connectionString: values.postgres });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin.end();
    }
  }
}

if (values.measure) {
  process.stdout.write(`${JSON.stringify(await measure(values.measure))}\n`);
} else {
  const self = fileURLToPath(import.meta.url);
  console.log(
    `Ingesting ${Number(values.findings).toLocaleString('en')} findings across ${values.repositories} repositories per backend (each in a fresh process).`,
  );
  for (const backend of values.backends.split(',')) {
    const output = execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        self,
        '--measure',
        backend,
        '--findings',
        values.findings,
        '--repositories',
        values.repositories,
        '--postgres',
        values.postgres,
        ...(values.analysis ? ['--analysis'] : []),
      ],
      { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const figures = JSON.parse(output.trim().split('\n').at(-1)!) as Figures;
    console.log(
      `\n${figures.backend}: ${figures.findings.toLocaleString('en')} findings in ${figures.ingestSeconds.toFixed(1)} s ` +
        `(${Math.round(figures.findingsPerSecond).toLocaleString('en')} findings/s), peak RSS ${Math.round(figures.peakRssMiB)} MiB, ` +
        `owners derived in ${figures.ownersSeconds.toFixed(1)} s` +
        (figures.analysisSeconds === null
          ? ''
          : `, one code-to-cloud analysis in ${figures.analysisSeconds.toFixed(1)} s`),
    );
    for (const query of figures.queries) {
      console.log(
        `  ${query.name.padEnd(24)} p50 ${query.p50.toFixed(1).padStart(7)} ms   p95 ${query.p95.toFixed(1).padStart(7)} ms`,
      );
    }
  }
}
