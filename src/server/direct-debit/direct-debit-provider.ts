import 'server-only';
import Stripe from 'stripe';
import type { TMandateMethodType } from './choose-payment-method-types';

export type TProviderSetupSession = { id: string; url: string | null };

export type TProviderSetupIntent = {
  id: string;
  status: Stripe.SetupIntent.Status;
  customerId: string | null;
  paymentMethodId: string | null;
  metadata: Record<string, string>;
  failureCode: string | null;
};

/** Masked: what a resident may be shown about the account or card money is taken from. */
export type TProviderPaymentMethod = {
  id: string;
  type: string;
  /** Bank code / name or card brand. */
  label: string | null;
  last4: string | null;
};

export type TCollectInput = {
  /** Our attempt id: the idempotency key (`dda_<id>`) — a retried call gets the first answer. */
  attemptId: number;
  paymentId: string;
  collectionId: number;
  amountFen: number;
  currency: string;
  customerId: string;
  paymentMethodId: string;
  description: string;
};

export type TCollectResult =
  | { outcome: 'succeeded' | 'processing'; paymentIntentId: string; methodType: string | null }
  /** The bank or card issuer said no (Stripe's 402): a real failure, counted and retried. */
  | {
      outcome: 'declined';
      paymentIntentId: string | null;
      code: string;
      message: string | null;
    }
  /** No answer (timeout, network, provider 5xx): nothing is known; the same key is sent again. */
  | { outcome: 'unknown'; message: string };

/**
 * The provider calls direct debit makes, beside the payments domain's (TPaymentProvider):
 * a customer, a Checkout Session in setup mode (the hosted page collects the bank account or
 * card and creates an off-session SetupIntent), reading what it saved, and off-session
 * PaymentIntents on the collection day.
 */
export type TDirectDebitProvider = {
  createCustomer(input: {
    mandateId: number;
    accountNumber: string;
    email: string | null;
  }): Promise<string>;
  createSetupSession(input: {
    mandateId: number;
    accountId: number;
    customerId: string;
    currency: string;
    methodTypes: readonly TMandateMethodType[];
    successUrl: string;
    cancelUrl: string;
    locale: 'zh' | 'en';
  }): Promise<TProviderSetupSession>;
  retrieveSetupIntent(setupIntentId: string): Promise<TProviderSetupIntent>;
  retrievePaymentMethod(paymentMethodId: string): Promise<TProviderPaymentMethod>;
  /** Stops the saved method being charged again (cancel); already detached is fine. */
  detachPaymentMethod(paymentMethodId: string): Promise<void>;
  collect(input: TCollectInput): Promise<TCollectResult>;
};

