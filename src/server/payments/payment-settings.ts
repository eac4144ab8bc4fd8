import 'server-only';
import { env } from '@/env';

/**
 * The fixed signing secret of the sandbox's webhooks. Public on purpose: it only ever signs
 * sandbox events, and a real deployment sets STRIPE_WEBHOOK_SECRET (required with a key).
 */
export const SANDBOX_WEBHOOK_SECRET = 'whsec_wanjia_offline_sandbox_not_a_real_secret';

/** A fake key in Stripe's test format, sent only to the in-process sandbox. */
export const SANDBOX_SECRET_KEY = 'sk_test_sandbox_wanjia_offline';

/** How payments run here: real Stripe, the offline sandbox, or switched off (ADR 011). */
export type TPaymentMode = 'stripe' | 'sandbox' | 'off';

export function paymentMode(): TPaymentMode {
  if (env.STRIPE_SECRET_KEY) return 'stripe';
  if (env.NODE_ENV !== 'production' || env.STRIPE_SANDBOX_ENABLED) return 'sandbox';
  return 'off';
}

export function webhookSecret(): string {
  return env.STRIPE_WEBHOOK_SECRET ?? SANDBOX_WEBHOOK_SECRET;
}

/** Where the sandbox delivers its webhooks: this app's own endpoint. */
export function webhookUrl(): string {
  return new URL('/api/webhooks/stripe', env.APP_URL).toString();
}

/** Absolute URL in this app (Checkout success / cancel addresses). */
export function appUrl(path: string): string {
  return new URL(path, env.APP_URL).toString();
}
