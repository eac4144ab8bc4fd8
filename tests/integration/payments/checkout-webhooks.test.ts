import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/server/db';
import { paymentAllocations, paymentAttempts, stripeEvents } from '@/server/db/schema';
import { getAccountBalance, getPayOptions, handleStripeWebhook } from '@/server/payments';
import { startCheckoutPayment } from '@/server/payments/start-checkout-payment';
import {
  completeSandboxAuthentication,
  payWithSandboxCard,
} from '@/server/payments/sandbox/checkout-flow';
import { createResidentWithAccount } from '../../fixtures/world';
import { createBill, fixedLine } from '../../fixtures/billing';
import {
  captureSandboxEvents,
  deliverAll,
  deliverEvent,
  ledgerOf,
  loadEvent,
  paymentRow,
  sessionIdFrom,
  signPayload,
} from '../../fixtures/payments';

let events: ReturnType<typeof captureSandboxEvents>;
beforeEach(() => {
  events = captureSandboxEvents();
});

const CARD = { expiry: '12/34', cvc: '123' };

async function residentOwingThreeBills() {
  const world = await createResidentWithAccount({ utility: 'water' });
  const bills = [];
  for (const [period, fen] of [
    ['2026-07-01', 3000],
    ['2026-08-01', 4000],
    ['2026-09-01', 5000],
  ] as const) {
    bills.push(
      await createBill({
        accountId: world.account.id,
        period,
        usage: '10',
        lines: [fixedLine(fen)],
      }),
    );
  }
  return { ...world, bills };
}

