import 'server-only';
import { handleChargeSucceeded } from './charge-succeeded';
import { handleCheckoutSessionAsyncPaymentFailed } from './checkout-session-async-payment-failed';
import { handleCheckoutSessionAsyncPaymentSucceeded } from './checkout-session-async-payment-succeeded';
import { handleCheckoutSessionCompleted } from './checkout-session-completed';
import { handleCheckoutSessionExpired } from './checkout-session-expired';
import { handlePaymentIntentCanceled } from './payment-intent-canceled';
import { handlePaymentIntentPaymentFailed } from './payment-intent-payment-failed';
import { handlePaymentIntentProcessing } from './payment-intent-processing';
import { handlePaymentIntentSucceeded } from './payment-intent-succeeded';
import { handleRefundCreated } from './refund-created';
import { handleRefundFailed } from './refund-failed';
import { handleSetupIntentSucceeded } from './setup-intent-succeeded';
import { handleSetupIntentSetupFailed } from './setup-intent-setup-failed';
import { handleChargeDisputeCreated } from './charge-dispute-created';
import { handleRefundUpdated } from './refund-updated';
import type { TWebhookHandler } from './types';

/**
 * The allow-list: every event type we act on and its handler (one file per type). Any other
 * type is answered 200 and ignored. Direct debit adds its types (setup_intent.*, disputes) here.
 */
export const webhookHandlers: Readonly<Record<string, TWebhookHandler>> = {
  'checkout.session.completed': handleCheckoutSessionCompleted,
  'checkout.session.async_payment_succeeded': handleCheckoutSessionAsyncPaymentSucceeded,
  'checkout.session.async_payment_failed': handleCheckoutSessionAsyncPaymentFailed,
  'checkout.session.expired': handleCheckoutSessionExpired,
  'payment_intent.succeeded': handlePaymentIntentSucceeded,
  'payment_intent.payment_failed': handlePaymentIntentPaymentFailed,
  'payment_intent.processing': handlePaymentIntentProcessing,
  'payment_intent.canceled': handlePaymentIntentCanceled,
  'charge.succeeded': handleChargeSucceeded,
  'refund.created': handleRefundCreated,
  'refund.updated': handleRefundUpdated,
  'refund.failed': handleRefundFailed,
  'setup_intent.succeeded': handleSetupIntentSucceeded,
  'setup_intent.setup_failed': handleSetupIntentSetupFailed,
  'charge.dispute.created': handleChargeDisputeCreated,
};

export const HANDLED_EVENT_TYPES: readonly string[] = Object.keys(webhookHandlers);
