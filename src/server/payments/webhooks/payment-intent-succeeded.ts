import 'server-only';
import type Stripe from 'stripe';
import { applyPaymentIntentEvent } from './handle-payment-intent';
import type { TWebhookHandler } from './types';

/** The money arrived: the payment succeeds (ledger entry + allocations, once). */
export const handlePaymentIntentSucceeded: TWebhookHandler = (tx, event) =>
  applyPaymentIntentEvent(tx, event, event.data.object as Stripe.PaymentIntent, {
    kind: 'succeeded',
  });
