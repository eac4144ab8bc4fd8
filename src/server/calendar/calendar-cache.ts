import 'server-only';
import type { TWorkingCalendar } from '@/lib/dates';

/** A year's entries are read at most this long after another process saved them. */
const CACHE_MS = 60_000;
let cached: { db: unknown; at: number; calendar: TWorkingCalendar } | null = null;

/** The process's copy of the merged calendar, per database handle. */
export const calendarCache = {
  read(db: unknown, now: number): TWorkingCalendar | null {
    return cached && cached.db === db && now - cached.at < CACHE_MS ? cached.calendar : null;
  },
  keep(db: unknown, now: number, calendar: TWorkingCalendar): void {
    cached = { db, at: now, calendar };
  },
  /** After a save in this process: the next read loads the new year at once. */
  forget(): void {
    cached = null;
  },
};
