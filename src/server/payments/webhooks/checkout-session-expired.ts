import 'server-only';
import { applyCheckoutSessionEvent } from './handle-checkout-session';
import type { TWebhookHandler } from './types';

/** The session closed unpaid (24 h passed, or we expired it for a new one). */
export const handleCheckoutSessionExpired: TWebhookHandler = (tx, event) =>
  applyCheckoutSessionEvent(tx, event, { kind: 'canceled' });
