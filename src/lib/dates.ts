/**
 * Dates in Asia/Shanghai and working-day arithmetic. Pure: the calendar is passed in.
 * China has no daylight-saving time, so Shanghai is always UTC+8 and a calendar day there is
 * a fixed 24-hour span of UTC.
 */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A calendar of days off and make-up working days (调休), as `YYYY-MM-DD` in Shanghai. */
export type TWorkingCalendar = {
  /** Public holidays (including the weekdays moved into a holiday block). */
  holidays: ReadonlySet<string>;
  /** Weekend days that are working days because a holiday borrowed them (调休上班). */
  makeUpWorkdays: ReadonlySet<string>;
};

/** The Shanghai calendar day of an instant, `YYYY-MM-DD`. */
export function shanghaiDay(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a Shanghai wall-clock time happens (`day` is `YYYY-MM-DD`). */
export function shanghaiInstant(day: string, hour = 0, minute = 0): Date {
  const midnightUtc = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(midnightUtc)) throw new Error(`Invalid day ${day}`);
  return new Date(midnightUtc - SHANGHAI_OFFSET_MS + (hour * 60 + minute) * 60_000);
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
function weekday(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

export function isWorkingDay(day: string, calendar: TWorkingCalendar): boolean {
  if (calendar.makeUpWorkdays.has(day)) return true;
  if (calendar.holidays.has(day)) return false;
  const dow = weekday(day);
  return dow !== 0 && dow !== 6;
}

/** When a working day's commitments fall due (end of the office day, Shanghai time). */
export const END_OF_WORKING_DAY = { hour: 17, minute: 0 } as const;

/**
 * A deadline `days` working days after `from`: the end of the `days`-th working day after the
 * day of `from` (the filing day itself never counts, whatever the hour). A case filed on
 * Thursday with 4 working days is due the following Wednesday at 17:00; filed on the Friday
 * before a holiday week it is due 4 working days after the holiday.
 */
export function addWorkingDays(
  from: Date,
  days: number,
  calendar: TWorkingCalendar,
  endOfDay: { hour: number; minute: number } = END_OF_WORKING_DAY,
): Date {
  if (!Number.isInteger(days) || days < 1) throw new Error(`Working days must be ≥ 1: ${days}`);
  let day = shanghaiDay(from);
  let counted = 0;
  // A year holds at most ~40 days off; the bound only guards against a broken calendar.
  for (let guard = 0; guard < 3660; guard++) {
    day = nextDay(day);
    if (isWorkingDay(day, calendar)) counted += 1;
    if (counted === days) return shanghaiInstant(day, endOfDay.hour, endOfDay.minute);
  }
  throw new Error('Working calendar has no working days');
}

export function addMinutes(from: Date, minutes: number): Date {
  return new Date(from.getTime() + minutes * 60_000);
}

/** Whole minutes from `now` until `due` (negative when overdue), rounded toward zero. */
export function minutesUntil(due: Date, now: Date): number {
  return Math.trunc((due.getTime() - now.getTime()) / 60_000);
}
