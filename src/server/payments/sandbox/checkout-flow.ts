import 'server-only';
import { eq, inArray } from 'drizzle-orm';
import { getDb } from '../../db';
import { sandboxStripeObjects } from '../../db/schema';
import type { TSandboxCharge } from './charges';
import type { TSandboxCheckoutSession, TSandboxPaymentIntent } from './checkout-sessions';
import { emitSandboxEvents } from './events';
import { sandboxId, unixNow } from './ids';
import { saveSandboxObjects } from './store';
import { cardBehaviour, expiryIsValid, normaliseCardNumber, passesLuhn } from './test-cards';
import type { TStripeObject } from './types';

/**
 * What the hosted sandbox checkout page does when the payer acts: the same state changes and
 * events Stripe's hosted page causes. The page (src/app/sandbox/checkout) calls these through
 * server actions; nothing here trusts the browser for amounts.
 */

export type TSandboxCheckoutView = {
  id: string;
  status: TSandboxCheckoutSession['status'];
  paymentStatus: TSandboxCheckoutSession['payment_status'];
  amountFen: number;
  currency: string;
  description: string;
  methods: string[];
  locale: string;
  successUrl: string;
  cancelUrl: string | null;
  /** A card is waiting for the simulated 3-D Secure step. */
  awaitingAuthentication: { brand: string; last4: string } | null;
  lastError: { code: string; message: string } | null;
};

async function loadPair(sessionId: string) {
  const db = await getDb();
  const [row] = await db
    .select({ data: sandboxStripeObjects.data })
    .from(sandboxStripeObjects)
    .where(eq(sandboxStripeObjects.id, sessionId))
    .limit(1);
  const session = row?.data as TSandboxCheckoutSession | undefined;
  if (!session || session.object !== 'checkout.session') return null;
  const [intentRow] = await db
    .select({ data: sandboxStripeObjects.data })
    .from(sandboxStripeObjects)
    .where(eq(sandboxStripeObjects.id, session.payment_intent))
    .limit(1);
  const intent = intentRow?.data as TSandboxPaymentIntent | undefined;
  if (!intent) return null;
  return { session, intent };
}

export async function getSandboxCheckout(sessionId: string): Promise<TSandboxCheckoutView | null> {
  const pair = await loadPair(sessionId);
  if (!pair) return null;
  const { session, intent } = pair;
  const error = intent.last_payment_error as {
    code?: string;
    decline_code?: string;
    message?: string;
  } | null;
  return {
    id: session.id,
    status: session.status,
    paymentStatus: session.payment_status,
    amountFen: session.amount_total,
    currency: session.currency,
    description: session.sandbox.description,
    methods: session.payment_method_types,
    locale: typeof session.locale === 'string' ? session.locale : 'auto',
    successUrl: session.success_url,
    cancelUrl: session.cancel_url,
    awaitingAuthentication:
      intent.status === 'requires_action' ? (session.sandbox.pending_card ?? null) : null,
    lastError: error
      ? { code: error.decline_code ?? error.code ?? 'card_declined', message: error.message ?? '' }
      : null,
  };
}

export type TSandboxPayResult =
  | { outcome: 'succeeded'; redirectTo: string }
  | { outcome: 'processing'; redirectTo: string }
  | { outcome: 'declined'; code: string }
  | { outcome: 'requires_authentication' }
  | { outcome: 'invalid'; field: 'number' | 'expiry' | 'cvc' }
  | { outcome: 'closed'; redirectTo: string | null };

function closedResult(session: TSandboxCheckoutSession): TSandboxPayResult {
  return {
    outcome: 'closed',
    redirectTo: session.status === 'complete' ? session.success_url : session.cancel_url,
  };
}

