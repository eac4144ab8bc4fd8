import 'server-only';
import { eq } from 'drizzle-orm';
import Stripe from 'stripe';
import { getDb } from '../db';
import { payments, refunds } from '../db/schema';
import { applyRefundOutcome, lockRefundByRefs } from './apply-refund-outcome';
import { getPaymentProvider } from './get-payment-provider';

/**
 * Sends a refund (status `submitted`) to the provider with our refund id as the idempotency key,
 * outside any transaction, then applies the answer through the same code as the refund
 * webhooks. A timeout leaves it `submitted`: sending again is safe (same key), and the
 * webhook or reconciliation settles it.
 */
export async function submitRefund(
  refundId: string,
): Promise<'submitted' | 'succeeded' | 'failed' | 'provider_error'> {
  const db = await getDb();
  const [row] = await db
    .select({
      id: refunds.id,
      amountFen: refunds.amountFen,
      status: refunds.status,
      intentId: payments.providerPaymentIntentId,
    })
    .from(refunds)
    .innerJoin(payments, eq(payments.id, refunds.paymentId))
    .where(eq(refunds.id, refundId));
  if (!row || row.status !== 'submitted' || !row.intentId) {
    return row?.status === 'succeeded' || row?.status === 'failed' ? row.status : 'provider_error';
  }
  let answer;
  try {
    answer = await getPaymentProvider().createRefund({
      refundId: row.id,
      paymentIntentId: row.intentId,
      amountFen: row.amountFen,
    });
  } catch (error) {
    // The provider refused the request itself (e.g. more than is left): the refund failed.
    // Anything else (timeout, outage) leaves it submitted for another try.
    if (error instanceof Stripe.errors.StripeInvalidRequestError) {
      await db
        .update(refunds)
        .set({ status: 'failed', failureReason: error.message.slice(0, 300) })
        .where(eq(refunds.id, row.id));
      return 'failed';
    }
    console.error(`[payments] refund ${refundId} not sent:`, error);
    return 'provider_error';
  }
  return db.transaction(async (tx) => {
    const refund = await lockRefundByRefs(tx, { refundId: row.id });
    if (!refund) return 'provider_error' as const;
    await applyRefundOutcome(tx, refund, answer);
    const [after] = await tx
      .select({ status: refunds.status })
      .from(refunds)
      .where(eq(refunds.id, row.id));
    const status = after?.status;
    return status === 'succeeded' || status === 'failed' ? status : ('submitted' as const);
  });
}
