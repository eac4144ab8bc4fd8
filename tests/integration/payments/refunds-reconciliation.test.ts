import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { PermissionError } from '@/server/auth/permissions';
import { getDb } from '@/server/db';
import { refunds, serviceAccounts } from '@/server/db/schema';
import {
  decideRefund,
  getAccountBalance,
  getPayment,
  getPaymentByReceiptToken,
  getReceiptPdf,
  installPaymentProvider,
  listAccountPayments,
  reconcilePayments,
  requestRefund,
  startCheckoutPayment,
  verifyGuestPayer,
} from '@/server/payments';
import { createStripeProvider } from '@/server/payments/create-stripe-provider';
import { getStripe } from '@/server/payments/get-stripe';
import { payWithSandboxCard } from '@/server/payments/sandbox/checkout-flow';
import type { TPaymentProvider } from '@/server/payments/types';
import { actorFor, createResidentWithAccount, createUser } from '../../fixtures/world';
import { createBill, fixedLine } from '../../fixtures/billing';
import {
  captureSandboxEvents,
  deliverAll,
  ledgerOf,
  paymentRow,
  sessionIdFrom,
} from '../../fixtures/payments';

let events: ReturnType<typeof captureSandboxEvents>;
beforeEach(() => {
  installPaymentProvider(undefined);
  events = captureSandboxEvents();
});

const CARD = { number: '4242424242424242', expiry: '12/34', cvc: '123' };

/** A resident who paid ¥800.00 (two bills) by card, settled by its webhooks. */
async function paidResident(amounts: [number, number] = [30000, 50000]) {
  const world = await createResidentWithAccount({ utility: 'electricity' });
  await createBill({
    accountId: world.account.id,
    period: '2026-08-01',
    usage: '100',
    lines: [fixedLine(amounts[0])],
  });
  await createBill({
    accountId: world.account.id,
    period: '2026-09-01',
    usage: '100',
    lines: [fixedLine(amounts[1])],
  });
  const started = await startCheckoutPayment({
    payer: { kind: 'resident', actor: world.actor },
    accountId: world.account.id,
    scope: 'balance',
    locale: 'en',
  });
  if (!started.ok) throw new Error(started.error);
  await payWithSandboxCard(sessionIdFrom(started.redirectTo), CARD);
  await deliverAll(events.take());
  return { ...world, paymentId: started.paymentId };
}

async function staff(role: 'billing' | 'supervisor') {
  return actorFor(await createUser({ role }));
}

