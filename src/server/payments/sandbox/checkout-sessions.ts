import 'server-only';
import { appUrl } from '../payment-settings';
import { formArray, formMetadata, formObject, formString } from './form-body';
import { invalidParam, missingParam, ok, resourceMissing, stripeError } from './errors';
import { emitSandboxEvents } from './events';
import { sandboxId, unixNow } from './ids';
import { loadSandboxObject, saveSandboxObjects } from './store';
import type { TFormObject, TSandboxResource, TStripeObject } from './types';

/** Sessions stay open for 24 h, as Stripe's do by default. */
const SESSION_LIFETIME_SECONDS = 24 * 60 * 60;

export type TSandboxCheckoutSession = TStripeObject & {
  object: 'checkout.session';
  status: 'open' | 'complete' | 'expired';
  payment_status: 'unpaid' | 'paid' | 'no_payment_required';
  payment_intent: string;
  amount_total: number;
  currency: string;
  success_url: string;
  cancel_url: string | null;
  payment_method_types: string[];
  metadata: Record<string, string>;
  /** Not Stripe's: what the hosted page shows and a card waiting for 3-D Secure. */
  sandbox: { description: string; pending_card?: { brand: string; last4: string } | null };
};

export type TSandboxPaymentIntent = TStripeObject & {
  object: 'payment_intent';
  status:
    | 'requires_payment_method'
    | 'requires_confirmation'
    | 'requires_action'
    | 'processing'
    | 'succeeded'
    | 'canceled';
  amount: number;
  amount_received: number;
  currency: string;
  latest_charge: string | null;
  last_payment_error: Record<string, unknown> | null;
  payment_method_types: string[];
  metadata: Record<string, string>;
};

const METHODS = ['card', 'alipay', 'wechat_pay'] as const;

function createSession(body: TFormObject) {
  if (formString(body, 'mode') !== 'payment')
    return invalidParam('mode', 'Only mode=payment is implemented by the sandbox.');
  const successUrl = formString(body, 'success_url');
  if (!successUrl) return missingParam('success_url');
  const lineItems = formArray(body, 'line_items');
  if (!lineItems || lineItems.length === 0) return missingParam('line_items');
  let amount = 0;
  let currency: string | undefined;
  const names: string[] = [];
  for (const [index, item] of lineItems.entries()) {
    if (typeof item !== 'object' || Array.isArray(item))
      return missingParam(`line_items[${index}]`);
    const price = formObject(item, 'price_data');
    const unitAmount = Number(price ? formString(price, 'unit_amount') : undefined);
    const quantity = Number(formString(item, 'quantity') ?? '1');
    const itemCurrency = price ? formString(price, 'currency') : undefined;
    if (!price || !itemCurrency) return missingParam(`line_items[${index}][price_data][currency]`);
    if (!Number.isSafeInteger(unitAmount) || unitAmount < 0)
      return invalidParam(`line_items[${index}][price_data][unit_amount]`, 'Invalid integer');
    if (!Number.isSafeInteger(quantity) || quantity < 1)
      return invalidParam(`line_items[${index}][quantity]`, 'Invalid integer');
    if (currency && currency !== itemCurrency)
      return invalidParam('line_items', 'All line items must use the same currency.');
    currency = itemCurrency;
    amount += unitAmount * quantity;
    const product = formObject(price, 'product_data');
    names.push((product && formString(product, 'name')) ?? '');
  }
  if (amount < 1)
    return invalidParam('line_items', 'The Checkout Session total must be at least 1 minor unit.');
  const allowed = (formArray(body, 'allowed_payment_method_types') ?? ['card']).filter(
    (m): m is string => typeof m === 'string',
  );
  for (const method of allowed) {
    if (!(METHODS as readonly string[]).includes(method))
      return invalidParam(
        'allowed_payment_method_types',
        `The payment method type "${method}" is invalid or not implemented by the sandbox.`,
      );
  }
  if (allowed.includes('wechat_pay')) {
    const options = formObject(body, 'payment_method_options');
    const wechat = options ? formObject(options, 'wechat_pay') : undefined;
    if (!wechat || formString(wechat, 'client') !== 'web')
      return missingParam('payment_method_options[wechat_pay][client]');
  }
  const created = unixNow();
  const sessionId = sandboxId('cs_test', 58);
  const intentData = formObject(body, 'payment_intent_data') ?? {};
  const intent: TSandboxPaymentIntent = {
    id: sandboxId('pi'),
    object: 'payment_intent',
    amount,
    amount_received: 0,
    currency: currency ?? 'usd',
    status: 'requires_payment_method',
    latest_charge: null,
    last_payment_error: null,
    payment_method_types: allowed,
    metadata: formMetadata(intentData),
    created,
    livemode: false,
  };
  const session: TSandboxCheckoutSession = {
    id: sessionId,
    object: 'checkout.session',
    mode: 'payment',
    status: 'open',
    payment_status: 'unpaid',
    amount_subtotal: amount,
    amount_total: amount,
    currency: currency ?? 'usd',
    payment_intent: intent.id,
    payment_method_types: allowed,
    client_reference_id: formString(body, 'client_reference_id') ?? null,
    customer_email: formString(body, 'customer_email') ?? null,
    locale: formString(body, 'locale') ?? 'auto',
    metadata: formMetadata(body),
    success_url: successUrl.replaceAll('{CHECKOUT_SESSION_ID}', sessionId),
    cancel_url:
      formString(body, 'cancel_url')?.replaceAll('{CHECKOUT_SESSION_ID}', sessionId) ?? null,
    url: appUrl(`/sandbox/checkout/${sessionId}`),
    created,
    expires_at: created + SESSION_LIFETIME_SECONDS,
    livemode: false,
    sandbox: { description: names.filter(Boolean).join(' · '), pending_card: null },
  };
  return { session, intent };
}

