import 'server-only';
import { applyCheckoutSessionEvent } from './handle-checkout-session';
import type { TWebhookHandler } from './types';

/** A delayed payment (submitted at Checkout) failed for good. */
export const handleCheckoutSessionAsyncPaymentFailed: TWebhookHandler = (tx, event) =>
  applyCheckoutSessionEvent(tx, event, { kind: 'failed' });