/** Pays with a card number from Stripe's test list. */
export async function payWithSandboxCard(
  sessionId: string,
  input: { number: string; expiry: string; cvc: string },
): Promise<TSandboxPayResult | null> {
  const pair = await loadPair(sessionId);
  if (!pair) return null;
  const { session, intent } = pair;
  if (session.status !== 'open' || intent.status === 'succeeded' || intent.status === 'processing')
    return closedResult(session);
  const digits = normaliseCardNumber(input.number);
  if (!passesLuhn(digits)) return { outcome: 'invalid', field: 'number' };
  if (!expiryIsValid(input.expiry)) return { outcome: 'invalid', field: 'expiry' };
  if (!/^\d{3,4}$/.test(input.cvc.trim())) return { outcome: 'invalid', field: 'cvc' };
  const behaviour = cardBehaviour(digits);
  const card = { brand: behaviour.brand, last4: digits.slice(-4) };
  if (behaviour.kind === 'success') {
    if (!(await succeed(session, intent, 'card', { card }))) return closedResult(session);
    return { outcome: 'succeeded', redirectTo: session.success_url };
  }
  if (behaviour.kind === 'authenticate') {
    await saveSandboxObjects([
      { ...intent, status: 'requires_action', next_action: { type: 'use_stripe_sdk' } },
      { ...session, sandbox: { ...session.sandbox, pending_card: card } },
    ]);
    await emitSandboxEvents([
      { type: 'payment_intent.requires_action', object: { ...intent, status: 'requires_action' } },
    ]);
    return { outcome: 'requires_authentication' };
  }
  await fail(session, intent, 'card', {
    type: 'card_error',
    code: behaviour.code,
    decline_code: behaviour.declineCode,
    message: behaviour.message,
    payment_method: { type: 'card', card: { brand: card.brand, last4: card.last4 } },
  });
  return { outcome: 'declined', code: behaviour.declineCode };
}

/** The simulated 3-D Secure page: the payer completes or fails the bank's check. */
export async function completeSandboxAuthentication(
  sessionId: string,
  approve: boolean,
): Promise<TSandboxPayResult | null> {
  const pair = await loadPair(sessionId);
  if (!pair) return null;
  const { session, intent } = pair;
  if (session.status !== 'open' || intent.status !== 'requires_action')
    return closedResult(session);
  const card = session.sandbox.pending_card ?? { brand: 'visa', last4: '3155' };
  const cleared = { ...session, sandbox: { ...session.sandbox, pending_card: null } };
  if (approve) {
    if (!(await succeed(cleared, intent, 'card', { card }))) return closedResult(session);
    return { outcome: 'succeeded', redirectTo: session.success_url };
  }
  await fail(cleared, intent, 'card', {
    type: 'invalid_request_error',
    code: 'payment_intent_authentication_failure',
    message:
      'We are unable to authenticate your payment method. Please choose a different payment method and try again.',
    payment_method: { type: 'card', card },
  });
  return { outcome: 'declined', code: 'payment_intent_authentication_failure' };
}

/**
 * The simulated Alipay / WeChat Pay page: authorise (paid at once), authorise with the
 * confirmation arriving later (the session completes unpaid; the money settles a few seconds
 * later through async_payment_succeeded), or fail.
 */
export async function authorizeSandboxWallet(
  sessionId: string,
  method: 'alipay' | 'wechat_pay',
  decision: 'approve' | 'approve_later' | 'fail',
): Promise<TSandboxPayResult | null> {
  const pair = await loadPair(sessionId);
  if (!pair) return null;
  const { session, intent } = pair;
  if (!session.payment_method_types.includes(method))
    return { outcome: 'invalid', field: 'number' };
  if (session.status !== 'open' || intent.status === 'succeeded' || intent.status === 'processing')
    return closedResult(session);
  if (decision === 'approve') {
    if (!(await succeed(session, intent, method, {}))) return closedResult(session);
    return { outcome: 'succeeded', redirectTo: session.success_url };
  }
  if (decision === 'approve_later') {
    if (!(await submitForLater(session, intent, method))) return closedResult(session);
    return { outcome: 'processing', redirectTo: session.success_url };
  }
  await fail(session, intent, method, {
    type: 'card_error',
    code: 'payment_method_provider_decline',
    message:
      method === 'alipay'
        ? 'The payment was declined by Alipay.'
        : 'The payment was declined by WeChat Pay.',
    payment_method: { type: method },
  });
  return { outcome: 'declined', code: 'payment_method_provider_decline' };
}

/** The payer leaves: Stripe keeps the session open until it expires; we go back to cancel_url. */
export async function leaveSandboxCheckout(sessionId: string): Promise<string | null> {
  const pair = await loadPair(sessionId);
  if (!pair) return null;
  return pair.session.cancel_url ?? pair.session.success_url;
}

