import { date, integer, pgEnum, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The working-day calendar staff maintain: each year's public holidays and make-up working days
 * (调休上班) as the State Council publishes them every November. A year entered here replaces
 * the schedule built into the code for that year (src/lib/working-calendar-cn.ts); a year in
 * neither counts weekends only.
 */
export const calendarDayKindEnum = pgEnum('calendar_day_kind', ['holiday', 'workday']);

export const workingCalendarYears = pgTable('working_calendar_years', {
  year: integer().primaryKey(),
  /** Where the schedule comes from, e.g. the notice's title and number. */
  source: text().notNull(),
  updatedBy: text(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const workingCalendarDays = pgTable(
  'working_calendar_days',
  {
    year: integer()
      .notNull()
      .references(() => workingCalendarYears.year, { onDelete: 'cascade' }),
    day: date({ mode: 'string' }).notNull(),
    kind: calendarDayKindEnum().notNull(),
  },
  (t) => [primaryKey({ columns: [t.year, t.day] })],
);
