import 'server-only';
import type Stripe from 'stripe';
import { applySetupIntentOutcome } from '../../direct-debit/apply-setup-intent-outcome';
import type { TWebhookHandler } from './types';

/** A direct-debit mandate's bank account or card is saved: the mandate becomes active. */
export const handleSetupIntentSucceeded: TWebhookHandler = async (tx, event) => {
  const intent = event.data.object as Stripe.SetupIntent;
  return { outcome: await applySetupIntentOutcome(tx, intent, 'succeeded'), paymentId: null };
};