export function createDirectDebitProvider(stripe: Stripe): TDirectDebitProvider {
  return {
    async createCustomer({ mandateId, accountNumber, email }) {
      const customer = await stripe.customers.create(
        {
          description: `Wanjia account ${accountNumber}`,
          metadata: { account_number: accountNumber, mandate_id: String(mandateId) },
          ...(email ? { email } : {}),
        },
        { idempotencyKey: `dd-customer-${mandateId}` },
      );
      return customer.id;
    },
    async createSetupSession(input) {
      const metadata = { mandate_id: String(input.mandateId), account_id: String(input.accountId) };
      const session = await stripe.checkout.sessions.create(
        {
          mode: 'setup',
          currency: input.currency.toLowerCase(),
          customer: input.customerId,
          allowed_payment_method_types: [...input.methodTypes],
          setup_intent_data: { metadata },
          metadata,
          client_reference_id: `mandate-${input.mandateId}`,
          success_url: input.successUrl,
          cancel_url: input.cancelUrl,
          locale: input.locale,
        },
        { idempotencyKey: `dd-setup-${input.mandateId}` },
      );
      return { id: session.id, url: session.url };
    },
    async retrieveSetupIntent(setupIntentId) {
      const intent = await stripe.setupIntents.retrieve(setupIntentId);
      return {
        id: intent.id,
        status: intent.status,
        customerId: idOf(intent.customer),
        paymentMethodId: idOf(intent.payment_method),
        metadata: intent.metadata ?? {},
        failureCode: intent.last_setup_error?.decline_code ?? intent.last_setup_error?.code ?? null,
      };
    },
    async retrievePaymentMethod(paymentMethodId) {
      const method = await stripe.paymentMethods.retrieve(paymentMethodId);
      return maskPaymentMethod(method);
    },
    async detachPaymentMethod(paymentMethodId) {
      try {
        await stripe.paymentMethods.detach(paymentMethodId, undefined, {
          idempotencyKey: `dd-detach-${paymentMethodId}`,
        });
      } catch (error) {
        // Detaching twice is Stripe's invalid_request_error "not attached": the goal is met.
        if (error instanceof Stripe.errors.StripeInvalidRequestError) return;
        throw error;
      }
    },
    async collect(input) {
      try {
        const intent = await stripe.paymentIntents.create(
          {
            amount: input.amountFen,
            currency: input.currency.toLowerCase(),
            customer: input.customerId,
            payment_method: input.paymentMethodId,
            off_session: true,
            confirm: true,
            description: input.description,
            metadata: {
              payment_id: input.paymentId,
              collection_id: String(input.collectionId),
              attempt_id: String(input.attemptId),
            },
          },
          { idempotencyKey: `dda_${input.attemptId}` },
        );
        if (intent.status === 'succeeded' || intent.status === 'processing') {
          return {
            outcome: intent.status === 'succeeded' ? 'succeeded' : 'processing',
            paymentIntentId: intent.id,
            methodType: intent.payment_method_types[0] ?? null,
          };
        }
        // requires_payment_method / requires_action off-session: the bank said no.
        const error = intent.last_payment_error;
        return {
          outcome: 'declined',
          paymentIntentId: intent.id,
          code: error?.decline_code ?? error?.code ?? intent.status,
          message: error?.message ?? null,
        };
      } catch (error) {
        if (error instanceof Stripe.errors.StripeCardError) {
          return {
            outcome: 'declined',
            paymentIntentId: error.payment_intent?.id ?? null,
            code: error.decline_code ?? error.code ?? 'card_declined',
            message: error.message,
          };
        }
        if (
          error instanceof Stripe.errors.StripeInvalidRequestError &&
          error.code === 'payment_method_not_attached'
        ) {
          return {
            outcome: 'declined',
            paymentIntentId: null,
            code: error.code,
            message: error.message,
          };
        }
        const message = error instanceof Error ? error.message : String(error);
        return { outcome: 'unknown', message: message.slice(0, 300) };
      }
    },
  };
}

function idOf(value: string | { id: string } | null | undefined): string | null {
  if (!value) return null;
  return typeof value === 'string' ? value : value.id;
}

export function maskPaymentMethod(method: Stripe.PaymentMethod): TProviderPaymentMethod {
  switch (method.type) {
    case 'sepa_debit':
      return {
        id: method.id,
        type: method.type,
        label: method.sepa_debit?.bank_code ?? method.sepa_debit?.country ?? null,
        last4: method.sepa_debit?.last4 ?? null,
      };
    case 'bacs_debit':
      return {
        id: method.id,
        type: method.type,
        label: method.bacs_debit?.sort_code ?? null,
        last4: method.bacs_debit?.last4 ?? null,
      };
    case 'us_bank_account':
      return {
        id: method.id,
        type: method.type,
        label: method.us_bank_account?.bank_name ?? null,
        last4: method.us_bank_account?.last4 ?? null,
      };
    case 'card':
      return {
        id: method.id,
        type: method.type,
        label: method.card?.brand ?? null,
        last4: method.card?.last4 ?? null,
      };
    default:
      return { id: method.id, type: method.type, label: null, last4: null };
  }
}
