import {
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { createdAt } from './columns';

/** One annual usage report per account and year; the PDF lives in the file store. */
export const annualReports = pgTable(
  'annual_reports',
  {
    accountId: integer().notNull(),
    year: smallint().notNull(),
    status: text({ enum: ['queued', 'ready', 'failed'] })
      .notNull()
      .default('queued'),
    /** File-store key of the PDF once ready. */
    fileKey: text(),
    locale: text().notNull().default('zh-CN'),
    generatedAt: timestamp({ withTimezone: true }),
    lastError: text(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.year] }),
    index('annual_reports_year_idx').on(t.year, t.status),
  ],
);

/** A staff-started bulk generation of every account's report for a year, with progress. */
export const reportRuns = pgTable('report_runs', {
  id: integer().primaryKey().generatedByDefaultAsIdentity(),
  year: smallint().notNull(),
  total: integer().notNull().default(0),
  done: integer().notNull().default(0),
  failed: integer().notNull().default(0),
  status: text({ enum: ['queued', 'running', 'completed'] })
    .notNull()
    .default('queued'),
  startedByUserId: text(),
  createdAt: createdAt(),
  finishedAt: timestamp({ withTimezone: true }),
  /** When residents were told their reports are ready (null: not yet, or still running). */
  notifiedAt: timestamp({ withTimezone: true }),
});
