import 'server-only';
import { asc } from 'drizzle-orm';
import { BUILT_IN_CALENDAR_SOURCES, CHINA_WORKING_CALENDAR } from '@/lib/working-calendar-cn';
import { getDb, type TDb } from '../db';
import { workingCalendarDays, workingCalendarYears } from '../db/schema';

export type TCalendarReader = Pick<TDb, 'select'>;

export type TCalendarYear = {
  year: number;
  source: string;
  /** `code`: the schedule built into the code; `staff`: entered (or corrected) by staff. */
  origin: 'code' | 'staff';
  holidays: string[];
  workdays: string[];
  updatedAt: Date | null;
};

function yearOf(day: string): number {
  return Number(day.slice(0, 4));
}

/**
 * Every year's schedule: the staff-entered years from the database, and the built-in years
 * staff have not replaced. Sorted by year.
 */
export async function listCalendarYears(reader?: TCalendarReader): Promise<TCalendarYear[]> {
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
