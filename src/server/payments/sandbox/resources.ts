import 'server-only';
import { chargesResource } from './charges';
import { checkoutSessionsResource } from './checkout-sessions';
import { eventsResource } from './events-resource';
import { paymentIntentsResource } from './payment-intents';
import { refundsResource } from './refunds';
import type { TSandboxResource } from './types';

/**
 * The Stripe resources the offline sandbox implements. Adding one = a module exporting a
 * `TSandboxResource` (its `METHOD /v1/…` routes) + one line here.
 */
export const sandboxResources: readonly TSandboxResource[] = [
  checkoutSessionsResource,
  paymentIntentsResource,
  chargesResource,
  refundsResource,
  eventsResource,
];
