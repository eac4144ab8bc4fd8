import 'server-only';
import { createStripeProvider } from './create-stripe-provider';
import { getStripe } from './get-stripe';
import { paymentMode } from './payment-settings';
import type { TPaymentProvider } from './types';

const globalForProvider = globalThis as unknown as { __wanjiaPaymentProvider?: TPaymentProvider };

/**
 * The provider the payments domain uses. Throws PaymentsUnavailableError when payments are off
 * (production without a key and without the sandbox); callers check `paymentMode()` first.
 */
export function getPaymentProvider(): TPaymentProvider {
  globalForProvider.__wanjiaPaymentProvider ??= createStripeProvider(
    getStripe(),
    paymentMode() === 'stripe' ? 'stripe' : 'sandbox',
  );
  return globalForProvider.__wanjiaPaymentProvider;
}

/** Tests swap in a provider that fails or times out; `undefined` restores the real one. */
export function installPaymentProvider(provider: TPaymentProvider | undefined): void {
  globalForProvider.__wanjiaPaymentProvider = provider;
}
