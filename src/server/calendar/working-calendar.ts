import 'server-only';
import { asc, eq } from 'drizzle-orm';
import type { TWorkingCalendar } from '@/lib/dates';
import { BUILT_IN_CALENDAR_SOURCES, CHINA_WORKING_CALENDAR } from '@/lib/working-calendar-cn';
import { getDb, type TDb } from '../db';
import { workingCalendarDays, workingCalendarYears } from '../db/schema';
import { writeAudit } from '../audit';
import { assertCan } from '../auth/permissions';
import type { TActor } from '../auth/actor';
import { parseCalendarDays, type TCalendarDayError } from './parse-calendar-days';

type TReader = Pick<TDb, 'select'>;

export type TCalendarYear = {
  year: number;
  source: string;
  /** `code`: the schedule built into the code; `staff`: entered (or corrected) by staff. */
  origin: 'code' | 'staff';
  holidays: string[];
  workdays: string[];
  updatedAt: Date | null;
};

/** A year's entries are read at most this long after another process saved them. */
const CACHE_MS = 60_000;
let cached: { db: unknown; at: number; calendar: TWorkingCalendar } | null = null;

function yearOf(day: string): number {
  return Number(day.slice(0, 4));
}

/**
 * Every year's schedule: the staff-entered years from the database, and the built-in years
 * staff have not replaced. Sorted by year.
 */
export async function listCalendarYears(reader?: TReader): Promise<TCalendarYear[]> {
  const db = reader ?? (await getDb());
  const [years, days] = await Promise.all([
    db.select().from(workingCalendarYears).orderBy(asc(workingCalendarYears.year)),
    db
      .select()
      .from(workingCalendarDays)
      .orderBy(asc(workingCalendarDays.year), asc(workingCalendarDays.day)),
  ]);
  const entered: TCalendarYear[] = years.map((y) => ({
    year: y.year,
    source: y.source,
    origin: 'staff',
    holidays: days.filter((d) => d.year === y.year && d.kind === 'holiday').map((d) => d.day),
    workdays: days.filter((d) => d.year === y.year && d.kind === 'workday').map((d) => d.day),
    updatedAt: y.updatedAt,
  }));
  const builtIn: TCalendarYear[] = Object.entries(BUILT_IN_CALENDAR_SOURCES)
    .map(([year]) => Number(year))
    .filter((year) => !entered.some((e) => e.year === year))
    .map((year) => ({
      year,
      source: BUILT_IN_CALENDAR_SOURCES[year] ?? '',
      origin: 'code',
      holidays: [...CHINA_WORKING_CALENDAR.holidays].filter((d) => yearOf(d) === year).sort(),
      workdays: [...CHINA_WORKING_CALENDAR.makeUpWorkdays].filter((d) => yearOf(d) === year).sort(),
      updatedAt: null,
    }));
  return [...entered, ...builtIn].sort((a, b) => a.year - b.year);
}

/**
 * The calendar deadlines and collection days are counted on. Cached per process for a minute
 * (a save in this process clears it at once). Inside a transaction pass its `tx`: PGlite has
 * one connection, and a second query outside the transaction would wait for it forever.
 */
export async function getWorkingCalendar(reader?: TReader): Promise<TWorkingCalendar> {
  const db = await getDb();
  const now = Date.now();
  if (cached && cached.db === db && now - cached.at < CACHE_MS) return cached.calendar;
  const years = await listCalendarYears(reader ?? db);
  const calendar: TWorkingCalendar = {
    holidays: new Set(years.flatMap((y) => y.holidays)),
    makeUpWorkdays: new Set(years.flatMap((y) => y.workdays)),
  };
  cached = { db, at: now, calendar };
  return calendar;
}

export type TSaveCalendarYearInput = {
  actor: TActor;
  year: number;
  source: string;
  holidays: string;
  workdays: string;
};

export type TSaveCalendarYearResult =
  | { ok: true }
  | {
      ok: false;
      errors: { holidays?: TCalendarDayError[]; workdays?: TCalendarDayError[]; both?: string[] };
    };

/**
 * Staff enter (or correct) one year's holidays and make-up working days. The whole year is
 * replaced in one transaction, audited with the days before and after. Make-up working days
 * must fall on weekends, and no day may be both.
 */
export async function saveCalendarYear(
  input: TSaveCalendarYearInput,
): Promise<TSaveCalendarYearResult> {
  assertCan(input.actor, 'manage:calendar');
  const holidays = parseCalendarDays(input.holidays, input.year);
  const workdays = parseCalendarDays(input.workdays, input.year, { weekendsOnly: true });
  if (!holidays.ok || !workdays.ok)
    return {
      ok: false,
      errors: {
        ...(holidays.ok ? {} : { holidays: holidays.errors }),
        ...(workdays.ok ? {} : { workdays: workdays.errors }),
      },
    };
  const both = holidays.days.filter((d) => workdays.days.includes(d));
  if (both.length > 0) return { ok: false, errors: { both } };

  const db = await getDb();
  await db.transaction(async (tx) => {
    const before = (await listCalendarYears(tx)).find((y) => y.year === input.year);
    await tx
      .insert(workingCalendarYears)
      .values({ year: input.year, source: input.source, updatedBy: input.actor.userId })
      .onConflictDoUpdate({
        target: workingCalendarYears.year,
        set: { source: input.source, updatedBy: input.actor.userId, updatedAt: new Date() },
      });
    await tx.delete(workingCalendarDays).where(eq(workingCalendarDays.year, input.year));
    const rows = [
      ...holidays.days.map((day) => ({ year: input.year, day, kind: 'holiday' as const })),
      ...workdays.days.map((day) => ({ year: input.year, day, kind: 'workday' as const })),
    ];
    if (rows.length > 0) await tx.insert(workingCalendarDays).values(rows);
    await writeAudit(tx, input.actor, {
      action: 'calendar.year_saved',
      subjectType: 'working_calendar_year',
      subjectId: input.year,
      detail: {
        source: input.source,
        holidays: holidays.days,
        workdays: workdays.days,
        before: before
          ? { origin: before.origin, holidays: before.holidays, workdays: before.workdays }
          : null,
      },
    });
  });
  cached = null;
  return { ok: true };
}
