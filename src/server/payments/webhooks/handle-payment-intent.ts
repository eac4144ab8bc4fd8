import 'server-only';
import type Stripe from 'stripe';
import type { TDb } from '../../db';
import {
  applyPaymentOutcome,
  lockPaymentByRefs,
  type TPaymentOutcome,
} from '../apply-payment-outcome';
import type { TWebhookResult } from './types';

function idOf(value: string | { id: string } | null | undefined): string | null {
  if (!value) return null;
  return typeof value === 'string' ? value : value.id;
}

/** Shared by the payment_intent.* handlers: find our payment and apply the outcome. */
export async function applyPaymentIntentEvent(
  tx: TDb,
  event: Stripe.Event,
  intent: Stripe.PaymentIntent,
  outcome: TPaymentOutcome,
): Promise<TWebhookResult> {
  const payment = await lockPaymentByRefs(tx, {
    paymentId: intent.metadata.payment_id ?? null,
    paymentIntentId: intent.id,
  });
  if (!payment) return { outcome: 'unmatched', paymentId: null };
  const error = intent.last_payment_error;
  const result = await applyPaymentOutcome(tx, payment, outcome, {
    eventId: event.id,
    paymentIntentId: intent.id,
    chargeId: idOf(intent.latest_charge),
    methodType: error?.payment_method?.type ?? null,
    failure: error
      ? {
          code: error.code ?? null,
          declineCode: error.decline_code ?? null,
          message: error.message ?? null,
        }
      : null,
  });
  return { outcome: result, paymentId: payment.id };
}
