import 'server-only';
import type { TSandboxCharge } from './charges';
import type { TSandboxPaymentIntent } from './checkout-sessions';
import { invalidParam, missingParam, ok, resourceMissing, stripeError } from './errors';
import { emitSandboxEvents } from './events';
import { formMetadata, formString } from './form-body';
import { sandboxId, unixNow } from './ids';
import { loadSandboxObject, saveSandboxObjects } from './store';
import type { TSandboxResource, TStripeObject } from './types';

export type TSandboxRefund = TStripeObject & {
  object: 'refund';
  amount: number;
  charge: string;
  payment_intent: string;
  currency: string;
  status: 'pending' | 'succeeded' | 'failed' | 'canceled';
  failure_reason: string | null;
  metadata: Record<string, string>;
};

/**
 * Refunds of a succeeded PaymentIntent, full or partial. Cards refund at once; as in Stripe's
 * test mode they succeed, and the charge's `amount_refunded` grows.
 */
export const refundsResource: TSandboxResource = {
  name: 'refunds',
  routes: [
    {
      method: 'POST',
      path: '/v1/refunds',
      async handle({ body }) {
        const intentId = formString(body, 'payment_intent');
        if (!intentId) return missingParam('payment_intent');
        const intent = await loadSandboxObject<TSandboxPaymentIntent>(intentId, 'payment_intent');
        if (!intent) return resourceMissing('payment_intent', intentId, 'payment_intent');
        const charge = intent.latest_charge
          ? await loadSandboxObject<TSandboxCharge>(intent.latest_charge, 'charge')
          : null;
        if (intent.status !== 'succeeded' || !charge) {
          return stripeError(400, {
            type: 'invalid_request_error',
            code: 'charge_not_refundable',
            message: `This PaymentIntent (${intentId}) does not have a successful charge to refund.`,
          });
        }
        const remaining = charge.amount - charge.amount_refunded;
        const amountText = formString(body, 'amount');
        const amount = amountText === undefined ? remaining : Number(amountText);
        if (!Number.isSafeInteger(amount) || amount < 1)
          return invalidParam('amount', 'Invalid positive integer');
        if (remaining <= 0) {
          return stripeError(400, {
            type: 'invalid_request_error',
            code: 'charge_already_refunded',
            message: `Charge ${charge.id} has already been refunded.`,
          });
        }
        if (amount > remaining) {
          return invalidParam(
            'amount',
            `Refund amount (${amount}) is greater than unrefunded amount on charge (${remaining})`,
          );
        }
        const refund: TSandboxRefund = {
          id: sandboxId('re'),
          object: 'refund',
          amount,
          charge: charge.id,
          payment_intent: intent.id,
          currency: charge.currency,
          status: 'succeeded',
          failure_reason: null,
          reason: formString(body, 'reason') ?? null,
          metadata: formMetadata(body),
          created: unixNow(),
        };
        const refunded = charge.amount_refunded + amount;
        const updatedCharge: TSandboxCharge = {
          ...charge,
          amount_refunded: refunded,
          refunded: refunded === charge.amount,
        };
        await saveSandboxObjects([refund, updatedCharge]);
        await emitSandboxEvents([
          { type: 'refund.created', object: refund },
          { type: 'charge.refunded', object: updatedCharge },
          { type: 'refund.updated', object: refund },
        ]);
        return ok(refund);
      },
    },
    {
      method: 'GET',
      path: '/v1/refunds/:id',
      async handle({ params }) {
        const id = params.id ?? '';
        const refund = await loadSandboxObject<TSandboxRefund>(id, 'refund');
        return refund ? ok(refund) : resourceMissing('refund', id);
      },
    },
  ],
};
