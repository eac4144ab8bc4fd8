import 'server-only';
import type Stripe from 'stripe';
import { applyPaymentIntentEvent } from './handle-payment-intent';
import type { TWebhookHandler } from './types';

/**
 * A try failed (declined card, failed 3-D Secure, a failed debit). On Checkout the payer may try
 * again, so the payment stays open and the try is recorded; a direct debit fails.
 */
export const handlePaymentIntentPaymentFailed: TWebhookHandler = (tx, event) =>
  applyPaymentIntentEvent(tx, event, event.data.object as Stripe.PaymentIntent, {
    kind: 'attempt_failed',
  });
