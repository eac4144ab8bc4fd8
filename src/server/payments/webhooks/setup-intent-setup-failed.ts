import 'server-only';
import type Stripe from 'stripe';
import { applySetupIntentOutcome } from '../../direct-debit/apply-setup-intent-outcome';
import type { TWebhookHandler } from './types';

/** Saving a direct-debit mandate's bank account or card failed: the pending mandate fails. */
export const handleSetupIntentSetupFailed: TWebhookHandler = async (tx, event) => {
  const intent = event.data.object as Stripe.SetupIntent;
  return { outcome: await applySetupIntentOutcome(tx, intent, 'failed'), paymentId: null };
};
