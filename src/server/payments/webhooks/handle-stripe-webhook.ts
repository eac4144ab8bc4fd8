import 'server-only';
import type Stripe from 'stripe';
import { getPaymentProvider } from '../get-payment-provider';
import { paymentMode } from '../payment-settings';
import { processStripeEvent } from './process-stripe-event';

export type TWebhookResponse = { status: number; body: Record<string, unknown> };

/**
 * The webhook endpoint's whole job, given the raw body and the Stripe-Signature header:
 * 400 for a missing, forged or stale signature or a body that is not an event (nothing
 * changes); 200 for an applied, duplicate, unmatched or ignored event; 500 when applying
 * failed (the provider retries later). 503 while payments are off.
 */
export async function handleStripeWebhook(
  rawBody: string,
  signature: string | null,
): Promise<TWebhookResponse> {
  if (paymentMode() === 'off') return { status: 503, body: { error: 'payments_off' } };
  if (!signature) return { status: 400, body: { error: 'missing_signature' } };
  let event: Stripe.Event;
  try {
    event = getPaymentProvider().constructWebhookEvent(rawBody, signature);
  } catch {
    return { status: 400, body: { error: 'invalid_signature_or_body' } };
  }
  if (typeof event.id !== 'string' || typeof event.type !== 'string' || !event.data) {
    return { status: 400, body: { error: 'not_an_event' } };
  }
  try {
    const result = await processStripeEvent(event, 'webhook');
    return { status: 200, body: { received: true, ...result } };
  } catch (error) {
    console.error(`[payments] webhook ${event.id} (${event.type}) failed:`, error);
    return { status: 500, body: { error: 'processing_failed' } };
  }
}
