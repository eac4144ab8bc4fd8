import 'server-only';
import type { TSandboxPaymentIntent } from './checkout-sessions';
import { ok, resourceMissing } from './errors';
import { loadSandboxObject } from './store';
import type { TSandboxResource } from './types';

/** Reading PaymentIntents (Checkout creates them; direct debit adds its own routes). */
export const paymentIntentsResource: TSandboxResource = {
  name: 'payment_intents',
  routes: [
    {
      method: 'GET',
      path: '/v1/payment_intents/:id',
      async handle({ params }) {
        const id = params.id ?? '';
        const intent = await loadSandboxObject<TSandboxPaymentIntent>(id, 'payment_intent');
        return intent ? ok(intent) : resourceMissing('payment_intent', id);
      },
    },
  ],
};
