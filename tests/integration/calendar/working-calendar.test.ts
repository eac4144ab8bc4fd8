import { describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { getDb } from '@/server/db';
import { auditLog, workingCalendarDays, workingCalendarYears } from '@/server/db/schema';
import { PermissionError } from '@/server/auth/permissions';
import { getWorkingCalendar, listCalendarYears, saveCalendarYear } from '@/server/calendar';
import { shanghaiInstant } from '@/lib/dates';
import { actorFor, createUser } from '../../fixtures/world';
import { fileCase } from '../../fixtures/complaints';

const wall = (d: Date) =>
  new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
const SOURCE = '国务院办公厅关于2027年部分节假日安排的通知';

async function supervisor() {
  return actorFor(await createUser({ role: 'supervisor' }));
}

async function storedRows() {
  const db = await getDb();
  const [years] = await db.select({ n: count() }).from(workingCalendarYears);
  const [days] = await db.select({ n: count() }).from(workingCalendarDays);
  return { years: years?.n ?? 0, days: days?.n ?? 0 };
}

describe('the working calendar staff keep', () => {
  it('a year staff enter moves the deadlines of cases filed after it, at once', async () => {
    const actor = await supervisor();
    const resident = actorFor(await createUser());
    // Thursday 31 Dec 2026: a complaint's answer is due 4 working days later.
    const filed = shanghaiInstant('2026-12-31', 10);
    const before = await fileCase({ actor: resident, now: filed });
    // 2027 is not in the code: 1 Jan counts as a working day.
    expect(wall(before.answerDueAt)).toBe('2027-01-06 17:00');

    const saved = await saveCalendarYear({
      actor,
      year: 2027,
      source: SOURCE,
      holidays: '2027-01-01 ~ 2027-01-03\n2027-02-06 ~ 2027-02-14',
      workdays: '2027-02-20',
    });
    expect(saved).toEqual({ ok: true });
    const after = await fileCase({ actor: resident, now: filed });
    expect(wall(after.answerDueAt)).toBe('2027-01-07 17:00');

    const calendar = await getWorkingCalendar();
    expect(calendar.holidays.has('2027-02-10')).toBe(true);
    expect(calendar.makeUpWorkdays.has('2027-02-20')).toBe(true);
    // The built-in 2026 schedule still counts.
    expect(calendar.holidays.has('2026-10-01')).toBe(true);

    const db = await getDb();
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'calendar.year_saved'), eq(auditLog.subjectId, '2027')));
    expect(audit?.actorUserId).toBe(actor.userId);
    expect(audit?.detail).toMatchObject({ source: SOURCE, workdays: ['2027-02-20'], before: null });
  });

  it('a year entered again replaces the whole year, the built-in one included', async () => {
    const actor = await supervisor();
    // Correct 2026 as if National Day had been announced one day shorter.
    const saved = await saveCalendarYear({
      actor,
      year: 2026,
      source: '更正',
      holidays: '2026-10-01 ~ 2026-10-06',
      workdays: '',
    });
    expect(saved.ok).toBe(true);
    const years = await listCalendarYears();
    const y2026 = years.find((y) => y.year === 2026);
    expect(y2026).toMatchObject({ origin: 'staff', source: '更正', workdays: [] });
    expect(y2026?.holidays).toHaveLength(6);
    const calendar = await getWorkingCalendar();
    expect(calendar.holidays.has('2026-10-07')).toBe(false);
    expect(calendar.holidays.has('2026-02-16')).toBe(false);
    expect(calendar.makeUpWorkdays.has('2026-10-10')).toBe(false);
  });

  it('refuses bad days with the line of each and stores nothing', async () => {
    const actor = await supervisor();
    const before = await storedRows();
    expect(
      await saveCalendarYear({
        actor,
        year: 2028,
        source: SOURCE,
        holidays: '2028-01-01\n2028-13-01\n2027-12-31',
        workdays: '2028-01-03',
      }),
    ).toEqual({
      ok: false,
      errors: {
        holidays: [
          { key: 'calendar.errors.badLine', line: 2 },
          { key: 'calendar.errors.otherYear', line: 3 },
        ],
        // 3 Jan 2028 is a Monday: a make-up working day is always a weekend day.
        workdays: [{ key: 'calendar.errors.notWeekend', line: 1 }],
      },
    });
    expect(
      await saveCalendarYear({
        actor,
        year: 2028,
        source: SOURCE,
        holidays: '2028-01-01 ~ 2028-01-02',
        workdays: '2028-01-02',
      }),
    ).toEqual({ ok: false, errors: { both: ['2028-01-02'] } });
    expect(await storedRows()).toEqual(before);
  });

  it('only supervisors and admins may change it', async () => {
    for (const role of ['resident', 'agent', 'billing', 'reviewer'] as const) {
      const actor = actorFor(await createUser({ role }));
      await expect(
        saveCalendarYear({ actor, year: 2029, source: SOURCE, holidays: '', workdays: '' }),
      ).rejects.toBeInstanceOf(PermissionError);
    }
    const admin = actorFor(await createUser({ role: 'admin' }));
    expect(
      await saveCalendarYear({
        actor: admin,
        year: 2029,
        source: SOURCE,
        holidays: '',
        workdays: '',
      }),
    ).toEqual({ ok: true });
  });
});
