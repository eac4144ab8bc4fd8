import 'server-only';
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type Stripe from 'stripe';
import { formatFen } from '@/lib/money';
import { writeAudit } from '../audit';
import type { TDb } from '../db';
import {
  bills,
  collections,
  ledgerEntries,
  paymentAllocations,
  serviceAccounts,
  users,
} from '../db/schema';
import { lockPaymentByRefs } from '../payments/apply-payment-outcome';
import { unallocateNewestFirst } from '../payments/allocation';
import { notifyUsers } from '../notifications/notify-users';
import { notifyAccountHolders } from './notify-account-holders';

function idOf(value: string | { id: string } | null | undefined): string | null {
  if (!value) return null;
  return typeof value === 'string' ? value : value.id;
}

/**
 * A chargeback: the payer's bank took a payment back. In the webhook's transaction: one
 * `reversal` ledger entry (the disputed amount is owed again; unique per dispute, so a
 * duplicate event adds nothing), negative allocations that re-open the newest bills the
 * payment had paid, the collection marked disputed, and billing staff and the household told.
 */
export async function reverseDisputedPayment(
  tx: TDb,
  dispute: Stripe.Dispute,
): Promise<{ outcome: 'applied' | 'no_change' | 'unmatched'; paymentId: string | null }> {
  const payment = await lockPaymentByRefs(tx, {
    paymentIntentId: idOf(dispute.payment_intent),
  });
  if (!payment) return { outcome: 'unmatched', paymentId: null };
  // Same lock as a payment's settlement: the balance and allocations move one at a time.
  await tx
    .select({ id: serviceAccounts.id })
    .from(serviceAccounts)
    .where(eq(serviceAccounts.id, payment.accountId))
    .for('update');
  const amountFen = Math.min(dispute.amount, payment.amountFen);
  const inserted = await tx
    .insert(ledgerEntries)
    .values({
      accountId: payment.accountId,
      kind: 'reversal',
      amountFen,
      currency: payment.currency,
      reference: dispute.id,
    })
    .onConflictDoNothing()
    .returning({ id: ledgerEntries.id });
  if (inserted.length === 0) return { outcome: 'no_change', paymentId: payment.id };

  const paid = await tx
    .select({
      billId: paymentAllocations.billId,
      amountFen: sql<number>`sum(${paymentAllocations.amountFen})`.mapWith(Number),
      period: bills.period,
    })
    .from(paymentAllocations)
    .innerJoin(bills, eq(bills.id, paymentAllocations.billId))
    .where(eq(paymentAllocations.paymentId, payment.id))
    .groupBy(paymentAllocations.billId, bills.period)
    .orderBy(desc(bills.period));
  const reopen = unallocateNewestFirst(
    paid.filter((a) => a.amountFen > 0),
    amountFen,
  );
  if (reopen.length > 0) {
    await tx
      .insert(paymentAllocations)
      .values(
        reopen.map((a) => ({
          paymentId: payment.id,
          billId: a.billId,
          refundId: dispute.id,
          amountFen: a.amountFen,
        })),
      )
      .onConflictDoNothing();
  }
  await tx
    .update(collections)
    .set({ disputedAt: new Date() })
    .where(and(eq(collections.paymentId, payment.id), isNull(collections.disputedAt)));
  await writeAudit(tx, null, {
    action: 'payment.disputed',
    subjectType: 'payment',
    subjectId: payment.id,
    detail: { disputeId: dispute.id, amountFen, reason: dispute.reason ?? null },
  });

  const [account] = await tx
    .select({ accountNumber: serviceAccounts.accountNumber })
    .from(serviceAccounts)
    .where(eq(serviceAccounts.id, payment.accountId))
    .limit(1);
  const amount = formatFen(amountFen, 'zh-CN', payment.currency);
  const staff = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.role, ['billing', 'supervisor']), isNull(users.disabledAt)));
  await notifyUsers(
    tx,
    staff.map((s) => ({
      userId: s.id,
      kind: 'direct_debit.dispute',
      title: {
        key: 'directDebit.notify.dispute.staffTitle',
        values: { amount, number: account?.accountNumber ?? '' },
      },
      body: {
        key: 'directDebit.notify.dispute.staffBody',
        values: { amount, payment: payment.id, reason: dispute.reason ?? '' },
      },
      link: `/staff/direct-debit?account=${account?.accountNumber ?? ''}`,
      dedupeKey: `dispute:${dispute.id}`,
    })),
  );
  await notifyAccountHolders(tx, [
    {
      accountId: payment.accountId,
      kind: 'direct_debit.reversed',
      title: { key: 'directDebit.notify.reversed.title', values: { amount } },
      body: { key: 'directDebit.notify.reversed.body', values: { amount } },
      link: `/accounts/${payment.accountId}/bills`,
      dedupeKey: `dispute:${dispute.id}`,
    },
  ]);
  return { outcome: 'applied', paymentId: payment.id };
}