describe('refunds', () => {
  it('a small refund is sent at once, written once in the ledger and re-opens the newest bill', async () => {
    const { account, paymentId } = await paidResident();
    const clerk = await staff('billing');
    const result = await requestRefund({
      actor: clerk,
      paymentId,
      amountFen: 20000,
      reason: 'paid twice',
    });
    expect(result).toMatchObject({ ok: true, status: 'succeeded' });
    // The provider's refund events arrive afterwards, twice: nothing more happens.
    const refundEvents = events.take();
    await deliverAll(refundEvents, () => 2);
    const ledger = await ledgerOf(account.id);
    expect(ledger.filter((e) => e.kind === 'refund').map((e) => e.amountFen)).toEqual([20000]);
    expect(await getAccountBalance(await getDb(), account.id)).toBe(20000);
    expect(await paymentRow(paymentId)).toMatchObject({
      status: 'partially_refunded',
      refundedFen: 20000,
    });
  });

  it('a large refund waits for a second, different staff member', async () => {
    const { paymentId } = await paidResident();
    const clerk = await staff('billing');
    const asked = await requestRefund({
      actor: clerk,
      paymentId,
      amountFen: 60000,
      reason: 'meter fault',
    });
    expect(asked).toMatchObject({ ok: true, status: 'awaiting_approval' });
    if (!asked.ok) return;
    await expect(
      decideRefund({ actor: clerk, refundId: asked.refundId, decision: 'approve' }),
    ).rejects.toThrow(PermissionError);

    const supervisorUser = await createUser({ role: 'supervisor' });
    const selfAsked = await requestRefund({
      actor: actorFor(supervisorUser),
      paymentId,
      amountFen: 20000,
      reason: 'goodwill',
    });
    expect(selfAsked).toMatchObject({ ok: true, status: 'succeeded' });

    const supervisor = await staff('supervisor');
    expect(
      await decideRefund({ actor: supervisor, refundId: asked.refundId, decision: 'approve' }),
    ).toEqual({ ok: true, status: 'succeeded' });
    expect(
      await decideRefund({ actor: supervisor, refundId: asked.refundId, decision: 'approve' }),
    ).toEqual({ ok: false, error: 'already_decided' });
    expect(await paymentRow(paymentId)).toMatchObject({ status: 'refunded', refundedFen: 80000 });
  });

  it('nobody approves their own large refund, and no refund takes more than is left', async () => {
    const { paymentId } = await paidResident();
    const supervisor = await staff('supervisor');
    const asked = await requestRefund({
      actor: supervisor,
      paymentId,
      amountFen: 70000,
      reason: 'x',
    });
    if (!asked.ok) throw new Error('not asked');
    expect(
      await decideRefund({ actor: supervisor, refundId: asked.refundId, decision: 'approve' }),
    ).toEqual({ ok: false, error: 'own_request' });
    // 70,000 is held by the waiting refund: only 10,000 is left.
    expect(
      await requestRefund({ actor: supervisor, paymentId, amountFen: 10001, reason: 'y' }),
    ).toEqual({ ok: false, error: 'too_much' });
    const db = await getDb();
    const [row] = await db.select().from(refunds).where(eq(refunds.id, asked.refundId));
    expect(row?.status).toBe('awaiting_approval');
  });
});

describe('reconciliation', () => {
  it('applies the events a lost webhook never delivered, once', async () => {
    const world = await createResidentWithAccount({ utility: 'water' });
    await createBill({
      accountId: world.account.id,
      period: '2026-09-01',
      usage: '9',
      lines: [fixedLine(4500)],
    });
    const started = await startCheckoutPayment({
      payer: { kind: 'resident', actor: world.actor },
      accountId: world.account.id,
      scope: 'balance',
      locale: 'zh-CN',
    });
    if (!started.ok) throw new Error(started.error);
    await payWithSandboxCard(sessionIdFrom(started.redirectTo), CARD);
    events.take(); // lost: never delivered

    const first = await reconcilePayments({});
    expect(first.eventsApplied).toBeGreaterThanOrEqual(1);
    expect(await paymentRow(started.paymentId)).toMatchObject({ status: 'succeeded' });
    const second = await reconcilePayments({});
    expect(second.eventsApplied).toBe(0);
    expect((await ledgerOf(world.account.id)).filter((e) => e.kind === 'payment')).toHaveLength(1);
  });

  it('a provider that times out leaves the payment pending and is reported', async () => {
    const world = await createResidentWithAccount({ utility: 'water' });
    await createBill({
      accountId: world.account.id,
      period: '2026-09-01',
      usage: '9',
      lines: [fixedLine(4500)],
    });
    const started = await startCheckoutPayment({
      payer: { kind: 'resident', actor: world.actor },
      accountId: world.account.id,
      scope: 'balance',
      locale: 'zh-CN',
    });
    if (!started.ok) throw new Error(started.error);
    const real = createStripeProvider(getStripe(), 'sandbox');
    const timingOut: TPaymentProvider = {
      ...real,
      listEvents: () => Promise.reject(new Error('timeout')),
      retrieveCheckoutSession: () => Promise.reject(new Error('timeout')),
    };
    installPaymentProvider(timingOut);
    const later = new Date(Date.now() + 60 * 60_000);
    const report = await reconcilePayments({ now: later });
    expect(report.providerErrors).toBeGreaterThanOrEqual(2);
    expect(await paymentRow(started.paymentId)).toMatchObject({ status: 'pending' });
  });

  it('a checkout that times out at the provider stays pending and the next click retries it', async () => {
    const world = await createResidentWithAccount({ utility: 'water' });
    await createBill({
      accountId: world.account.id,
      period: '2026-09-01',
      usage: '9',
      lines: [fixedLine(4500)],
    });
    const real = createStripeProvider(getStripe(), 'sandbox');
    installPaymentProvider({
      ...real,
      createCheckoutSession: () => Promise.reject(new Error('timeout')),
    });
    const failed = await startCheckoutPayment({
      payer: { kind: 'resident', actor: world.actor },
      accountId: world.account.id,
      scope: 'balance',
      locale: 'zh-CN',
    });
    expect(failed).toEqual({ ok: false, error: 'provider_error' });
    installPaymentProvider(undefined);
    const retried = await startCheckoutPayment({
      payer: { kind: 'resident', actor: world.actor },
      accountId: world.account.id,
      scope: 'balance',
      locale: 'zh-CN',
    });
    expect(retried.ok).toBe(true);
  });
});

