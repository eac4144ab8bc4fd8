import 'server-only';
import { getStripe } from '../payments/get-stripe';
import { createDirectDebitProvider, type TDirectDebitProvider } from './direct-debit-provider';

const globalForProvider = globalThis as unknown as {
  __wanjiaDirectDebitProvider?: TDirectDebitProvider;
};

/** The provider direct debit uses: Stripe's SDK (real, or the offline sandbox behind it). */
export function getDirectDebitProvider(): TDirectDebitProvider {
  globalForProvider.__wanjiaDirectDebitProvider ??= createDirectDebitProvider(getStripe());
  return globalForProvider.__wanjiaDirectDebitProvider;
}

/** Tests swap in a provider that times out; `undefined` restores the real one. */
export function installDirectDebitProvider(provider: TDirectDebitProvider | undefined): void {
  globalForProvider.__wanjiaDirectDebitProvider = provider;
}
