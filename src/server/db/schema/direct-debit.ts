import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns';

export const MANDATE_STATUSES = ['pending', 'active', 'canceled', 'failed'] as const;
export type TMandateStatus = (typeof MANDATE_STATUSES)[number];

/**
 * A resident's standing permission (代扣授权) to collect an account's bills from a bank account
 * or saved card. Set up through a provider SetupIntent; `pending` until the provider confirms
 * it. Only masked details are kept (last four digits, bank or card brand), never the number.
 */
export const mandates = pgTable(
  'mandates',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    accountId: integer().notNull(),
    status: text({ enum: MANDATE_STATUSES }).notNull().default('pending'),
    currency: text().notNull().default('CNY'),
    /** sepa_debit | bacs_debit | us_bank_account | card */
    methodType: text().notNull(),
    /** Bank name/code or card brand, as the provider reports it. */
    methodLabel: text(),
    methodLast4: text(),
    providerCustomerId: text(),
    providerSessionId: text(),
    providerSetupIntentId: text(),
    providerPaymentMethodId: text(),
    /** The resident who set it up. */
    createdByUserId: text().notNull(),
    /** The active mandate this one replaces when it becomes active (changing the bank account). */
    replacesMandateId: integer(),
    failureCode: text(),
    activatedAt: timestamp({ withTimezone: true }),
    canceledAt: timestamp({ withTimezone: true }),
    canceledByUserId: text(),
    /** resident | replaced | staff | account_closed | unlinked */
    cancelReason: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('mandates_account_idx').on(t.accountId, t.createdAt),
    // One mandate collects an account at a time; a replacement waits as `pending`.
    uniqueIndex('mandates_one_active_key')
      .on(t.accountId)
      .where(sql`${t.status} = 'active'`),
    uniqueIndex('mandates_setup_intent_key').on(t.providerSetupIntentId),
    uniqueIndex('mandates_session_key').on(t.providerSessionId),
  ],
);

export const COLLECTION_STATUSES = [
  'scheduled',
  'notified',
  'processing',
  'succeeded',
  'failed',
  'skipped',
  'canceled',
] as const;
export type TCollectionStatus = (typeof COLLECTION_STATUSES)[number];

/** Collections that may still take money (the ones a cancel stops, the ones a bill may have). */
export const LIVE_COLLECTION_STATUSES = ['scheduled', 'notified', 'processing'] as const;

/**
 * One bill collected under a mandate. Planned when the bill is seen (`collectOn` a working day
 * at least DIRECT_DEBIT_NOTICE_DAYS after the notice), `notified` once the advance notice went
 * out, then attempted on `nextAttemptOn` (up to three attempts). The amount actually taken is
 * the bill's open amount on the collection day; a bill already paid is `skipped`.
 */
export const collections = pgTable(
  'collections',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    mandateId: integer().notNull(),
    accountId: integer().notNull(),
    billId: bigint({ mode: 'number' }).notNull(),
    /** The amount announced in the notice (the bill's open amount when planned). */
    amountFen: integer().notNull(),
    currency: text().notNull().default('CNY'),
    /** The collection day announced to the resident. */
    collectOn: date({ mode: 'string' }).notNull(),
    /** The last day the advance notice may go out. */
    noticeBy: date({ mode: 'string' }).notNull(),
    noticeSentAt: timestamp({ withTimezone: true }),
    status: text({ enum: COLLECTION_STATUSES }).notNull().default('scheduled'),
    attemptCount: smallint().notNull().default(0),
    /** When the next attempt is due (the collection day, then each retry day); null when done. */
    nextAttemptOn: date({ mode: 'string' }),
    /** The payment of the attempt in flight or the one that succeeded. */
    paymentId: text(),
    lastFailureCode: text(),
    /** skipped: bill_paid | mandate_canceled … */
    closedReason: text(),
    disputedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('collections_due_idx')
      .on(t.nextAttemptOn, t.id)
      .where(sql`${t.status} in ('notified', 'scheduled')`),
    index('collections_account_idx').on(t.accountId, t.collectOn),
    index('collections_mandate_idx').on(t.mandateId),
    index('collections_payment_idx').on(t.paymentId),
    // A bill is never being collected twice at once, whatever a rerun or a new mandate does.
    uniqueIndex('collections_one_live_per_bill_key')
      .on(t.billId)
      .where(sql`${t.status} in ('scheduled', 'notified', 'processing')`),
    check('collections_amount_positive', sql`${t.amountFen} > 0`),
    check('collections_attempts_range', sql`${t.attemptCount} between 0 and 3`),
  ],
);

/**
 * Each try to take the money. The attempt's id (`dda_<id>`) is the idempotency key of the
 * provider call, so a crash between the call and writing its result never charges twice: the
 * retried call gets the provider's first answer back.
 */
export const collectionAttempts = pgTable(
  'collection_attempts',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    collectionId: bigint({ mode: 'number' }).notNull(),
    attemptNo: smallint().notNull(),
    paymentId: text().notNull(),
    amountFen: integer().notNull(),
    status: text({ enum: ['processing', 'succeeded', 'failed'] })
      .notNull()
      .default('processing'),
    providerPaymentIntentId: text(),
    failureCode: text(),
    failureMessage: text(),
    attemptedOn: date({ mode: 'string' }).notNull(),
    createdAt: createdAt(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('collection_attempts_no_key').on(t.collectionId, t.attemptNo),
    uniqueIndex('collection_attempts_payment_key').on(t.paymentId),
  ],
);
