import 'server-only';
import type Stripe from 'stripe';
import { applyRefundOutcome, lockRefundByRefs } from '../apply-refund-outcome';
import type { TWebhookHandler } from './types';

/** refund.created / refund.updated / refund.failed all carry the refund as it is now. */
export const handleRefundEvent: TWebhookHandler = async (tx, event) => {
  const refund = event.data.object as Stripe.Refund;
  const row = await lockRefundByRefs(tx, {
    refundId: refund.metadata?.refund_id ?? null,
    providerRefundId: refund.id,
  });
  if (!row) return { outcome: 'unmatched', paymentId: null };
  const result = await applyRefundOutcome(tx, row, {
    id: refund.id,
    status: refund.status ?? 'pending',
    failureReason: refund.failure_reason ?? null,
  });
  return { outcome: result, paymentId: row.paymentId };
};
