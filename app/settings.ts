/**
 * Palisade's own settings for the App, from the environment (Probot reads its standard variables itself:
 * APP_ID, PRIVATE_KEY, WEBHOOK_SECRET, PORT, WEBHOOK_PATH, GHE_HOST, GHE_PROTOCOL, LOG_LEVEL).
 * A malformed value stops the start-up with a message naming the variable.
 */

export interface AppSettings {
  /** Base URL of the Palisade server; push and posture results are uploaded there when set. */
  serverUrl?: string;
  /** API token with the `ingest` permission on that server. */
  serverToken?: string;
  /** The check run's name as GitHub shows it. */
  checkName: string;
  /** Annotations written on a check run at most (in requests of 50, GitHub's limit per request). */
  annotationCap: number;
  /** Review comments on the changed lines of the pull request (needs pull_requests: write). */
  reviewComments: boolean;
  /** Review comments posted per run at most; the rest are in the check run. */
  reviewCommentCap: number;
  /** The one sticky pull request comment, as the Action writes it (needs pull_requests: write). */
  stickyComment: boolean;
  /** Scans running at once. */
  concurrency: number;
  /** Jobs waiting at most; more are refused (and logged) rather than held in memory. */
  queueLimit: number;
  /** Files fetched from a repository for one scan at most. */
  maxFiles: number;
  /** Bytes fetched from a repository for one scan at most. */
  maxBytes: number;
  /** Minutes between two posture checks of every installed repository; 0 turns the schedule off. */
  postureIntervalMinutes: number;
  /** Delivery ids remembered to recognise a redelivered webhook. */
  deliveryMemory: number;
  /** Bytes of recently fetched file contents kept for the next scans; 0 keeps none. */
  blobCacheBytes: number;
}

type Env = Record<string, string | undefined>;

export class SettingsError extends Error {}

export function readSettings(env: Env = process.env): AppSettings {
  const serverUrl = text(env, 'PALISADE_SERVER_URL');
  if (serverUrl && !/^https?:\/\//i.test(serverUrl))
    throw new SettingsError(`PALISADE_SERVER_URL must be an http(s) URL, not "${serverUrl}"`);
  const serverToken = text(env, 'PALISADE_TOKEN');
  if (serverUrl && !serverToken)
    throw new SettingsError('PALISADE_SERVER_URL is set but PALISADE_TOKEN is empty');
  return {
    serverUrl,
    serverToken,
    checkName: text(env, 'PALISADE_CHECK_NAME') ?? 'Palisade',
    annotationCap: integer(env, 'PALISADE_ANNOTATIONS', 500, 0, 50_000),
    reviewComments: boolean(env, 'PALISADE_REVIEW_COMMENTS', false),
    reviewCommentCap: integer(env, 'PALISADE_REVIEW_COMMENT_LIMIT', 30, 1, 1000),
    stickyComment: boolean(env, 'PALISADE_STICKY_COMMENT', true),
    concurrency: integer(env, 'PALISADE_CONCURRENCY', 2, 1, 64),
    queueLimit: integer(env, 'PALISADE_QUEUE_LIMIT', 1000, 1, 1_000_000),
    maxFiles: integer(env, 'PALISADE_MAX_FILES', 5000, 1, 1_000_000),
    maxBytes: integer(env, 'PALISADE_MAX_BYTES', 64 * 1024 * 1024, 1024, 4 * 1024 * 1024 * 1024),
    postureIntervalMinutes: integer(env, 'PALISADE_POSTURE_INTERVAL_MINUTES', 0, 0, 525_600),
    deliveryMemory: integer(env, 'PALISADE_DELIVERY_MEMORY', 10_000, 1, 10_000_000),
    blobCacheBytes: integer(env, 'PALISADE_BLOB_CACHE_BYTES', 64 * 1024 * 1024, 0, 16 * 1024 * 1024 * 1024),
  };
}

function text(env: Env, name: string): string | undefined {
  return env[name]?.trim() || undefined;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const value = text(env, name);
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max)
    throw new SettingsError(`${name} must be a whole number from ${min} to ${max}, not "${value}"`);
  return Number(value);
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const value = text(env, name)?.toLowerCase();
  if (value === undefined) return fallback;
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  throw new SettingsError(`${name} must be true or false, not "${value}"`);
}
