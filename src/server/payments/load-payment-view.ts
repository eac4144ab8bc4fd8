import 'server-only';
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { getDb } from '../db';
import { bills, paymentAllocations, payments, serviceAccounts } from '../db/schema';
import type { TPaymentView } from './dto';
import { maskHolderName } from './mask-holder-name';

/**
 * One payment with its account and allocations, found by a condition the caller supplies —
 * ownership (a JOIN through account_links), a receipt token, or staff access — so a foreign id
 * finds nothing.
 */
export async function loadPaymentView(where: SQL): Promise<TPaymentView | null> {
  const db = await getDb();
  const [row] = await db
    .select({
      id: payments.id,
      status: payments.status,
      channel: payments.channel,
      scope: payments.scope,
      amountFen: payments.amountFen,
      refundedFen: payments.refundedFen,
      currency: payments.currency,
      methodType: payments.methodType,
      failureCode: payments.failureCode,
      createdAt: payments.createdAt,
      succeededAt: payments.succeededAt,
      receiptToken: payments.receiptToken,
      accountId: serviceAccounts.id,
      accountNumber: serviceAccounts.accountNumber,
      utility: serviceAccounts.utility,
      holderName: serviceAccounts.holderName,
    })
    .from(payments)
    .innerJoin(serviceAccounts, eq(serviceAccounts.id, payments.accountId))
    .where(where)
    .limit(1);
  if (!row) return null;
  const allocations = await db
    .select({
      billId: paymentAllocations.billId,
      period: bills.period,
      amountFen: sql<number>`sum(${paymentAllocations.amountFen})`.mapWith(Number),
    })
    .from(paymentAllocations)
    .innerJoin(bills, eq(bills.id, paymentAllocations.billId))
    .where(and(eq(paymentAllocations.paymentId, row.id), eq(paymentAllocations.refundId, '')))
    .groupBy(paymentAllocations.billId, bills.period)
    .orderBy(asc(bills.period));
  const allocated = allocations.reduce((sum, a) => sum + a.amountFen, 0);
  const settled =
    row.status === 'succeeded' || row.status === 'partially_refunded' || row.status === 'refunded';
  return {
    id: row.id,
    status: row.status,
    channel: row.channel,
    scope: row.scope,
    amountFen: row.amountFen,
    refundedFen: row.refundedFen,
    currency: row.currency,
    methodType: row.methodType,
    failureCode: settled ? null : row.failureCode,
    createdAt: row.createdAt,
    succeededAt: row.succeededAt,
    receiptToken: row.receiptToken,
    account: {
      id: row.accountId,
      accountNumber: row.accountNumber,
      utility: row.utility,
      maskedHolder: maskHolderName(row.holderName),
    },
    allocations,
    creditFen: settled ? Math.max(0, row.amountFen - allocated) : 0,
  };
}
