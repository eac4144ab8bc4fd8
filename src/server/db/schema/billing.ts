import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAt } from './columns';
import { utilityEnum } from './accounts';

/**
 * One billing run per utility and month. `done`/`total` drive the progress page; a run is
 * resumable because every bill is unique per (account, period) and written idempotently.
 */
export const billingRuns = pgTable(
  'billing_runs',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    utility: utilityEnum().notNull(),
    /** First day of the billed month. */
    period: date({ mode: 'string' }).notNull(),
    status: text({ enum: ['queued', 'running', 'completed', 'failed'] })
      .notNull()
      .default('queued'),
    total: integer().notNull().default(0),
    done: integer().notNull().default(0),
    exceptions: integer().notNull().default(0),
    startedByUserId: text(),
    startedAt: timestamp({ withTimezone: true }),
    finishedAt: timestamp({ withTimezone: true }),
    lastError: text(),
    /**
     * When every resident linked to an account billed by this run was told the bill is ready
     * (inbox + mail). Null while the run is not completed, or when a bill released from an
     * exception later still has people to tell: the bills-notify sweep finds such runs.
     */
    notifiedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('billing_runs_utility_period_key').on(t.utility, t.period)],
);

/** A bill: the billed lines are the truth; totalFen is their sum, stored for lists. */
export const bills = pgTable(
  'bills',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    accountId: integer().notNull(),
    /** First day of the billed month. */
    period: date({ mode: 'string' }).notNull(),
    runId: integer(),
    tariffId: integer(),
    /** Usage billed (kWh or m³), decimal string. */
    usage: numeric({ precision: 12, scale: 2 }).notNull(),
    /** True when a reading was missing and the usage is an estimate. */
    estimated: boolean().notNull().default(false),
    readingFrom: numeric({ precision: 12, scale: 2 }),
    readingTo: numeric({ precision: 12, scale: 2 }),
    totalFen: integer().notNull(),
    currency: text().notNull().default('CNY'),
    issuedOn: date({ mode: 'string' }).notNull(),
    dueOn: date({ mode: 'string' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('bills_account_period_key').on(t.accountId, t.period),
    index('bills_run_idx').on(t.runId),
  ],
);

export const BILL_LINE_KINDS = [
  'tier',
  'fixed',
  'surcharge',
  'adjustment',
  'waiver',
  'credit',
] as const;

/**
 * The lines a resident reads. `explanation` is a message key plus values, so a line renders in
 * either language ("第一档 150 kWh × ¥0.538 = ¥80.70") from what was billed, never recomputed.
 */
export const billLines = pgTable(
  'bill_lines',
  {
    billId: bigint({ mode: 'number' }).notNull(),
    lineNo: smallint().notNull(),
    kind: text({ enum: BILL_LINE_KINDS }).notNull(),
    tierNo: smallint(),
    quantity: numeric({ precision: 12, scale: 2 }),
    unitPrice: numeric({ precision: 10, scale: 4 }),
    amountFen: integer().notNull(),
    explanation: jsonb().$type<{ key: string; values?: Record<string, string | number> }>(),
  },
  (t) => [primaryKey({ columns: [t.billId, t.lineNo] })],
);

export const LEDGER_KINDS = [
  'bill',
  'payment',
  'refund',
  'reversal',
  'credit',
  'waiver_credit',
] as const;

/**
 * Append-only. Positive amounts are owed by the resident (a bill), negative ones reduce what is
 * owed (a payment, a credit). Balance = sum. Corrections are reversals, never edits.
 */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    accountId: integer().notNull(),
    kind: text({ enum: LEDGER_KINDS }).notNull(),
    amountFen: integer().notNull(),
    currency: text().notNull().default('CNY'),
    billId: bigint({ mode: 'number' }),
    /** Payments, refunds and reversals name what they refer to (e.g. a payment id). */
    reference: text(),
    occurredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('ledger_entries_account_idx').on(t.accountId, t.occurredAt),
    // One ledger entry per bill, whatever a rerun does.
    uniqueIndex('ledger_entries_bill_key')
      .on(t.billId)
      .where(sql`${t.kind} = 'bill'`),
    // One entry per payment, refund or reversal (reference = its id), however often the
    // provider tells us about it.
    uniqueIndex('ledger_entries_reference_key')
      .on(t.kind, t.reference)
      .where(sql`${t.kind} in ('payment', 'refund', 'reversal')`),
  ],
);

export const BILLING_EXCEPTION_REASONS = [
  'negative_consumption',
  'usage_spike',
  'no_tariff',
] as const;

/** Suspicious input set aside for staff instead of producing a wrong bill. */
export const billingExceptions = pgTable(
  'billing_exceptions',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    runId: integer().notNull(),
    accountId: integer().notNull(),
    period: date({ mode: 'string' }).notNull(),
    reason: text({ enum: BILLING_EXCEPTION_REASONS }).notNull(),
    detail: jsonb().$type<Record<string, string | number | null>>(),
    status: text({ enum: ['open', 'corrected', 'released', 'billed'] })
      .notNull()
      .default('open'),
    /** Usage entered by staff when correcting. */
    correctedUsage: numeric({ precision: 12, scale: 2 }),
    resolvedByUserId: text(),
    resolvedAt: timestamp({ withTimezone: true }),
    note: text(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('billing_exceptions_account_period_key').on(t.accountId, t.period),
    index('billing_exceptions_run_idx').on(t.runId, t.status),
    check('billing_exceptions_note_length', sql`char_length(${t.note}) <= 2000`),
  ],
);
