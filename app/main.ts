/**
 * `npm run app`: starts the Palisade GitHub App with Probot's standard environment (APP_ID, PRIVATE_KEY or
 * PRIVATE_KEY_PATH, WEBHOOK_SECRET, PORT, HOST, WEBHOOK_PATH, GHE_HOST, GHE_PROTOCOL, LOG_LEVEL, ...) and
 * Palisade's own (app/settings.ts). Without APP_ID and a private key, Probot starts its registration page.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ProbotOctokit, run } from 'probot';
import { defaultConfig } from '../scanners/config/config.js';
import { scan } from '../scanners/engine/scan.js';
import { createPalisadeApp, type PalisadeApp } from './index.js';
import { readSettings, SettingsError } from './settings.js';

type Env = Record<string, string | undefined>;

/** Retries of one request after a rate limit; a request still limited after that fails its job. */
const RATE_LIMIT_RETRIES = 3;
/** Longer waits than this fail the job instead of holding a queue slot (GitHub resets primary limits hourly). */
const RATE_LIMIT_MAX_WAIT_SECONDS = 15 * 60;

/**
 * Probot's client with bounded rate-limit handling: its throttling plugin waits out `retry-after` (or the
 * reset time) on a 403/429 rate limit, at most RATE_LIMIT_RETRIES times per request; Probot's own default
 * retries for ever. Its retry plugin retries server errors as before.
 */
const PalisadeOctokit = ProbotOctokit.defaults((options: Record<string, unknown>) => {
  const retry =
    (kind: string) =>
    (
      retryAfter: number,
      request: { method: string; url: string },
      octokit: { log: { warn(message: string): void } },
      retryCount: number,
    ) => {
      const again = retryCount < RATE_LIMIT_RETRIES && retryAfter <= RATE_LIMIT_MAX_WAIT_SECONDS;
      octokit.log.warn(
        `${kind} on ${request.method} ${request.url}: ${again ? `retrying in ${retryAfter} s` : 'giving up'}`,
      );
      return again;
    };
  return {
    ...options,
    throttle: {
      ...(options.throttle as object | undefined),
      onRateLimit: retry('rate limit'),
      onSecondaryRateLimit: retry('secondary rate limit'),
    },
  };
});

export interface RunningApp {
  app: PalisadeApp;
  /** Probot's server: `port`, `stop()`. */
  server: Awaited<ReturnType<typeof run>>;
}

/** Starts the App the way `npm run app` does, with `env` in place of the process environment. */
export async function startApp(env: Env = process.env): Promise<RunningApp> {
  const app = createPalisadeApp(readSettings(env));
  await warmUp();
  const server = await run(app.appFn, { env: env as NodeJS.ProcessEnv, Octokit: PalisadeOctokit });
  return { app, server };
}

/**
 * One scan of a tiny Terraform module and a text file before the first webhook: the parser, the rules and the
 * secret detectors are compiled once per process, so the first pull request does not pay for them. A failure
 * here is not fatal: each scan reports its own errors.
 */
async function warmUp(): Promise<void> {
  const folder = await mkdtemp(path.join(tmpdir(), 'palisade-app-warm-up-'));
  try {
    await writeFile(
      path.join(folder, 'main.tf'),
      'resource "aws_s3_bucket" "warm_up" {\n  bucket = "palisade-warm-up"\n}\n',
    );
    await writeFile(path.join(folder, 'notes.txt'), 'warm-up\n');
    await scan({ root: folder, config: defaultConfig(), jobs: 1 });
  } catch {
    // Reported by the first real scan, if it happens again.
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const { app, server } = await startApp();
    const shutdown = async () => {
      app.stop();
      await server.stop();
      // Let running scans finish their check runs before the process goes.
      await app.idle();
      process.exit(0);
    };
    process.once('SIGTERM', () => void shutdown());
  } catch (error) {
    console.error(error instanceof SettingsError ? `palisade app: ${error.message}` : error);
    process.exit(1);
  }
}
