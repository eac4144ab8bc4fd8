import 'server-only';
import { ok, resourceMissing, stripeError } from './errors';
import { loadSandboxObject, saveSandboxObjects } from './store';
import type { TChargeBehaviour } from './test-bank-accounts';
import type { TSandboxResource, TStripeObject } from './types';

export type TSandboxPaymentMethod = TStripeObject & {
  object: 'payment_method';
  type: string;
  customer: string | null;
  card?: { brand: string; last4: string; exp_month: number; exp_year: number; country: string };
  sepa_debit?: { bank_code: string; country: string; last4: string };
  bacs_debit?: { sort_code: string; last4: string };
  us_bank_account?: { bank_name: string; routing_number: string; last4: string };
  /** Not Stripe's: what happens when it is charged (from the test number it was made with). */
  sandbox: { behaviour: TChargeBehaviour };
};

/** Reading and detaching saved payment methods. */
export const paymentMethodsResource: TSandboxResource = {
  name: 'payment_methods',
  routes: [
    {
      method: 'GET',
      path: '/v1/payment_methods/:id',
      async handle({ params }) {
        const id = params.id ?? '';
        const method = await loadSandboxObject<TSandboxPaymentMethod>(id, 'payment_method');
        return method ? ok(method) : resourceMissing('payment_method', id);
      },
    },
    {
      method: 'POST',
      path: '/v1/payment_methods/:id/detach',
      async handle({ params }) {
        const id = params.id ?? '';
        const method = await loadSandboxObject<TSandboxPaymentMethod>(id, 'payment_method');
        if (!method) return resourceMissing('payment_method', id);
        if (!method.customer) {
          return stripeError(400, {
            type: 'invalid_request_error',
            code: 'payment_method_unexpected_state',
            message:
              'The payment method you provided is not attached to a customer so detachment is impossible.',
          });
        }
        const detached: TSandboxPaymentMethod = { ...method, customer: null };
        await saveSandboxObjects([detached]);
        return ok(detached);
      },
    },
  ],
};
