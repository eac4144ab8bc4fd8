import 'server-only';
import type Stripe from 'stripe';
import { applyPaymentOutcome, lockPaymentByRefs } from '../apply-payment-outcome';
import type { TWebhookHandler } from './types';

/** A charge went through; it also tells us how the payer paid (card, Alipay, WeChat Pay…). */
export const handleChargeSucceeded: TWebhookHandler = async (tx, event) => {
  const charge = event.data.object as Stripe.Charge;
  const intentId =
    typeof charge.payment_intent === 'string'
      ? charge.payment_intent
      : (charge.payment_intent?.id ?? null);
  const payment = await lockPaymentByRefs(tx, {
    paymentId: charge.metadata.payment_id ?? null,
    paymentIntentId: intentId,
  });
  if (!payment) return { outcome: 'unmatched', paymentId: null };
  const result = await applyPaymentOutcome(
    tx,
    payment,
    { kind: 'succeeded' },
    {
      eventId: event.id,
      paymentIntentId: intentId,
      chargeId: charge.id,
      methodType: charge.payment_method_details?.type ?? null,
    },
  );
  return { outcome: result, paymentId: payment.id };
};
