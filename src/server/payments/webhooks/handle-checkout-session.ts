import 'server-only';
import type Stripe from 'stripe';
import type { TDb } from '../../db';
import {
  applyPaymentOutcome,
  lockPaymentByRefs,
  type TPaymentOutcome,
} from '../apply-payment-outcome';
import type { TWebhookResult } from './types';

/** Shared by the checkout.session.* handlers. */
export async function applyCheckoutSessionEvent(
  tx: TDb,
  event: Stripe.Event,
  outcome: TPaymentOutcome | null,
): Promise<TWebhookResult> {
  const session = event.data.object as Stripe.Checkout.Session;
  const intentId =
    typeof session.payment_intent === 'string'
      ? session.payment_intent
      : (session.payment_intent?.id ?? null);
  const payment = await lockPaymentByRefs(tx, {
    paymentId: session.metadata?.payment_id ?? session.client_reference_id ?? null,
    sessionId: session.id,
  });
  if (!payment) return { outcome: 'unmatched', paymentId: null };
  if (!outcome) return { outcome: 'no_change', paymentId: payment.id };
  const result = await applyPaymentOutcome(tx, payment, outcome, {
    eventId: event.id,
    sessionId: session.id,
    paymentIntentId: intentId,
  });
  return { outcome: result, paymentId: payment.id };
}
