import 'server-only';
import type Stripe from 'stripe';
import { applyPaymentIntentEvent } from './handle-payment-intent';
import type { TWebhookHandler } from './types';

/** The payment was submitted and will settle later (bank debits, delayed wallets). */
export const handlePaymentIntentProcessing: TWebhookHandler = (tx, event) =>
  applyPaymentIntentEvent(tx, event, event.data.object as Stripe.PaymentIntent, {
    kind: 'processing',
  });
