import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns';

export const PAYMENT_STATUSES = [
  'pending',
  'processing',
  'succeeded',
  'failed',
  'canceled',
  'refunded',
  'partially_refunded',
] as const;
export type TPaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** How the money comes in: a Checkout the payer opens, or a direct-debit collection (代扣). */
export const PAYMENT_CHANNELS = ['checkout', 'direct_debit'] as const;
export type TPaymentChannel = (typeof PAYMENT_CHANNELS)[number];

/** What the payer asked to pay: one bill (and any older open bills), or the whole balance. */
export const PAYMENT_SCOPES = ['bill', 'balance', 'collection'] as const;
export type TPaymentScope = (typeof PAYMENT_SCOPES)[number];

/**
 * One payment we asked the provider to take. Our id is the idempotency key of every provider
 * call about it, so a retried request never creates a second charge. The amount is computed on
 * the server when the payment is created; the ledger entry is written only when the provider
 * says the money arrived (webhook or reconciliation), never by the browser coming back.
 */
export const payments = pgTable(
  'payments',
  {
    /** `pay_` + 26 random base32 characters; also unguessable, but receipts use receiptToken. */
    id: text().primaryKey(),
    accountId: integer().notNull(),
    channel: text({ enum: PAYMENT_CHANNELS }).notNull().default('checkout'),
    scope: text({ enum: PAYMENT_SCOPES }).notNull(),
    /** The bill the payer chose (scope 'bill'). */
    billId: bigint({ mode: 'number' }),
    amountFen: integer().notNull(),
    currency: text().notNull().default('CNY'),
    status: text({ enum: PAYMENT_STATUSES }).notNull().default('pending'),
    /** Signed-in payer; null for "pay without signing in" and direct debit. */
    payerUserId: text(),
    /** Opaque token of the public receipt link (anonymous payers have no account to sign in to). */
    receiptToken: text().notNull(),
    providerSessionId: text(),
    providerPaymentIntentId: text(),
    providerChargeId: text(),
    /** card | alipay | wechat_pay | sepa_debit … as the provider reports it. */
    methodType: text(),
    failureCode: text(),
    failureMessage: text(),
    refundedFen: integer().notNull().default(0),
    succeededAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('payments_account_idx').on(t.accountId, t.createdAt),
    uniqueIndex('payments_receipt_token_key').on(t.receiptToken),
    uniqueIndex('payments_session_key').on(t.providerSessionId),
    index('payments_intent_idx').on(t.providerPaymentIntentId),
    index('payments_open_idx').on(t.status, t.createdAt),
    // At most one checkout in flight per account: two "pay" clicks (or a son and his mother
    // paying at once) reuse or replace it instead of charging twice.
    uniqueIndex('payments_one_open_checkout_key')
      .on(t.accountId)
      .where(sql`${t.channel} = 'checkout' and ${t.status} in ('pending', 'processing')`),
    check('payments_amount_positive', sql`${t.amountFen} > 0`),
    check('payments_refunded_range', sql`${t.refundedFen} between 0 and ${t.amountFen}`),
  ],
);

/** Every try the provider reported for a payment (a declined card, then a good one). */
export const paymentAttempts = pgTable(
  'payment_attempts',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    paymentId: text().notNull(),
    /** The provider event that told us (unique: a duplicate delivery adds no attempt). */
    eventId: text(),
    outcome: text({ enum: ['succeeded', 'failed', 'processing', 'canceled'] }).notNull(),
    methodType: text(),
    failureCode: text(),
    declineCode: text(),
    failureMessage: text(),
    createdAt: createdAt(),
  },
  (t) => [
    index('payment_attempts_payment_idx').on(t.paymentId, t.createdAt),
    uniqueIndex('payment_attempts_event_key').on(t.eventId),
  ],
);

/**
 * Which bills a payment settled, oldest first, as recorded when it succeeded (receipts and the
 * staff view read this). A refund writes negative rows against the newest bills it re-opens.
 */
export const paymentAllocations = pgTable(
  'payment_allocations',
  {
    paymentId: text().notNull(),
    billId: bigint({ mode: 'number' }).notNull(),
    /** '' for the payment's own allocation; the refund's id for a refund's (negative) one. */
    refundId: text().notNull().default(''),
    amountFen: integer().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.paymentId, t.billId, t.refundId] }),
    index('payment_allocations_bill_idx').on(t.billId),
  ],
);

