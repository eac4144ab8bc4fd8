import 'server-only';
import { applyCheckoutSessionEvent } from './handle-checkout-session';
import type { TWebhookHandler } from './types';

/** A delayed payment (submitted at Checkout) arrived. */
export const handleCheckoutSessionAsyncPaymentSucceeded: TWebhookHandler = (tx, event) =>
  applyCheckoutSessionEvent(tx, event, { kind: 'succeeded' });