describe('paying without signing in', () => {
  it('needs the right account number and code, is throttled, and gets a receipt by its link', async () => {
    const world = await createResidentWithAccount({ utility: 'water' });
    await createBill({
      accountId: world.account.id,
      period: '2026-09-01',
      usage: '9',
      lines: [fixedLine(4500)],
    });
    const db = await getDb();
    const [account] = await db
      .select()
      .from(serviceAccounts)
      .where(eq(serviceAccounts.id, world.account.id));
    if (!account) throw new Error('no account');
    const ip = `10.9.${Math.floor(Math.random() * 200)}.1`;
    expect(
      await verifyGuestPayer({
        accountNumber: account.accountNumber,
        verificationCode: '999999',
        ip,
      }),
    ).toEqual({ ok: false, error: 'invalid' });
    const ok = await verifyGuestPayer({
      accountNumber: account.accountNumber,
      verificationCode: account.verificationCode,
      ip,
    });
    expect(ok).toEqual({ ok: true, accountId: account.id });

    const started = await startCheckoutPayment({
      payer: { kind: 'guest', ip },
      accountId: account.id,
      scope: 'balance',
      locale: 'zh-CN',
    });
    if (!started.ok) throw new Error(started.error);
    const payment = await paymentRow(started.paymentId);
    expect(payment.payerUserId).toBeNull();
    await payWithSandboxCard(sessionIdFrom(started.redirectTo), CARD);
    await deliverAll(events.take());
    const receipt = await getPaymentByReceiptToken(payment.receiptToken);
    expect(receipt).toMatchObject({ status: 'succeeded', amountFen: 4500 });
    expect(receipt?.account.maskedHolder).toMatch(/^.\*+/u);
    expect(await getPaymentByReceiptToken('x'.repeat(27))).toBeNull();

    for (let i = 0; i < 5; i++)
      await verifyGuestPayer({
        accountNumber: account.accountNumber,
        verificationCode: '000001',
        ip,
      });
    expect(
      await verifyGuestPayer({
        accountNumber: account.accountNumber,
        verificationCode: account.verificationCode,
        ip,
      }),
    ).toMatchObject({ ok: false, error: 'throttled' });
  });
});

describe('another resident', () => {
  it('gets "not found" for my payments, receipts and history', async () => {
    const { account, paymentId, actor } = await paidResident([1000, 2000]);
    const other = await createResidentWithAccount({ utility: 'water' });
    expect(await getPayment({ actor, paymentId })).not.toBeNull();
    expect(await getPayment({ actor: other.actor, paymentId })).toBeNull();
    expect(await getReceiptPdf({ actor: other.actor, paymentId, locale: 'en' })).toBeNull();
    expect(await listAccountPayments({ actor: other.actor, accountId: account.id })).toBeNull();
    const pdf = await getReceiptPdf({ actor, paymentId, locale: 'zh-CN' });
    expect(pdf?.pdf.subarray(0, 4).toString()).toBe('%PDF');
  });
});