export const REFUND_STATUSES = [
  'awaiting_approval',
  'rejected',
  'submitted',
  'succeeded',
  'failed',
] as const;
export type TRefundStatus = (typeof REFUND_STATUSES)[number];

/**
 * A refund requested by billing staff (reason required). Above REFUND_APPROVAL_THRESHOLD_FEN it
 * waits for a second, different staff member; then it is sent to the provider with our id as
 * the idempotency key. The ledger `refund` entry is written when the provider confirms it.
 */
export const refunds = pgTable(
  'refunds',
  {
    /** `rf_` + random; the idempotency key of the provider call. */
    id: text().primaryKey(),
    paymentId: text().notNull(),
    accountId: integer().notNull(),
    amountFen: integer().notNull(),
    currency: text().notNull().default('CNY'),
    reason: text().notNull(),
    status: text({ enum: REFUND_STATUSES }).notNull(),
    requestedByUserId: text().notNull(),
    approvedByUserId: text(),
    decidedAt: timestamp({ withTimezone: true }),
    rejectionNote: text(),
    providerRefundId: text(),
    failureReason: text(),
    succeededAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('refunds_payment_idx').on(t.paymentId),
    index('refunds_status_idx').on(t.status, t.createdAt),
    uniqueIndex('refunds_provider_key').on(t.providerRefundId),
    check('refunds_amount_positive', sql`${t.amountFen} > 0`),
    check('refunds_reason_length', sql`char_length(${t.reason}) between 1 and 500`),
    // The four-eyes rule in the database too: nobody approves their own refund.
    check(
      'refunds_second_approver',
      sql`${t.approvedByUserId} is null or ${t.approvedByUserId} <> ${t.requestedByUserId}`,
    ),
  ],
);

export const STRIPE_EVENT_OUTCOMES = ['applied', 'no_change', 'unmatched'] as const;

/**
 * Every provider event we handled, keyed by its id and inserted in the same transaction as its
 * effect: a duplicate delivery finds the row and changes nothing. `unmatched` events name a
 * payment we never created; they are kept (with their payload) for the reconciliation report.
 */
export const stripeEvents = pgTable(
  'stripe_events',
  {
    id: text().primaryKey(),
    type: text().notNull(),
    /** The event's own `created` time at the provider. */
    providerCreatedAt: timestamp({ withTimezone: true }).notNull(),
    outcome: text({ enum: STRIPE_EVENT_OUTCOMES }).notNull(),
    paymentId: text(),
    /** Which path saw it first: the webhook or the reconciliation job. */
    source: text({ enum: ['webhook', 'reconciliation'] }).notNull(),
    payload: jsonb(),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('stripe_events_payment_idx').on(t.paymentId),
    index('stripe_events_outcome_idx').on(t.outcome, t.receivedAt),
  ],
);

/** One run of the reconciliation job: what it re-read and what it repaired. */
export const paymentReconciliations = pgTable('payment_reconciliations', {
  id: integer().primaryKey().generatedByDefaultAsIdentity(),
  startedByUserId: text(),
  status: text({ enum: ['running', 'completed', 'failed'] })
    .notNull()
    .default('running'),
  eventsRead: integer().notNull().default(0),
  eventsApplied: integer().notNull().default(0),
  paymentsChecked: integer().notNull().default(0),
  paymentsRepaired: integer().notNull().default(0),
  unmatched: integer().notNull().default(0),
  /** Provider calls that timed out or failed; the payments they concern stay pending. */
  providerErrors: integer().notNull().default(0),
  notes: jsonb().$type<{ paymentId?: string; eventId?: string; note: string }[]>(),
  startedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp({ withTimezone: true }),
});

/**
 * The offline Stripe sandbox's objects (checkout sessions, payment intents, charges, refunds,
 * events, and whatever resources are added later), as the JSON Stripe would return. In the
 * database so they survive restarts and are shared by the Next server and `npm run worker`.
 */
export const sandboxStripeObjects = pgTable(
  'sandbox_stripe_objects',
  {
    id: text().primaryKey(),
    type: text().notNull(),
    data: jsonb().$type<Record<string, unknown>>().notNull(),
    created: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sandbox_stripe_objects_type_idx').on(t.type, t.created)],
);

/** The sandbox's Idempotency-Key memory: same key + same request → the same response. */
export const sandboxIdempotency = pgTable('sandbox_idempotency', {
  key: text().primaryKey(),
  requestHash: text().notNull(),
  status: integer().notNull(),
  body: jsonb().notNull(),
  created: createdAt(),
});
