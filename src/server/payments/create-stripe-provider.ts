import 'server-only';
import type Stripe from 'stripe';
import { webhookSecret } from './payment-settings';
import type {
  TPaymentProvider,
  TProviderCheckoutSession,
  TProviderPaymentIntent,
  TProviderRefund,
} from './types';

/** Stripe's tolerance for a webhook's timestamp, in seconds (its default, stated). */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

/** The payments domain's provider, over the Stripe SDK (real Stripe or the sandbox behind it). */
export function createStripeProvider(
  stripe: Stripe,
  mode: TPaymentProvider['mode'],
): TPaymentProvider {
  return {
    mode,
    async createCheckoutSession(input) {
      const session = await stripe.checkout.sessions.create(
        {
          mode: 'payment',
          allowed_payment_method_types: [...input.methods],
          ...(input.methods.includes('wechat_pay')
            ? { payment_method_options: { wechat_pay: { client: 'web' as const } } }
            : {}),
          line_items: [
            {
              quantity: 1,
              price_data: {
                currency: input.currency.toLowerCase(),
                unit_amount: input.amountFen,
                product_data: { name: input.description },
              },
            },
          ],
          client_reference_id: input.paymentId,
          metadata: { payment_id: input.paymentId },
          payment_intent_data: { metadata: { payment_id: input.paymentId } },
          success_url: input.successUrl,
          cancel_url: input.cancelUrl,
          locale: input.locale,
          ...(input.customerEmail ? { customer_email: input.customerEmail } : {}),
        },
        { idempotencyKey: `checkout-${input.paymentId}` },
      );
      return toCheckoutSession(session);
    },
    async retrieveCheckoutSession(sessionId) {
      return toCheckoutSession(await stripe.checkout.sessions.retrieve(sessionId));
    },
    async expireCheckoutSession(sessionId) {
      const current = await stripe.checkout.sessions.retrieve(sessionId);
      if (current.status === 'expired') return true;
      if (current.status !== 'open') return false;
      const expired = await stripe.checkout.sessions.expire(sessionId, undefined, {
        idempotencyKey: `expire-${sessionId}`,
      });
      return expired.status === 'expired';
    },
    async retrievePaymentIntent(paymentIntentId) {
      return toPaymentIntent(await stripe.paymentIntents.retrieve(paymentIntentId));
    },
    async createRefund(input) {
      const refund = await stripe.refunds.create(
        {
          payment_intent: input.paymentIntentId,
          amount: input.amountFen,
          metadata: { refund_id: input.refundId },
        },
        { idempotencyKey: `refund-${input.refundId}` },
      );
      return toRefund(refund);
    },
    async retrieveRefund(refundId) {
      return toRefund(await stripe.refunds.retrieve(refundId));
    },
    async listEvents({ since, types, max = 1000 }) {
      const events: Stripe.Event[] = [];
      const params: Stripe.EventListParams = {
        limit: 100,
        created: { gte: Math.floor(since.getTime() / 1000) },
        ...(types && types.length > 0 ? { types: [...types] } : {}),
      };
      // Stripe lists newest first; auto-pagination walks back in time.
      for await (const event of stripe.events.list(params)) {
        events.push(event);
        if (events.length >= max) break;
      }
      return events.reverse();
    },
    constructWebhookEvent(rawBody, signature) {
      return stripe.webhooks.constructEvent(
        rawBody,
        signature,
        webhookSecret(),
        WEBHOOK_TOLERANCE_SECONDS,
      );
    },
  };
}

function idOf(value: string | { id: string } | null | undefined): string | null {
  if (!value) return null;
  return typeof value === 'string' ? value : value.id;
}

function toCheckoutSession(session: Stripe.Checkout.Session): TProviderCheckoutSession {
  return {
    id: session.id,
    url: session.url,
    status: session.status ?? 'open',
    paymentStatus: session.payment_status,
    paymentIntentId: idOf(session.payment_intent),
    amountTotal: session.amount_total,
    currency: session.currency,
    metadata: session.metadata ?? {},
  };
}

function toPaymentIntent(intent: Stripe.PaymentIntent): TProviderPaymentIntent {
  const error = intent.last_payment_error;
  return {
    id: intent.id,
    status: intent.status,
    amount: intent.amount,
    currency: intent.currency,
    latestChargeId: idOf(intent.latest_charge),
    methodType: error?.payment_method?.type ?? intent.payment_method_types[0] ?? null,
    lastError: error
      ? {
          code: error.code ?? null,
          declineCode: error.decline_code ?? null,
          message: error.message ?? null,
        }
      : null,
    metadata: intent.metadata,
  };
}

function toRefund(refund: Stripe.Refund): TProviderRefund {
  return {
    id: refund.id,
    status: (refund.status ?? 'pending') as TProviderRefund['status'],
    amount: refund.amount,
    failureReason: refund.failure_reason ?? null,
  };
}