async function succeed(
  session: TSandboxCheckoutSession,
  intent: TSandboxPaymentIntent,
  method: string,
  details: Record<string, unknown>,
): Promise<boolean> {
  const charge: TSandboxCharge = {
    id: sandboxId('ch'),
    object: 'charge',
    amount: intent.amount,
    amount_captured: intent.amount,
    amount_refunded: 0,
    refunded: false,
    captured: true,
    paid: true,
    currency: intent.currency,
    payment_intent: intent.id,
    status: 'succeeded',
    payment_method_details: { type: method, ...details },
    metadata: intent.metadata,
    created: unixNow(),
    livemode: false,
  };
  const paidIntent: TSandboxPaymentIntent = {
    ...intent,
    status: 'succeeded',
    amount_received: intent.amount,
    latest_charge: charge.id,
    last_payment_error: null,
    payment_method_types: [method],
  };
  const completed: TSandboxCheckoutSession = {
    ...session,
    status: 'complete',
    payment_status: 'paid',
  };
  if (!(await commitOnce(session.id, [charge, paidIntent, completed]))) return false;
  await emitSandboxEvents([
    { type: 'charge.succeeded', object: charge },
    { type: 'payment_intent.succeeded', object: paidIntent },
    { type: 'checkout.session.completed', object: completed },
  ]);
  return true;
}

async function submitForLater(
  session: TSandboxCheckoutSession,
  intent: TSandboxPaymentIntent,
  method: string,
): Promise<boolean> {
  const processing: TSandboxPaymentIntent = {
    ...intent,
    status: 'processing',
    last_payment_error: null,
    payment_method_types: [method],
  };
  const completed: TSandboxCheckoutSession = {
    ...session,
    status: 'complete',
    payment_status: 'unpaid',
  };
  if (!(await commitOnce(session.id, [processing, completed]))) return false;
  await emitSandboxEvents([
    { type: 'payment_intent.processing', object: processing },
    { type: 'checkout.session.completed', object: completed },
  ]);
  const { sendSandboxSettlement } = await import('./settle-sandbox-payment-job');
  await sendSandboxSettlement(session.id);
  return true;
}

/** Settles a payment submitted "for later": the money arrives (async succeeded). */
export async function settleSandboxPayment(sessionId: string): Promise<boolean> {
  const pair = await loadPair(sessionId);
  if (!pair) return false;
  const { session, intent } = pair;
  if (intent.status !== 'processing') return false;
  const method = intent.payment_method_types[0] ?? 'alipay';
  const charge: TSandboxCharge = {
    id: sandboxId('ch'),
    object: 'charge',
    amount: intent.amount,
    amount_captured: intent.amount,
    amount_refunded: 0,
    refunded: false,
    captured: true,
    paid: true,
    currency: intent.currency,
    payment_intent: intent.id,
    status: 'succeeded',
    payment_method_details: { type: method },
    metadata: intent.metadata,
    created: unixNow(),
    livemode: false,
  };
  const paidIntent: TSandboxPaymentIntent = {
    ...intent,
    status: 'succeeded',
    amount_received: intent.amount,
    latest_charge: charge.id,
  };
  const paidSession: TSandboxCheckoutSession = { ...session, payment_status: 'paid' };
  await saveSandboxObjects([charge, paidIntent, paidSession]);
  await emitSandboxEvents([
    { type: 'charge.succeeded', object: charge },
    { type: 'payment_intent.succeeded', object: paidIntent },
    { type: 'checkout.session.async_payment_succeeded', object: paidSession },
  ]);
  return true;
}

async function fail(
  session: TSandboxCheckoutSession,
  intent: TSandboxPaymentIntent,
  method: string,
  error: Record<string, unknown>,
): Promise<void> {
  const failedIntent: TSandboxPaymentIntent = {
    ...intent,
    status: 'requires_payment_method',
    last_payment_error: error,
  };
  await saveSandboxObjects([failedIntent, session]);
  await emitSandboxEvents([
    {
      type: 'payment_intent.payment_failed',
      object: { ...failedIntent, payment_method_types: [method] },
    },
  ]);
}

/**
 * Writes a completed payment unless another request completed the same session first (a double
 * click): the session row is locked and re-read inside the transaction. False when it was.
 */
async function commitOnce(sessionId: string, objects: TStripeObject[]): Promise<boolean> {
  const db = await getDb();
  const done = await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ data: sandboxStripeObjects.data })
      .from(sandboxStripeObjects)
      .where(eq(sandboxStripeObjects.id, sessionId))
      .for('update');
    const current = row?.data as TSandboxCheckoutSession | undefined;
    if (!current || current.status !== 'open') return false;
    await saveSandboxObjects(objects, tx);
    return true;
  });
  return done;
}

/** Ids of all objects, for tests that look at what a flow wrote. */
export async function loadSandboxObjects(ids: string[]): Promise<TStripeObject[]> {
  const db = await getDb();
  const rows = await db
    .select({ data: sandboxStripeObjects.data })
    .from(sandboxStripeObjects)
    .where(inArray(sandboxStripeObjects.id, ids));
  return rows.map((r) => r.data as TStripeObject);
}