async function payBalance(
  actor: Parameters<typeof startCheckoutPayment>[0]['payer'] & { kind: 'resident' },
  accountId: number,
) {
  const started = await startCheckoutPayment({
    payer: actor,
    accountId,
    scope: 'balance',
    locale: 'zh-CN',
  });
  if (!started.ok) throw new Error(`checkout did not start: ${started.error}`);
  return started;
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

describe('paying the balance by test card through the sandbox', () => {
  it('charges the server-computed amount and, whatever the order and duplicates, writes one ledger entry', async () => {
    for (const seed of [1, 2, 3]) {
      const { actor, account, bills } = await residentOwingThreeBills();
      const started = await payBalance({ kind: 'resident', actor }, account.id);
      expect(started.redirectTo).toContain('/sandbox/checkout/cs_test_');
      const payment = await paymentRow(started.paymentId);
      expect(payment).toMatchObject({ amountFen: 12000, status: 'pending', scope: 'balance' });

      const result = await payWithSandboxCard(sessionIdFrom(started.redirectTo), {
        number: '4242 4242 4242 4242',
        ...CARD,
      });
      expect(result).toMatchObject({ outcome: 'succeeded' });
      const emitted = events.take();
      expect(emitted).toHaveLength(3);
      const types = await Promise.all(emitted.map(async (id) => (await loadEvent(id)).type));
      expect(types.sort()).toEqual([
        'charge.succeeded',
        'checkout.session.completed',
        'payment_intent.succeeded',
      ]);

      // Nothing changes before a webhook arrives: the browser coming back proves nothing.
      expect(await getAccountBalance(await getDb(), account.id)).toBe(12000);

      const statuses = await deliverAll(
        shuffled(emitted, seed),
        (id) => 1 + (id.charCodeAt(10) % 3),
      );
      expect(statuses.every((s) => s === 200)).toBe(true);

      const after = await paymentRow(started.paymentId);
      expect(after).toMatchObject({ status: 'succeeded', methodType: 'card' });
      const ledger = await ledgerOf(account.id);
      expect(ledger.filter((e) => e.kind === 'payment')).toEqual([
        { kind: 'payment', amountFen: -12000, reference: started.paymentId },
      ]);
      expect(await getAccountBalance(await getDb(), account.id)).toBe(0);
      const db = await getDb();
      const allocations = await db
        .select({ billId: paymentAllocations.billId, amountFen: paymentAllocations.amountFen })
        .from(paymentAllocations)
        .where(eq(paymentAllocations.paymentId, started.paymentId))
        .orderBy(paymentAllocations.billId);
      expect(allocations).toEqual(bills.map((b) => ({ billId: b.id, amountFen: b.totalFen })));
    }
  });

  it('keeps a declined card open for another try, records why, then takes a good card', async () => {
    const { actor, account } = await residentOwingThreeBills();
    const started = await payBalance({ kind: 'resident', actor }, account.id);
    const sessionId = sessionIdFrom(started.redirectTo);

    const declined = await payWithSandboxCard(sessionId, { number: '4000000000009995', ...CARD });
    expect(declined).toEqual({ outcome: 'declined', code: 'insufficient_funds' });
    await deliverAll(events.take());
    expect(await paymentRow(started.paymentId)).toMatchObject({
      status: 'pending',
      failureCode: 'insufficient_funds',
    });
    const db = await getDb();
    const attempts = await db
      .select({ outcome: paymentAttempts.outcome, declineCode: paymentAttempts.declineCode })
      .from(paymentAttempts)
      .where(eq(paymentAttempts.paymentId, started.paymentId));
    expect(attempts).toEqual([{ outcome: 'failed', declineCode: 'insufficient_funds' }]);

    const needsAuth = await payWithSandboxCard(sessionId, { number: '4000002500003155', ...CARD });
    expect(needsAuth).toEqual({ outcome: 'requires_authentication' });
    const authed = await completeSandboxAuthentication(sessionId, true);
    expect(authed).toMatchObject({ outcome: 'succeeded' });
    // The failure arrives last, after the success: the payment stays paid.
    const later = events.take();
    await deliverAll([...later].reverse());
    await deliverAll(later);
    expect(await paymentRow(started.paymentId)).toMatchObject({ status: 'succeeded' });
    expect((await ledgerOf(account.id)).filter((e) => e.kind === 'payment')).toHaveLength(1);
  });
});

describe('the webhook endpoint refuses what Stripe did not sign', () => {
  it('answers 400 to a forged or stale signature and changes nothing', async () => {
    const { actor, account } = await residentOwingThreeBills();
    const started = await payBalance({ kind: 'resident', actor }, account.id);
    await payWithSandboxCard(sessionIdFrom(started.redirectTo), {
      number: '4242424242424242',
      ...CARD,
    });
    const [first] = events.take();
    const payload = JSON.stringify(await loadEvent(first ?? ''));

    const forged = await handleStripeWebhook(
      payload,
      signPayload(payload, { secret: 'whsec_someone_else' }),
    );
    const stale = await handleStripeWebhook(
      payload,
      signPayload(payload, { timestamp: Math.floor(Date.now() / 1000) - 301 }),
    );
    const tampered = await handleStripeWebhook(payload.replace('12000', '1'), signPayload(payload));
    const missing = await handleStripeWebhook(payload, null);

    expect([forged.status, stale.status, tampered.status, missing.status]).toEqual([
      400, 400, 400, 400,
    ]);
    expect(await paymentRow(started.paymentId)).toMatchObject({ status: 'pending' });
    expect(await getAccountBalance(await getDb(), account.id)).toBe(12000);
    const db = await getDb();
    expect(
      await db
        .select()
        .from(stripeEvents)
        .where(eq(stripeEvents.id, first ?? '')),
    ).toHaveLength(0);
  });

  it('answers 200 to an unknown event type, 400 to malformed JSON, and keeps an event for a payment we never created', async () => {
    const unknown = JSON.stringify({
      id: 'evt_test_unknown1',
      object: 'event',
      type: 'customer.created',
      created: 1,
      data: { object: { id: 'cus_1', object: 'customer' } },
    });
    expect((await handleStripeWebhook(unknown, signPayload(unknown))).status).toBe(200);

    const malformed = '{"id": "evt_broken", "type": ';
    expect((await handleStripeWebhook(malformed, signPayload(malformed))).status).toBe(400);

    const foreign = JSON.stringify({
      id: 'evt_test_foreign1',
      object: 'event',
      type: 'payment_intent.succeeded',
      created: Math.floor(Date.now() / 1000),
      data: {
        object: {
          id: 'pi_not_ours',
          object: 'payment_intent',
          metadata: {},
          amount: 500,
          latest_charge: null,
          last_payment_error: null,
        },
      },
    });
    const answered = await handleStripeWebhook(foreign, signPayload(foreign));
    expect(answered).toMatchObject({ status: 200, body: { status: 'unmatched' } });
    expect((await handleStripeWebhook(foreign, signPayload(foreign))).body).toMatchObject({
      status: 'duplicate',
    });
    const db = await getDb();
    const [kept] = await db
      .select()
      .from(stripeEvents)
      .where(eq(stripeEvents.id, 'evt_test_foreign1'));
    expect(kept).toMatchObject({ outcome: 'unmatched', type: 'payment_intent.succeeded' });
    expect(kept?.payload).toMatchObject({ id: 'evt_test_foreign1' });
  });
});

describe('two pay requests at once', () => {
  it('create one payment and lead to the same checkout', async () => {
    const { actor, account } = await residentOwingThreeBills();
    const [a, b] = await Promise.all([
      startCheckoutPayment({
        payer: { kind: 'resident', actor },
        accountId: account.id,
        scope: 'balance',
        locale: 'zh-CN',
      }),
      startCheckoutPayment({
        payer: { kind: 'resident', actor },
        accountId: account.id,
        scope: 'balance',
        locale: 'zh-CN',
      }),
    ]);
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    expect(a.paymentId).toBe(b.paymentId);
    expect(a.redirectTo).toBe(b.redirectTo);
    // The pay buttons now lead to that checkout instead of starting another; a stranger asking
    // about the account gets nothing.
    expect(await getPayOptions({ actor, accountId: account.id })).toMatchObject({
      balanceDueFen: 12000,
      openPayment: { id: a.paymentId, status: 'pending' },
      directDebitInFlightFen: 0,
    });
    const stranger = await createResidentWithAccount({ utility: 'water' });
    expect(await getPayOptions({ actor: stranger.actor, accountId: account.id })).toBeNull();
  });

  it('a paid bill cannot be paid again, and a stranger finds no account', async () => {
    const { actor, account, bills } = await residentOwingThreeBills();
    const started = await payBalance({ kind: 'resident', actor }, account.id);
    await payWithSandboxCard(sessionIdFrom(started.redirectTo), {
      number: '4242424242424242',
      ...CARD,
    });
    for (const id of events.take()) await deliverEvent(id);
    const again = await startCheckoutPayment({
      payer: { kind: 'resident', actor },
      accountId: account.id,
      scope: 'bill',
      billId: bills[0]?.id ?? 0,
      locale: 'zh-CN',
    });
    expect(again).toEqual({ ok: false, error: 'nothing_to_pay' });

    const stranger = await createResidentWithAccount({ utility: 'water' });
    const foreign = await startCheckoutPayment({
      payer: { kind: 'resident', actor: stranger.actor },
      accountId: account.id,
      scope: 'balance',
      locale: 'zh-CN',
    });
    expect(foreign).toEqual({ ok: false, error: 'not_found' });
  });
});
