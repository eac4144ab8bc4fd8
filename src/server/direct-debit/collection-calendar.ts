import 'server-only';

/**
 * The dates of a direct-debit collection. Pure: days are `YYYY-MM-DD` (Shanghai calendar days)
 * and the banks' working days are passed in, so tests can state any calendar.
 *
 * - A collection happens on a bank working day: a bill due on a Saturday, Sunday or public
 *   holiday is collected on the next working day (never earlier than the resident expects).
 * - The advance notice goes out at least `noticeDays` calendar days before the collection
 *   (SEPA counts calendar days). If a bill is due sooner than that, the collection moves later,
 *   never the notice shorter.
 * - A failed collection is retried at most twice, 3 and 7 days after the failure (again rolled
 *   to a working day). Each retry is announced when the failure is, so a retry's notice is at
 *   least 3 days ahead — more than the 2-day minimum.
 */

/** Is `day` a day the banks collect on? */
export type TIsWorkingDay = (day: string) => boolean;

const DAY_MS = 86_400_000;

/** Days between a failure and each retry; its length is the number of retries. */
export const RETRY_AFTER_DAYS = [3, 7] as const;
export const MAX_ATTEMPTS = RETRY_AFTER_DAYS.length + 1;

export function addDays(day: string, days: number): string {
  const time = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(time) || !/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`Invalid day ${day}`);
  return new Date(time + days * DAY_MS).toISOString().slice(0, 10);
}

/** Saturday and Sunday off; the default when no public-holiday calendar is given. */
export const weekdaysOnly: TIsWorkingDay = (day) => {
  const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
  return dow !== 0 && dow !== 6;
};

/** `day` itself when the banks work that day, otherwise the next day they do. */
export function onOrAfterWorkingDay(day: string, isWorkingDay: TIsWorkingDay): string {
  let candidate = day;
  // A holiday block is at most ~9 days; the bound only guards against a broken calendar.
  for (let guard = 0; guard < 60; guard++) {
    if (isWorkingDay(candidate)) return candidate;
    candidate = addDays(candidate, 1);
  }
  throw new Error(`No working day within 60 days of ${day}`);
}

export type TCollectionPlan = {
  /** The day the money is taken. */
  collectOn: string;
  /** The last day the advance notice may go out (`noticeDays` before `collectOn`). */
  noticeBy: string;
};

/**
 * When to collect a bill and when to tell the resident. The collection is on the bill's due
 * date (or the next working day), but never sooner than `noticeDays` after today.
 */
export function planCollection(input: {
  billDueOn: string;
  today: string;
  noticeDays: number;
  isWorkingDay?: TIsWorkingDay;
}): TCollectionPlan {
  if (!Number.isInteger(input.noticeDays) || input.noticeDays < 2)
    throw new Error(`Advance notice must be at least 2 days, got ${input.noticeDays}`);
  const isWorkingDay = input.isWorkingDay ?? weekdaysOnly;
  const earliest = addDays(input.today, input.noticeDays);
  const wanted = input.billDueOn > earliest ? input.billDueOn : earliest;
  const collectOn = onOrAfterWorkingDay(wanted, isWorkingDay);
  return { collectOn, noticeBy: addDays(collectOn, -input.noticeDays) };
}

/**
 * The day of the next attempt after attempt number `attempt` (1-based) failed on `failedOn`,
 * or null when no retry is left: the collection stops and the resident is told.
 */
export function retryOn(input: {
  failedOn: string;
  attempt: number;
  isWorkingDay?: TIsWorkingDay;
}): string | null {
  const after = RETRY_AFTER_DAYS[input.attempt - 1];
  if (after === undefined) return null;
  return onOrAfterWorkingDay(addDays(input.failedOn, after), input.isWorkingDay ?? weekdaysOnly);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}
