/** Transactions that survive PostgreSQL's deadlock detector: every storage write goes through `inTransaction`. */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Kysely, Transaction } from 'kysely';

/**
 * deadlock_detected and serialization_failure: PostgreSQL rolled the transaction back and it may simply run again.
 * Writers that update many findings (a scan's lifecycle, bulk triage, the analysis's priorities) cannot all take
 * row locks in one order, because a multi-row update locks rows in the order it reads them.
 */
const RETRYABLE_SQLSTATES = new Set(['40P01', '40001']);
const MAX_ATTEMPTS = 5;
const BASE_DELAY_MS = 20;

function isRetryable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && RETRYABLE_SQLSTATES.has(code);
}

/**
 * Runs `work` in one transaction, running it again (after a short random back-off) when PostgreSQL chose it as a
 * deadlock victim. `work` must keep its results inside the closure, since a retried attempt starts over.
 */
export async function inTransaction<DB, T>(
  db: Kysely<DB>,
  work: (trx: Transaction<DB>) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(work);
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !isRetryable(error)) throw error;
      await sleep(BASE_DELAY_MS * 2 ** (attempt - 1) * (0.5 + Math.random()));
    }
  }
}
