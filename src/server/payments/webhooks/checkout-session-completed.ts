import 'server-only';
import type Stripe from 'stripe';
import { matchSetupSession } from '../../direct-debit/match-setup-session';
import { applyCheckoutSessionEvent } from './handle-checkout-session';
import type { TWebhookHandler } from './types';

/**
 * The payer finished Checkout. Paid → the payment succeeds; unpaid → a delayed method was
 * submitted and the async_payment_* event will say how it ended.
 */
export const handleCheckoutSessionCompleted: TWebhookHandler = (tx, event) => {
  const session = event.data.object as Stripe.Checkout.Session;
  if (session.mode === 'setup') return matchSetupSession(tx, session);
  const outcome =
    session.payment_status === 'paid'
      ? ({ kind: 'succeeded' } as const)
      : session.payment_status === 'unpaid'
        ? ({ kind: 'processing' } as const)
        : null;
  return applyCheckoutSessionEvent(tx, event, outcome);
};
