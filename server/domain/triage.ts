/** Triage input rules shared by the API and the dashboard form. */

export type TriageStatus = 'open' | 'risk_accepted' | 'false_positive';

export const TRIAGE_STATUSES: readonly TriageStatus[] = ['risk_accepted', 'false_positive', 'open'];

/**
 * The stored expiry (start of that day, UTC) of a decision that expires on `date` (YYYY-MM-DD), or an error
 * message when the date is not in the future or the status cannot expire.
 */
export function triageExpiry(
  status: TriageStatus,
  date: string | undefined,
  now: Date,
): { expiresAt: string | null } | { error: string } {
  if (date === undefined || date === '') return { expiresAt: null };
  if (status === 'open') return { error: 'A reopened finding has no expiry.' };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00.000Z`))) {
    return { error: 'The expiry must be a date, YYYY-MM-DD.' };
  }
  const expiresAt = new Date(`${date}T00:00:00.000Z`).toISOString();
  if (expiresAt <= now.toISOString()) return { error: 'The expiry must be in the future.' };
  return { expiresAt };
}
