import 'server-only';
import type Stripe from 'stripe';

/** Payment methods a Checkout may offer (what the currency allows; CNY: all three). */
export type TCheckoutMethod = 'card' | 'alipay' | 'wechat_pay';

export type TCreateCheckoutInput = {
  /** Our payment id: the idempotency key and the `payment_id` metadata of the session. */
  paymentId: string;
  amountFen: number;
  currency: string;
  /** Shown on the checkout page ("万家水电 户号 2000000123"). */
  description: string;
  methods: readonly TCheckoutMethod[];
  successUrl: string;
  cancelUrl: string;
  locale: 'zh' | 'en';
  customerEmail?: string;
};

export type TProviderCheckoutSession = {
  id: string;
  url: string | null;
  status: Stripe.Checkout.Session.Status;
  paymentStatus: Stripe.Checkout.Session.PaymentStatus;
  paymentIntentId: string | null;
  amountTotal: number | null;
  currency: string | null;
  metadata: Record<string, string>;
};

export type TProviderPaymentIntent = {
  id: string;
  status: Stripe.PaymentIntent.Status;
  amount: number;
  currency: string;
  latestChargeId: string | null;
  methodType: string | null;
  lastError: { code: string | null; declineCode: string | null; message: string | null } | null;
  metadata: Record<string, string>;
};

export type TCreateRefundInput = {
  /** Our refund id: the idempotency key and the `refund_id` metadata. */
  refundId: string;
  paymentIntentId: string;
  amountFen: number;
};

export type TProviderRefund = {
  id: string;
  status: 'pending' | 'requires_action' | 'succeeded' | 'failed' | 'canceled';
  amount: number;
  failureReason: string | null;
};

/**
 * What the payments domain asks of a payment provider. The one implementation talks to Stripe
 * through its SDK (`createStripeProvider`); without a key the SDK's HTTP client is pointed at
 * the offline sandbox, so the same code runs in both cases. Direct debit adds its own calls
 * (SetupIntents, off-session PaymentIntents) by extending this type and the provider.
 */
export type TPaymentProvider = {
  /** 'stripe' with a real key, 'sandbox' for the offline sandbox. */
  readonly mode: 'stripe' | 'sandbox';
  createCheckoutSession(input: TCreateCheckoutInput): Promise<TProviderCheckoutSession>;
  retrieveCheckoutSession(sessionId: string): Promise<TProviderCheckoutSession>;
  /** Closes an open session so nobody can pay it any more; false when it is already complete. */
  expireCheckoutSession(sessionId: string): Promise<boolean>;
  retrievePaymentIntent(paymentIntentId: string): Promise<TProviderPaymentIntent>;
  createRefund(input: TCreateRefundInput): Promise<TProviderRefund>;
  retrieveRefund(refundId: string): Promise<TProviderRefund>;
  /** Events created after `since`, oldest first (reconciliation re-reads these). */
  listEvents(input: {
    since: Date;
    types?: readonly string[];
    max?: number;
  }): Promise<Stripe.Event[]>;
  /** Verifies a webhook's signature over the raw body (300 s tolerance); throws when it fails. */
  constructWebhookEvent(rawBody: string, signature: string): Stripe.Event;
};
