import 'server-only';
import { ok, resourceMissing } from './errors';
import { loadSandboxObject } from './store';
import type { TSandboxResource, TStripeObject } from './types';

export type TSandboxCharge = TStripeObject & {
  object: 'charge';
  amount: number;
  amount_refunded: number;
  refunded: boolean;
  currency: string;
  payment_intent: string;
  status: 'succeeded' | 'pending' | 'failed';
  payment_method_details: { type: string; [key: string]: unknown };
  metadata: Record<string, string>;
};

export const chargesResource: TSandboxResource = {
  name: 'charges',
  routes: [
    {
      method: 'GET',
      path: '/v1/charges/:id',
      async handle({ params }) {
        const id = params.id ?? '';
        const charge = await loadSandboxObject<TSandboxCharge>(id, 'charge');
        return charge ? ok(charge) : resourceMissing('charge', id);
      },
    },
  ],
};
