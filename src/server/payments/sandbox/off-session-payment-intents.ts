import 'server-only';
import type { TSandboxCharge } from './charges';
import type { TSandboxPaymentIntent } from './checkout-sessions';
import { formMetadata, formString } from './form-body';
import { invalidParam, missingParam, ok, resourceMissing, stripeError } from './errors';
import { emitSandboxEvents } from './events';
import { sandboxId, unixNow } from './ids';
import type { TSandboxPaymentMethod } from './payment-methods';
import { loadSandboxObjectBatched, saveSandboxObjectsBatched } from './batched-store';
import type { TSandboxResource, TStripeObject } from './types';

const BANK_DEBITS = new Set(['sepa_debit', 'bacs_debit', 'us_bank_account']);

/**
 * `POST /v1/payment_intents` with `confirm=true&off_session=true`: a direct-debit collection
 * from a saved method, as Stripe answers it. A card is charged at once (succeeded, or a 402
 * card_error with the PaymentIntent in the error); a bank debit answers `processing` and its
 * outcome follows as events (payment_intent.succeeded / payment_intent.payment_failed), as a
 * real SEPA or Bacs debit does days later. A `dispute` test method is charged and then disputed
 * (charge.dispute.created). Other PaymentIntent creation (on-session) is Checkout's.
 */
export const offSessionPaymentIntentsResource: TSandboxResource = {
  name: 'payment_intents (off-session)',
  routes: [
    {
      method: 'POST',
      path: '/v1/payment_intents',
      async handle({ body }) {
        const amount = Number(formString(body, 'amount'));
        const currency = formString(body, 'currency');
        const customer = formString(body, 'customer');
        const paymentMethodId = formString(body, 'payment_method');
        if (!Number.isSafeInteger(amount) || amount < 1)
          return invalidParam('amount', 'Amount must be a positive integer of the smallest unit.');
        if (!currency) return missingParam('currency');
        if (!customer) return missingParam('customer');
        if (!paymentMethodId) return missingParam('payment_method');
        if (formString(body, 'confirm') !== 'true' || formString(body, 'off_session') !== 'true')
          return invalidParam(
            'off_session',
            'The sandbox creates PaymentIntents only confirmed off-session (direct debit); use Checkout for on-session payments.',
          );
        const method = await loadSandboxObjectBatched<TSandboxPaymentMethod>(
          paymentMethodId,
          'payment_method',
        );
        if (!method) return resourceMissing('payment_method', paymentMethodId, 'payment_method');
        if (method.customer !== customer) {
          return stripeError(400, {
            type: 'invalid_request_error',
            code: 'payment_method_not_attached',
            param: 'payment_method',
            message: `The PaymentMethod ${paymentMethodId} is not attached to customer ${customer}.`,
          });
        }
        const created = unixNow();
        const intentId = sandboxId('pi');
        const chargeId = sandboxId('ch');
        const metadata = formMetadata(body);
        const behaviour = method.sandbox.behaviour;
        const bank = BANK_DEBITS.has(method.type);
        const intent: TSandboxPaymentIntent = {
          id: intentId,
          object: 'payment_intent',
          amount,
          amount_received: 0,
          currency,
          customer,
          description: formString(body, 'description') ?? null,
          payment_method: method.id,
          payment_method_types: [method.type],
          status: 'processing',
          latest_charge: chargeId,
          last_payment_error: null,
          metadata,
          created,
          livemode: false,
        };
        const charge: TSandboxCharge = {
          id: chargeId,
          object: 'charge',
          amount,
          amount_refunded: 0,
          refunded: false,
          currency,
          customer,
          payment_intent: intentId,
          status: 'pending',
          payment_method: method.id,
          payment_method_details: { type: method.type },
          metadata,
          created,
          livemode: false,
        };
        const succeeded: TSandboxPaymentIntent = {
          ...intent,
          status: 'succeeded',
          amount_received: amount,
        };
        const paid: TSandboxCharge = { ...charge, status: 'succeeded', paid: true, captured: true };
        const events: { type: string; object: TStripeObject }[] = [];
        let final: { intent: TSandboxPaymentIntent; charge: TSandboxCharge };
        if (behaviour.charge === 'decline') {
          const error = {
            type: bank ? 'invalid_request_error' : 'card_error',
            code: bank ? behaviour.code : 'card_declined',
            decline_code: behaviour.code === 'card_declined' ? 'generic_decline' : behaviour.code,
            message: behaviour.message,
            payment_method: { id: method.id, type: method.type },
          };
          final = {
            intent: {
              ...intent,
              status: 'requires_payment_method',
              latest_charge: chargeId,
              last_payment_error: error,
            },
            charge: {
              ...charge,
              status: 'failed',
              failure_code: error.decline_code,
              failure_message: error.message,
            },
          };
          events.push({ type: 'payment_intent.payment_failed', object: final.intent });
        } else {
          final = { intent: succeeded, charge: paid };
          events.push({ type: 'payment_intent.succeeded', object: succeeded });
          events.push({ type: 'charge.succeeded', object: paid });
          if (behaviour.charge === 'dispute') {
            const dispute: TStripeObject = {
              id: sandboxId('dp'),
              object: 'dispute',
              amount,
              currency,
              charge: chargeId,
              payment_intent: intentId,
              reason: bank ? 'debit_not_authorized' : 'fraudulent',
              status: 'needs_response',
              created,
              livemode: false,
            };
            events.push({ type: 'charge.dispute.created', object: dispute });
          }
        }
        if (bank) events.unshift({ type: 'payment_intent.processing', object: intent });
        // Group-committed with the other collections in flight (a collection day makes thousands).
        await saveSandboxObjectsBatched([final.intent, final.charge]);
        await emitSandboxEvents(events, { grouped: true });
        if (bank) return ok(intent);
        if (final.intent.status === 'succeeded') return ok(final.intent);
        const error = final.intent.last_payment_error ?? {};
        return stripeError(402, {
          type: 'card_error',
          message: String(error.message ?? 'Your card was declined.'),
          code: 'card_declined',
          decline_code: String(error.decline_code ?? 'generic_decline'),
          charge: chargeId,
          payment_intent: final.intent,
          payment_method: { id: method.id, type: method.type },
        });
      },
    },
  ],
};
