import 'server-only';
import { and, eq, or, sql } from 'drizzle-orm';
import type { TDb } from '../db';
import {
  bills,
  ledgerEntries,
  paymentAllocations,
  payments,
  refunds,
  serviceAccounts,
} from '../db/schema';
import { unallocateNewestFirst } from './allocation';
import { statusAfterRefunds } from './payment-status';

type TRefundRow = typeof refunds.$inferSelect;

export async function lockRefundByRefs(
  tx: TDb,
  refs: { refundId?: string | null; providerRefundId?: string | null },
): Promise<TRefundRow | null> {
  const conditions = [
    refs.refundId ? eq(refunds.id, refs.refundId) : undefined,
    refs.providerRefundId ? eq(refunds.providerRefundId, refs.providerRefundId) : undefined,
  ].filter((c) => c !== undefined);
  if (conditions.length === 0) return null;
  const [row] = await tx
    .select()
    .from(refunds)
    .where(or(...conditions))
    .limit(1)
    .for('update');
  return row ?? null;
}

/**
 * Applies the provider's word on a refund, in the caller's transaction. Succeeded: the one
 * `refund` ledger entry (positive: the account owes that money again), the payment's refunded
 * amount and status, and negative allocations that re-open the newest bills the payment had
 * covered. Failed: the refund is marked failed. A refund never goes back from succeeded.
 */
export async function applyRefundOutcome(
  tx: TDb,
  refund: TRefundRow,
  provider: { id: string; status: string; failureReason: string | null },
): Promise<'applied' | 'no_change'> {
  if (refund.status === 'succeeded' || refund.status === 'rejected') return 'no_change';
  if (provider.status === 'failed' || provider.status === 'canceled') {
    if (refund.status === 'failed') return 'no_change';
    await tx
      .update(refunds)
      .set({
        status: 'failed',
        providerRefundId: provider.id,
        failureReason: provider.failureReason ?? provider.status,
      })
      .where(eq(refunds.id, refund.id));
    return 'applied';
  }
  if (provider.status !== 'succeeded') {
    if (refund.providerRefundId === provider.id && refund.status === 'submitted')
      return 'no_change';
    await tx
      .update(refunds)
      .set({ status: 'submitted', providerRefundId: provider.id })
      .where(eq(refunds.id, refund.id));
    return 'applied';
  }

  await tx
    .select({ id: serviceAccounts.id })
    .from(serviceAccounts)
    .where(eq(serviceAccounts.id, refund.accountId))
    .for('update');
  const [payment] = await tx
    .select()
    .from(payments)
    .where(eq(payments.id, refund.paymentId))
    .for('update');
  if (!payment) throw new Error(`refund ${refund.id} names a missing payment ${refund.paymentId}`);

  const inserted = await tx
    .insert(ledgerEntries)
    .values({
      accountId: refund.accountId,
      kind: 'refund',
      amountFen: refund.amountFen,
      currency: refund.currency,
      reference: refund.id,
    })
    .onConflictDoNothing()
    .returning({ id: ledgerEntries.id });
  if (inserted.length > 0) {
    const refundedFen = Math.min(payment.amountFen, payment.refundedFen + refund.amountFen);
    await tx
      .update(payments)
      .set({ refundedFen, status: statusAfterRefunds(payment.amountFen, refundedFen) })
      .where(eq(payments.id, payment.id));
    const covered = await tx
      .select({
        billId: paymentAllocations.billId,
        period: bills.period,
        amountFen: sql<number>`sum(${paymentAllocations.amountFen})`.mapWith(Number),
      })
      .from(paymentAllocations)
      .innerJoin(bills, eq(bills.id, paymentAllocations.billId))
      .where(eq(paymentAllocations.paymentId, payment.id))
      .groupBy(paymentAllocations.billId, bills.period);
    const reopened = unallocateNewestFirst(
      covered.filter((c) => c.amountFen > 0),
      refund.amountFen,
    );
    if (reopened.length > 0) {
      await tx
        .insert(paymentAllocations)
        .values(
          reopened.map((a) => ({
            paymentId: payment.id,
            billId: a.billId,
            refundId: refund.id,
            amountFen: a.amountFen,
          })),
        )
        .onConflictDoNothing();
    }
  }
  await tx
    .update(refunds)
    .set({ status: 'succeeded', providerRefundId: provider.id, succeededAt: new Date() })
    .where(and(eq(refunds.id, refund.id)));
  return 'applied';
}
