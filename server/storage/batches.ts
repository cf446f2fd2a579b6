/** Statement batching shared by the storage classes. */

/** SQLite allows 32,766 bound parameters per statement and PostgreSQL 65,535: stay under both. */
export const MAX_PARAMETERS = 30_000;
/** For `where id in (…)` lists. */
export const ID_CHUNK = 5_000;

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}
