import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '../db';
import { workingCalendarDays, workingCalendarYears } from '../db/schema';
import { writeAudit } from '../audit';
import { assertCan } from '../auth/permissions';
import type { TActor } from '../auth/actor';
import { parseCalendarDays, type TCalendarDayError } from './parse-calendar-days';
import { listCalendarYears } from './list-calendar-years';
import { calendarCache } from './calendar-cache';

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
  calendarCache.forget();
  return { ok: true };
}
