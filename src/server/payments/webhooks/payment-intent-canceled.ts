import 'server-only';
import type Stripe from 'stripe';
import { applyPaymentIntentEvent } from './handle-payment-intent';
import type { TWebhookHandler } from './types';

/** Nobody can pay this intent any more. */
export const handlePaymentIntentCanceled: TWebhookHandler = (tx, event) =>
  applyPaymentIntentEvent(tx, event, event.data.object as Stripe.PaymentIntent, {
    kind: 'canceled',
  });
