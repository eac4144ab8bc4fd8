import 'server-only';
import type Stripe from 'stripe';
import type { TDb } from '../../db';

export type TWebhookResult = {
  /** applied: something changed; no_change: already known; unmatched: not our payment. */
  outcome: 'applied' | 'no_change' | 'unmatched';
  paymentId: string | null;
};

/**
 * One event type's effect, run inside the transaction that also records the event id. It
 * must be safe to run for events in any order (the event id makes each one run once).
 */
export type TWebhookHandler = (tx: TDb, event: Stripe.Event) => Promise<TWebhookResult>;
