/** Deterministic trace ids for tests: UUID-shaped, numbered from 1. */
export function sequentialIds(): () => string {
  let next = 0;
  return () => `00000000-0000-4000-8000-${String(++next).padStart(12, '0')}`;
}