async function withExpansions(session: TSandboxCheckoutSession, query: TFormObject) {
  const expand = (formArray(query, 'expand') ?? []).filter((e) => typeof e === 'string');
  if (!expand.includes('payment_intent')) return session;
  const intent = await loadSandboxObject<TSandboxPaymentIntent>(
    session.payment_intent,
    'payment_intent',
  );
  return { ...session, payment_intent: intent };
}

export const checkoutSessionsResource: TSandboxResource = {
  name: 'checkout.sessions',
  routes: [
    {
      method: 'POST',
      path: '/v1/checkout/sessions',
      async handle({ body }) {
        const created = createSession(body);
        if ('status' in created) return created;
        await saveSandboxObjects([created.intent, created.session]);
        return ok(created.session);
      },
    },
    {
      method: 'GET',
      path: '/v1/checkout/sessions/:id',
      async handle({ params, query }) {
        const id = params.id ?? '';
        const session = await loadSandboxObject<TSandboxCheckoutSession>(id, 'checkout.session');
        if (!session) return resourceMissing('checkout.session', id);
        return ok(await withExpansions(session, query));
      },
    },
    {
      method: 'POST',
      path: '/v1/checkout/sessions/:id/expire',
      async handle({ params }) {
        const id = params.id ?? '';
        const session = await loadSandboxObject<TSandboxCheckoutSession>(id, 'checkout.session');
        if (!session) return resourceMissing('checkout.session', id);
        if (session.status !== 'open') {
          return stripeError(400, {
            type: 'invalid_request_error',
            message: `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${session.status}".`,
          });
        }
        const intent = await loadSandboxObject<TSandboxPaymentIntent>(
          session.payment_intent,
          'payment_intent',
        );
        const expired: TSandboxCheckoutSession = { ...session, status: 'expired' };
        const objects: TStripeObject[] = [expired];
        if (intent && intent.status !== 'succeeded' && intent.status !== 'processing') {
          objects.push({ ...intent, status: 'canceled', cancellation_reason: 'abandoned' });
        }
        await saveSandboxObjects(objects);
        await emitSandboxEvents([{ type: 'checkout.session.expired', object: expired }]);
        return ok(expired);
      },
    },
  ],
};
