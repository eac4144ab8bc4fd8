import 'server-only';
import { formMetadata, formString } from './form-body';
import { ok, resourceMissing } from './errors';
import { sandboxId, unixNow } from './ids';
import { loadSandboxObject, saveSandboxObjects } from './store';
import type { TSandboxResource, TStripeObject } from './types';

export type TSandboxCustomer = TStripeObject & {
  object: 'customer';
  email: string | null;
  description: string | null;
  metadata: Record<string, string>;
};

/** Customers: direct debit saves each account's bank account or card on one. */
export const customersResource: TSandboxResource = {
  name: 'customers',
  routes: [
    {
      method: 'POST',
      path: '/v1/customers',
      async handle({ body }) {
        const customer: TSandboxCustomer = {
          id: sandboxId('cus', 14),
          object: 'customer',
          created: unixNow(),
          email: formString(body, 'email') ?? null,
          description: formString(body, 'description') ?? null,
          metadata: formMetadata(body),
          livemode: false,
        };
        await saveSandboxObjects([customer]);
        return ok(customer);
      },
    },
    {
      method: 'GET',
      path: '/v1/customers/:id',
      async handle({ params }) {
        const id = params.id ?? '';
        const customer = await loadSandboxObject<TSandboxCustomer>(id, 'customer');
        return customer ? ok(customer) : resourceMissing('customer', id);
      },
    },
  ],
};
