import 'server-only';
import { chargesResource } from './charges';
import { checkoutSessionsResource } from './checkout-sessions';
import { eventsResource } from './events-resource';
import { paymentIntentsResource } from './payment-intents';
import { refundsResource } from './refunds';
import { customersResource } from './customers';
import { offSessionPaymentIntentsResource } from './off-session-payment-intents';
import { paymentMethodsResource } from './payment-methods';
import { setupSessionsResource } from './setup-sessions';
import type { TSandboxResource } from './types';

/**
 * The Stripe resources the offline sandbox implements. Adding one = a module exporting a
 * `TSandboxResource` (its `METHOD /v1/…` routes) + one line here.
 */
export const sandboxResources: readonly TSandboxResource[] = [
  // Before checkoutSessionsResource: it answers POST /v1/checkout/sessions in setup mode and
  // hands payment mode on (the first of two equally literal routes wins).
  setupSessionsResource,
  checkoutSessionsResource,
  paymentIntentsResource,
  chargesResource,
  refundsResource,
  eventsResource,
  customersResource,
  paymentMethodsResource,
  offSessionPaymentIntentsResource,
];
