import 'server-only';
import { appUrl } from '../payment-settings';
import { checkoutSessionsResource } from './checkout-sessions';
import { formArray, formMetadata, formObject, formString } from './form-body';
import { invalidParam, missingParam, ok, resourceMissing } from './errors';
import { sandboxId, unixNow } from './ids';
import { loadSandboxObject, saveSandboxObjects } from './store';
import type { TSandboxRequest, TSandboxResource, TStripeObject } from './types';

/** Methods a setup-mode session can save for off-session collection. */
export const SETUP_METHODS = ['card', 'sepa_debit', 'bacs_debit', 'us_bank_account'] as const;
export type TSetupMethod = (typeof SETUP_METHODS)[number];

export type TSandboxSetupIntent = TStripeObject & {
  object: 'setup_intent';
  status: 'requires_payment_method' | 'succeeded' | 'canceled';
  usage: 'off_session';
  customer: string;
  payment_method: string | null;
  payment_method_types: string[];
  last_setup_error: Record<string, unknown> | null;
  metadata: Record<string, string>;
};

export type TSandboxSetupSession = TStripeObject & {
  object: 'checkout.session';
  mode: 'setup';
  status: 'open' | 'complete' | 'expired';
  currency: string;
  customer: string;
  setup_intent: string;
  payment_method_types: TSetupMethod[];
  success_url: string;
  cancel_url: string | null;
  metadata: Record<string, string>;
};

function createSetupSession(body: Record<string, unknown> & TSandboxRequest['body']) {
  const customer = formString(body, 'customer');
  if (!customer) return missingParam('customer');
  const currency = formString(body, 'currency');
  if (!currency) return missingParam('currency');
  const successUrl = formString(body, 'success_url');
  if (!successUrl) return missingParam('success_url');
  const methods = (formArray(body, 'allowed_payment_method_types') ?? ['card']).filter(
    (m): m is string => typeof m === 'string',
  );
  for (const method of methods) {
    if (!(SETUP_METHODS as readonly string[]).includes(method))
      return invalidParam(
        'allowed_payment_method_types',
        `The payment method type "${method}" cannot be saved in setup mode by the sandbox.`,
      );
  }
  const created = unixNow();
  const sessionId = sandboxId('cs_test', 58);
  const intent: TSandboxSetupIntent = {
    id: sandboxId('seti'),
    object: 'setup_intent',
    status: 'requires_payment_method',
    usage: 'off_session',
    customer,
    payment_method: null,
    payment_method_types: methods,
    last_setup_error: null,
    metadata: formMetadata(formObject(body, 'setup_intent_data') ?? {}),
    created,
    livemode: false,
  };
  const session: TSandboxSetupSession = {
    id: sessionId,
    object: 'checkout.session',
    mode: 'setup',
    status: 'open',
    payment_status: 'no_payment_required',
    currency,
    customer,
    setup_intent: intent.id,
    payment_intent: null,
    payment_method_types: methods as TSetupMethod[],
    client_reference_id: formString(body, 'client_reference_id') ?? null,
    locale: formString(body, 'locale') ?? 'auto',
    metadata: formMetadata(body),
    success_url: successUrl.replaceAll('{CHECKOUT_SESSION_ID}', sessionId),
    cancel_url:
      formString(body, 'cancel_url')?.replaceAll('{CHECKOUT_SESSION_ID}', sessionId) ?? null,
    url: appUrl(`/sandbox/setup/${sessionId}`),
    created,
    expires_at: created + 24 * 60 * 60,
    livemode: false,
  };
  return { session, intent };
}

const paymentModeCreate = checkoutSessionsResource.routes.find(
  (r) => r.method === 'POST' && r.path === '/v1/checkout/sessions',
);

/**
 * Checkout Sessions in setup mode (direct-debit mandates): the hosted page at
 * /sandbox/setup/<id> takes a test bank account or card. Stripe has one endpoint for every
 * mode, so this route answers `POST /v1/checkout/sessions` and hands payment mode to the
 * checkout-sessions module unchanged (it is listed before it in resources.ts). Reading a
 * session (GET) is the checkout-sessions module's: both are stored as `checkout.session`.
 */
export const setupSessionsResource: TSandboxResource = {
  name: 'checkout.sessions (setup mode)',
  routes: [
    {
      method: 'POST',
      path: '/v1/checkout/sessions',
      async handle(request) {
        if (formString(request.body, 'mode') !== 'setup') {
          if (!paymentModeCreate) return invalidParam('mode', 'Unsupported mode.');
          return paymentModeCreate.handle(request);
        }
        const created = createSetupSession(request.body);
        if ('status' in created) return created;
        await saveSandboxObjects([created.intent, created.session]);
        return ok(created.session);
      },
    },
    {
      method: 'GET',
      path: '/v1/setup_intents/:id',
      async handle({ params }) {
        const id = params.id ?? '';
        const intent = await loadSandboxObject<TSandboxSetupIntent>(id, 'setup_intent');
        return intent ? ok(intent) : resourceMissing('setup_intent', id);
      },
    },
  ],
};
