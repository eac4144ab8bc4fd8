import 'server-only';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { TActor } from '../auth/actor';
import { assertCan } from '../auth/permissions';
import { getDb } from '../db';
import {
  paymentAttempts,
  paymentReconciliations,
  payments,
  refunds,
  serviceAccounts,
  stripeEvents,
  users,
} from '../db/schema';
import type { TPaymentView } from './dto';
import { loadPaymentView } from './load-payment-view';

export type TStaffPaymentRow = {
  id: string;
  accountId: number;
  accountNumber: string;
  channel: 'checkout' | 'direct_debit';
  status: TPaymentView['status'];
  amountFen: number;
  refundedFen: number;
  currency: string;
  methodType: string | null;
  payer: 'resident' | 'guest' | 'direct_debit';
  createdAt: Date;
};

export type TStaffRefundRow = {
  id: string;
  paymentId: string;
  accountNumber: string;
  amountFen: number;
  currency: string;
  reason: string;
  status: (typeof refunds.$inferSelect)['status'];
  requestedBy: string;
  requestedByUserId: string;
  approvedBy: string | null;
  rejectionNote: string | null;
  failureReason: string | null;
  createdAt: Date;
};

const paymentColumns = {
  id: payments.id,
  accountId: payments.accountId,
  accountNumber: serviceAccounts.accountNumber,
  channel: payments.channel,
  status: payments.status,
  amountFen: payments.amountFen,
  refundedFen: payments.refundedFen,
  currency: payments.currency,
  methodType: payments.methodType,
  payerUserId: payments.payerUserId,
  createdAt: payments.createdAt,
};

function toRow(r: {
  id: string;
  accountId: number;
  accountNumber: string;
  channel: 'checkout' | 'direct_debit';
  status: TPaymentView['status'];
  amountFen: number;
  refundedFen: number;
  currency: string;
  methodType: string | null;
  payerUserId: string | null;
  createdAt: Date;
}): TStaffPaymentRow {
  const { payerUserId, ...rest } = r;
  return {
    ...rest,
    payer: r.channel === 'direct_debit' ? 'direct_debit' : payerUserId ? 'resident' : 'guest',
  };
}

/** Recent payments (all accounts, or one), newest first, for billing staff. */
export async function listStaffPayments(input: {
  actor: TActor;
  accountId?: number;
  limit?: number;
}): Promise<TStaffPaymentRow[]> {
  assertCan(input.actor, 'view:payment:any');
  const db = await getDb();
  const rows = await db
    .select(paymentColumns)
    .from(payments)
    .innerJoin(serviceAccounts, eq(serviceAccounts.id, payments.accountId))
    .where(input.accountId !== undefined ? eq(payments.accountId, input.accountId) : undefined)
    .orderBy(desc(payments.createdAt))
    .limit(input.limit ?? 50);
  return rows.map(toRow);
}

async function refundRows(where: ReturnType<typeof eq> | undefined, limit: number) {
  const db = await getDb();
  const rows = await db
    .select({
      id: refunds.id,
      paymentId: refunds.paymentId,
      accountNumber: serviceAccounts.accountNumber,
      amountFen: refunds.amountFen,
      currency: refunds.currency,
      reason: refunds.reason,
      status: refunds.status,
      requestedByUserId: refunds.requestedByUserId,
      approvedByUserId: refunds.approvedByUserId,
      rejectionNote: refunds.rejectionNote,
      failureReason: refunds.failureReason,
      createdAt: refunds.createdAt,
    })
    .from(refunds)
    .innerJoin(serviceAccounts, eq(serviceAccounts.id, refunds.accountId))
    .where(where)
    .orderBy(desc(refunds.createdAt))
    .limit(limit);
  const ids = [
    ...new Set(
      rows
        .flatMap((r) => [r.requestedByUserId, r.approvedByUserId])
        .filter((x): x is string => !!x),
    ),
  ];
  const names = ids.length
    ? new Map(
        (
          await db
            .select({ id: users.id, name: users.name, email: users.email })
            .from(users)
            .where(inArray(users.id, ids))
        ).map((u) => [u.id, u.name || u.email]),
      )
    : new Map<string, string>();
  return rows.map((r): TStaffRefundRow => ({
    ...r,
    requestedBy: names.get(r.requestedByUserId) ?? r.requestedByUserId,
    approvedBy: r.approvedByUserId ? (names.get(r.approvedByUserId) ?? r.approvedByUserId) : null,
  }));
}

/** Refunds waiting for a second approval, and the most recent ones. */
export async function listStaffRefunds(input: { actor: TActor }): Promise<{
  awaiting: TStaffRefundRow[];
  recent: TStaffRefundRow[];
}> {
  assertCan(input.actor, 'view:payment:any');
  return {
    awaiting: await refundRows(eq(refunds.status, 'awaiting_approval'), 100),
    recent: await refundRows(undefined, 20),
  };
}

/** One payment with its tries, refunds and provider events, for staff. */
export async function getStaffPayment(input: { actor: TActor; paymentId: string }) {
  assertCan(input.actor, 'view:payment:any');
  const payment = await loadPaymentView(eq(payments.id, input.paymentId));
  if (!payment) return null;
  const db = await getDb();
  const [attempts, events, paymentRefunds] = await Promise.all([
    db
      .select({
        outcome: paymentAttempts.outcome,
        methodType: paymentAttempts.methodType,
        failureCode: paymentAttempts.failureCode,
        declineCode: paymentAttempts.declineCode,
        createdAt: paymentAttempts.createdAt,
      })
      .from(paymentAttempts)
      .where(eq(paymentAttempts.paymentId, payment.id))
      .orderBy(asc(paymentAttempts.createdAt)),
    db
      .select({
        id: stripeEvents.id,
        type: stripeEvents.type,
        outcome: stripeEvents.outcome,
        source: stripeEvents.source,
        receivedAt: stripeEvents.receivedAt,
      })
      .from(stripeEvents)
      .where(eq(stripeEvents.paymentId, payment.id))
      .orderBy(asc(stripeEvents.receivedAt)),
    refundRows(eq(refunds.paymentId, payment.id), 50),
  ]);
  return { payment, attempts, events, refunds: paymentRefunds };
}

/** The latest reconciliation runs and provider events we could not match to a payment. */
export async function listReconciliationReport(input: { actor: TActor }) {
  assertCan(input.actor, 'view:payment:any');
  const db = await getDb();
  const [runs, unmatched] = await Promise.all([
    db
      .select()
      .from(paymentReconciliations)
      .orderBy(desc(paymentReconciliations.startedAt))
      .limit(10),
    db
      .select({
        id: stripeEvents.id,
        type: stripeEvents.type,
        receivedAt: stripeEvents.receivedAt,
        source: stripeEvents.source,
      })
      .from(stripeEvents)
      .where(and(eq(stripeEvents.outcome, 'unmatched')))
      .orderBy(desc(stripeEvents.receivedAt))
      .limit(20),
  ]);
  return { runs, unmatched };
}
