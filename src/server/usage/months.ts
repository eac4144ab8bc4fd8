import 'server-only';

/**
 * Month arithmetic on `YYYY-MM-01` strings (meter readings are keyed by the first day of the
 * month they close). Strings, not Dates, so no time zone can move a month.
 */

function serialOf(period: string): number {
  const year = Number(period.slice(0, 4));
  const month = Number(period.slice(5, 7));
  return year * 12 + month - 1;
}

function periodOfSerial(serial: number): string {
  const year = Math.floor(serial / 12);
  const month = (serial % 12) + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`;
}

/** The month `n` months after `period` (negative: before). */
export function addMonths(period: string, n: number): string {
  return periodOfSerial(serialOf(period) + n);
}

/** Every month from `from` to `to`, both included, oldest first; empty when `from` > `to`. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let s = serialOf(from); s <= serialOf(to); s++) out.push(periodOfSerial(s));
  return out;
}

/** Whole months from `from` to `to` (0 for the same month). */
export function monthDistance(from: string, to: string): number {
  return serialOf(to) - serialOf(from);
}

/** Today's date in Asia/Shanghai, `YYYY-MM-DD` (one formatter for the process). */
export { todayInShanghai } from '../billing/today-in-shanghai';

/** The first day of the month of a `YYYY-MM-DD` date. */
export function monthOf(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

/** `YYYY-MM` or `YYYY-MM-DD` → `YYYY-MM-01`; null when it is not a real month. */
export function parseMonth(value: string): string | null {
  const match = /^(\d{4})-(\d{2})(?:-\d{2})?$/.exec(value);
  if (!match) return null;
  const month = Number(match[2]);
  if (month < 1 || month > 12) return null;
  return `${match[1]}-${match[2]}-01`;
}

/** Seconds since the epoch at midnight, Asia/Shanghai (UTC+8, no daylight saving), of a date. */
export function epochSecondsInShanghai(date: string): number {
  return Date.parse(`${date}T00:00:00+08:00`) / 1000;
}
