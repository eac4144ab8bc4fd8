import 'server-only';
import Stripe from 'stripe';
import { env } from '@/env';
import { paymentMode, SANDBOX_SECRET_KEY } from './payment-settings';
import { sandboxFetch } from './sandbox/router';

const globalForStripe = globalThis as unknown as { __wanjiaStripe?: Stripe };

export class PaymentsUnavailableError extends Error {
  constructor() {
    super('Online payment is off: STRIPE_SECRET_KEY is unset and the sandbox is not enabled.');
    this.name = 'PaymentsUnavailableError';
  }
}

/**
 * The process's Stripe client. With STRIPE_SECRET_KEY it talks to Stripe; without, the SDK's
 * own HTTP-client hook hands every request to the offline sandbox, so the code that calls
 * Stripe is the same code in tests, the demo and production.
 */
export function getStripe(): Stripe {
  if (globalForStripe.__wanjiaStripe) return globalForStripe.__wanjiaStripe;
  const mode = paymentMode();
  let stripe: Stripe;
  if (mode === 'stripe' && env.STRIPE_SECRET_KEY) {
    stripe = new Stripe(env.STRIPE_SECRET_KEY, { maxNetworkRetries: 2, timeout: 20_000 });
  } else if (mode === 'sandbox') {
    stripe = new Stripe(SANDBOX_SECRET_KEY, {
      httpClient: Stripe.createFetchHttpClient(sandboxFetch),
      maxNetworkRetries: 0,
      telemetry: false,
    });
  } else {
    throw new PaymentsUnavailableError();
  }
  globalForStripe.__wanjiaStripe = stripe;
  return stripe;
}
