import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../server/storage/transactions.js';
import { createTestDatabase, type TestDatabase } from './postgres.js';

interface Counters {
  counters: { id: number; value: number };
}

/** Two writers that lock the same two rows in opposite orders: PostgreSQL must pick one as a deadlock victim. */
async function crossedWriters(
  run: <T>(work: (trx: Kysely<Counters>) => Promise<T>) => Promise<T>,
): Promise<{ attempts: number; results: PromiseSettledResult<void>[] }> {
  let attempts = 0;
  let firstLocks = 0;
  let bothLocked!: () => void;
  const bothHoldOneRow = new Promise<void>((resolve) => {
    bothLocked = resolve;
  });
  const writer = (first: number, second: number) =>
    run(async (trx) => {
      attempts++;
      await trx.updateTable('counters').set({ value: sql`value + 1` }).where('id', '=', first).execute();
      if (++firstLocks === 2) bothLocked();
      await bothHoldOneRow;
      await trx.updateTable('counters').set({ value: sql`value + 1` }).where('id', '=', second).execute();
    });
  const results = await Promise.allSettled([writer(1, 2), writer(2, 1)]);
  return { attempts, results };
}

describe('inTransaction on PostgreSQL', () => {
  let database: TestDatabase;
  let db: Kysely<Counters>;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = new Kysely<Counters>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: database.url, max: 4 }) }),
    });
    await sql`CREATE TABLE counters (id integer PRIMARY KEY, value integer NOT NULL)`.execute(db);
  });

  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  async function reset(): Promise<void> {
    await sql`TRUNCATE counters`.execute(db);
    await db
      .insertInto('counters')
      .values([
        { id: 1, value: 0 },
        { id: 2, value: 0 },
      ])
      .execute();
  }

  async function values(): Promise<number[]> {
    const rows = await db.selectFrom('counters').select('value').orderBy('id').execute();
    return rows.map((row) => row.value);
  }

  it('without it, one of two crossed writers fails with deadlock_detected', async () => {
    await reset();
    const { results } = await crossedWriters((work) => db.transaction().execute(work));
    const failures = results.filter((result) => result.status === 'rejected');
    expect(failures).toHaveLength(1);
    expect((failures[0] as PromiseRejectedResult).reason).toMatchObject({ code: '40P01' });
    expect(await values()).toEqual([1, 1]);
  });

  it('runs the deadlock victim again, so both writers land', async () => {
    await reset();
    const { attempts, results } = await crossedWriters((work) => inTransaction(db, work));
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled']);
    expect(attempts).toBe(3);
    expect(await values()).toEqual([2, 2]);
  });

  it('does not retry other errors', async () => {
    let attempts = 0;
    await expect(
      inTransaction(db, async (trx) => {
        attempts++;
        await sql`SELECT 1 / 0`.execute(trx);
      }),
    ).rejects.toMatchObject({ code: '22012' });
    expect(attempts).toBe(1);
  });
});
