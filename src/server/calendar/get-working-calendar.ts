import 'server-only';
import type { TWorkingCalendar } from '@/lib/dates';
import { getDb } from '../db';
import { listCalendarYears, type TCalendarReader } from './list-calendar-years';
import { calendarCache } from './calendar-cache';

/**
 * The calendar deadlines and collection days are counted on. Cached per process for a minute
 * (a save in this process clears it at once). Inside a transaction pass its `tx`: PGlite has
 * one connection, and a second query outside the transaction would wait for it forever.
 */
export async function getWorkingCalendar(reader?: TCalendarReader): Promise<TWorkingCalendar> {
  const db = await getDb();
  const now = Date.now();
  const cached = calendarCache.read(db, now);
  if (cached) return cached;
  const years = await listCalendarYears(reader ?? db);
  const calendar: TWorkingCalendar = {
    holidays: new Set(years.flatMap((y) => y.holidays)),
    makeUpWorkdays: new Set(years.flatMap((y) => y.workdays)),
  };
  calendarCache.keep(db, now, calendar);
  return calendar;
}
