import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/server/db';
import { auditLog, bills as billsTable, payments, users } from '@/server/db/schema';
import { hashPassword } from '@/server/auth/password';
import { getAccountBalance } from '@/server/payments/ledger';
import { getPayOptions } from '@/server/payments/get-pay-options';
import { runCollectionDay } from '@/server/direct-debit/run-collection-day';
import { cancelMandate } from '@/server/direct-debit/cancel-mandate';
import { hasOwnLiveMandate } from '@/server/direct-debit/has-own-live-mandate';
import { unlinkServiceAccount } from '@/server/accounts/unlink-service-account';
import { getDirectDebitOverview } from '@/server/direct-debit/get-direct-debit-overview';
import { startMandateSetup } from '@/server/direct-debit/start-mandate-setup';
import { completeSetupSession } from '@/server/payments/sandbox/complete-setup-session';
import { actorFor, createResidentWithAccount, createUser, linkAccount } from '../../fixtures/world';
import { createBill, fixedLine, recordPayment } from '../../fixtures/billing';
import { captureSandboxEvents, ledgerOf } from '../../fixtures/payments';
import {
  attemptsOf,
  collectionDay,
  collectionsOf,
  DECLINING_CARD,
  DISPUTED_CARD,
  mandatesOf,
  deliverEmitted,
  notificationKinds,
  setUpMandate,
  setupSessionIdFrom,
} from '../../fixtures/direct-debit';

let events: ReturnType<typeof captureSandboxEvents>;
beforeEach(() => {
  events = captureSandboxEvents();
});

/** A water bill of ¥86.00 due Sunday 2026-12-20: collected Monday 21st, notice by the 7th. */
async function residentWithDecemberBill() {
  const world = await createResidentWithAccount({ utility: 'water' });
  const bill = await createBill({
    accountId: world.account.id,
    period: '2026-11-01',
    usage: '12',
    lines: [fixedLine(8600)],
    dueOn: '2026-12-20',
  });
  return { ...world, bill };
}

async function balanceOf(accountId: number) {
  return getAccountBalance(await getDb(), accountId);
}

describe('a direct-debit cycle', () => {
  it('announces the amount and date 14 days ahead, collects on the working day, and settles the bill once', async () => {
    const { actor, user, account, bill } = await residentWithDecemberBill();
    const setup = await setUpMandate(events, { actor, accountId: account.id });
    expect(setup.redirectTo).toContain(`/accounts/${account.id}/direct-debit?setup=returned`);
    expect(setup.statuses.every((s) => s === 200)).toBe(true);
    const [mandate] = await mandatesOf(account.id);
    expect(mandate).toMatchObject({ status: 'active', methodType: 'card', methodLast4: '4242' });

    // Planned on 26 Nov; the notice is not due yet.
    const planning = await collectionDay(events, '2026-11-26');
    expect(planning.report).toMatchObject({ planned: 1, noticesSent: 0, attempted: 0 });
    let [collection] = await collectionsOf(account.id);
    expect(collection).toMatchObject({
      billId: bill.id,
      amountFen: 8600,
      collectOn: '2026-12-21',
      noticeBy: '2026-12-07',
      status: 'scheduled',
    });

    // 7 Dec: the advance notice goes out (inbox + mail), nothing is taken.
    const noticeDay = await collectionDay(events, '2026-12-07');
    expect(noticeDay.report).toMatchObject({ noticesSent: 1, attempted: 0 });
    expect((await notificationKinds(user.id)).map((n) => n.kind)).toContain('direct_debit.notice');
    expect(await balanceOf(account.id)).toBe(8600);

    // 21 Dec: collected; the payment_intent.succeeded webhook settles it like any payment.
    const day = await collectionDay(events, '2026-12-21');
    expect(day.report).toMatchObject({ attempted: 1, succeeded: 1, declined: 0 });
    expect(day.statuses.every((s) => s === 200)).toBe(true);
    [collection] = await collectionsOf(account.id);
    expect(collection).toMatchObject({ status: 'succeeded', attemptCount: 1 });
    expect(await balanceOf(account.id)).toBe(0);
    const payment = (await ledgerOf(account.id)).filter((e) => e.kind === 'payment');
    expect(payment).toEqual([
      { kind: 'payment', amountFen: -8600, reference: collection?.paymentId },
    ]);
    expect((await notificationKinds(user.id)).map((n) => n.kind)).toContain(
      'direct_debit.collected',
    );

    // Running the day again (a second worker, a retried job) takes nothing more.
    const again = await collectionDay(events, '2026-12-21');
    expect(again.report).toMatchObject({ planned: 0, attempted: 0 });
    expect((await ledgerOf(account.id)).filter((e) => e.kind === 'payment')).toHaveLength(1);
  });

  it('retries a declined collection twice with a notice each time, then stops and tells the resident', async () => {
    const { actor, user, account } = await residentWithDecemberBill();
    await setUpMandate(events, { actor, accountId: account.id, card: DECLINING_CARD });
    await collectionDay(events, '2026-12-07');

    const first = await collectionDay(events, '2026-12-21');
    expect(first.report).toMatchObject({ attempted: 1, declined: 1 });
    let [collection] = await collectionsOf(account.id);
    // Monday 21st + 3 days = Thursday 24th.
    expect(collection).toMatchObject({
      status: 'notified',
      attemptCount: 1,
      nextAttemptOn: '2026-12-24',
      lastFailureCode: 'generic_decline',
    });
    // Nothing is due on the days between.
    expect((await collectionDay(events, '2026-12-23')).report.attempted).toBe(0);

    const second = await collectionDay(events, '2026-12-24');
    expect(second.report).toMatchObject({ attempted: 1, declined: 1 });
    [collection] = await collectionsOf(account.id);
    expect(collection).toMatchObject({ attemptCount: 2, nextAttemptOn: '2026-12-31' });

    const third = await collectionDay(events, '2026-12-31');
    expect(third.report).toMatchObject({ attempted: 1, declined: 1 });
    [collection] = await collectionsOf(account.id);
    expect(collection).toMatchObject({
      status: 'failed',
      attemptCount: 3,
      nextAttemptOn: null,
      closedReason: 'retries_exhausted',
    });
    expect((await collectionDay(events, '2027-01-15')).report.attempted).toBe(0);

    const attempts = await attemptsOf(collection?.id ?? 0);
    expect(attempts.map((a) => [a.attemptNo, a.status, a.attemptedOn])).toEqual([
      [1, 'failed', '2026-12-21'],
      [2, 'failed', '2026-12-24'],
      [3, 'failed', '2026-12-31'],
    ]);
    const kinds = (await notificationKinds(user.id)).map((n) => n.kind);
    expect(kinds.filter((k) => k === 'direct_debit.retry')).toHaveLength(2);
    expect(kinds.filter((k) => k === 'direct_debit.stopped')).toHaveLength(1);
    expect(await balanceOf(account.id)).toBe(8600);
    expect((await ledgerOf(account.id)).filter((e) => e.kind === 'payment')).toHaveLength(0);
  });

  it('takes nothing once the resident cancels, even after the notice went out', async () => {
    const { actor, account } = await residentWithDecemberBill();
    await setUpMandate(events, { actor, accountId: account.id });
    await collectionDay(events, '2026-12-07');

    const canceled = await cancelMandate({ actor, accountId: account.id });
    expect(canceled).toEqual({ ok: true, canceledCollections: 1, inFlight: 0 });
    const day = await collectionDay(events, '2026-12-21');
    expect(day.report).toMatchObject({ attempted: 0, planned: 0 });
    const [collection] = await collectionsOf(account.id);
    expect(collection).toMatchObject({ status: 'canceled', closedReason: 'mandate_canceled' });
    expect(await balanceOf(account.id)).toBe(8600);
    const [mandate] = await mandatesOf(account.id);
    expect(mandate).toMatchObject({ status: 'canceled', cancelReason: 'resident' });
    const db = await getDb();
    const audit = await db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.subjectId, String(account.id)));
    expect(audit.map((a) => a.action)).toContain('mandate.canceled');
  });

  it('never collects a bill that was paid after the notice', async () => {
    const { actor, account } = await residentWithDecemberBill();
    await setUpMandate(events, { actor, accountId: account.id });
    await collectionDay(events, '2026-12-07');
    await recordPayment({ accountId: account.id, amountFen: 8600 });

    const day = await collectionDay(events, '2026-12-21');
    expect(day.report).toMatchObject({ attempted: 0, skipped: 1 });
    const [collection] = await collectionsOf(account.id);
    expect(collection).toMatchObject({ status: 'skipped', closedReason: 'bill_paid' });
    const db = await getDb();
    expect(await db.select().from(payments).where(eq(payments.accountId, account.id))).toEqual([]);
    expect(await balanceOf(account.id)).toBe(0);
  });

  it('collects only what is left of a bill paid in part', async () => {
    const { actor, account } = await residentWithDecemberBill();
    await setUpMandate(events, { actor, accountId: account.id });
    await collectionDay(events, '2026-12-07');
    await recordPayment({ accountId: account.id, amountFen: 3000 });

    await collectionDay(events, '2026-12-21');
    expect(await balanceOf(account.id)).toBe(0);
    expect(
      (await ledgerOf(account.id)).filter((e) => e.kind === 'payment').map((e) => e.amountFen),
    ).toContain(-5600);
  });

  it('reverses a disputed collection in the ledger and tells billing staff', async () => {
    const billing = await createUser({ role: 'billing' });
    const { actor, account } = await residentWithDecemberBill();
    await setUpMandate(events, { actor, accountId: account.id, card: DISPUTED_CARD });
    await collectionDay(events, '2026-12-07');

    const day = await collectionDay(events, '2026-12-21');
    expect(day.report).toMatchObject({ attempted: 1, succeeded: 1 });
    const ledger = await ledgerOf(account.id);
    expect(ledger.map((e) => [e.kind, e.amountFen])).toEqual([
      ['bill', 8600],
      ['payment', -8600],
      ['reversal', 8600],
    ]);
    expect(await balanceOf(account.id)).toBe(8600);
    const [collection] = await collectionsOf(account.id);
    expect(collection?.disputedAt).toBeInstanceOf(Date);
    expect((await notificationKinds(billing.id)).map((n) => n.kind)).toEqual([
      'direct_debit.dispute',
    ]);
  });
});

describe('a SEPA bank debit (euro account)', () => {
  async function euroResidentWithIban(iban: string) {
    const world = await residentWithDecemberBill();
    const db = await getDb();
    await db.update(billsTable).set({ currency: 'EUR' }).where(eq(billsTable.id, world.bill.id));
    const started = await startMandateSetup({
      actor: world.actor,
      accountId: world.account.id,
      locale: 'en',
    });
    if (!started.ok) throw new Error(started.error);
    const sessionId = setupSessionIdFrom(started.url);
    // A card number is refused on a SEPA page; a wrong IBAN check digit too.
    expect(await completeSetupSession(sessionId, { iban: 'DE89370400440532013009' })).toMatchObject(
      { ok: false, error: 'invalid', field: 'iban' },
    );
    expect((await completeSetupSession(sessionId, { iban })).ok).toBe(true);
    await deliverEmitted(events);
    return world;
  }

  it('is accepted as processing and settled when the bank confirms', async () => {
    const { actor, account } = await euroResidentWithIban('DE89 3704 0044 0532 0130 00');
    const [mandate] = await mandatesOf(account.id);
    expect(mandate).toMatchObject({ status: 'active', methodType: 'sepa_debit', currency: 'EUR' });
    await collectionDay(events, '2026-12-07');
    const report = await runCollectionDay({ day: '2026-12-21' });
    expect(report).toMatchObject({ attempted: 1, processing: 1, succeeded: 0 });
    // While the bank works on it, the pay buttons know the money is already on its way.
    expect(await getPayOptions({ actor, accountId: account.id })).toMatchObject({
      balanceDueFen: 8600,
      directDebitInFlightFen: 8600,
    });
    await deliverEmitted(events);
    expect(await getPayOptions({ actor, accountId: account.id })).toMatchObject({
      balanceDueFen: 0,
      directDebitInFlightFen: 0,
    });
    const [collection] = await collectionsOf(account.id);
    expect(collection).toMatchObject({ status: 'succeeded', currency: 'EUR' });
    expect(await balanceOf(account.id)).toBe(0);
  });

  it('plans a retry when the bank reports the debit failed days later', async () => {
    const { account } = await euroResidentWithIban('DE62370400440532013001');
    await collectionDay(events, '2026-12-07');
    const day = await collectionDay(events, '2026-12-21');
    expect(day.report).toMatchObject({ attempted: 1, processing: 1 });
    const [collection] = await collectionsOf(account.id);
    expect(collection).toMatchObject({
      status: 'notified',
      attemptCount: 1,
      nextAttemptOn: '2026-12-24',
      lastFailureCode: 'insufficient_funds',
    });
    expect(await balanceOf(account.id)).toBe(8600);
  });
});

describe('changing the bank account', () => {
  it('asks for the password again and moves the announced collections to the new mandate', async () => {
    const { actor, user, account } = await residentWithDecemberBill();
    const db = await getDb();
    await db
      .update(users)
      .set({ passwordHash: await hashPassword('correct horse battery') })
      .where(eq(users.id, user.id));
    await setUpMandate(events, { actor, accountId: account.id });
    await collectionDay(events, '2026-12-07');

    const noPassword = await startMandateSetup({ actor, accountId: account.id, locale: 'en' });
    expect(noPassword).toEqual({ ok: false, error: 'password_required' });
    const wrong = await startMandateSetup({
      actor,
      accountId: account.id,
      locale: 'en',
      password: 'wrong',
    });
    expect(wrong).toEqual({ ok: false, error: 'wrong_password' });

    await setUpMandate(events, {
      actor,
      accountId: account.id,
      card: '5555555555554444',
      password: 'correct horse battery',
    });
    const [old, replacement] = await mandatesOf(account.id);
    expect(old).toMatchObject({ status: 'canceled', cancelReason: 'replaced' });
    expect(replacement).toMatchObject({ status: 'active', methodLast4: '4444' });
    const [collection] = await collectionsOf(account.id);
    expect(collection).toMatchObject({ mandateId: replacement?.id, status: 'notified' });

    await collectionDay(events, '2026-12-21');
    expect(await balanceOf(account.id)).toBe(0);
  });
});

describe('unlinking the account', () => {
  it('cancels the direct debit the leaving resident set up: nothing more is taken', async () => {
    const { actor, account } = await residentWithDecemberBill();
    await setUpMandate(events, { actor, accountId: account.id });
    await collectionDay(events, '2026-12-07');
    expect(await hasOwnLiveMandate({ actor, accountId: account.id })).toBe(true);

    expect(await unlinkServiceAccount({ actor, accountId: account.id })).toEqual({
      ok: true,
      directDebitCanceled: true,
    });
    const [mandate] = await mandatesOf(account.id);
    expect(mandate).toMatchObject({ status: 'canceled', cancelReason: 'unlinked' });
    const day = await collectionDay(events, '2026-12-21');
    expect(day.report).toMatchObject({ attempted: 0 });
    const [collection] = await collectionsOf(account.id);
    expect(collection).toMatchObject({ status: 'canceled', closedReason: 'mandate_canceled' });
    expect(await balanceOf(account.id)).toBe(8600);
  });

  it("leaves another holder's direct debit running when someone else unlinks", async () => {
    const { actor, account } = await residentWithDecemberBill();
    await setUpMandate(events, { actor, accountId: account.id });
    const spouse = await createUser();
    await linkAccount({ userId: spouse.id, accountId: account.id });
    const spouseActor = actorFor(spouse);
    expect(await hasOwnLiveMandate({ actor: spouseActor, accountId: account.id })).toBe(false);

    expect(await unlinkServiceAccount({ actor: spouseActor, accountId: account.id })).toEqual({
      ok: true,
      directDebitCanceled: false,
    });
    const [mandate] = await mandatesOf(account.id);
    expect(mandate?.status).toBe('active');
  });
});

describe('another resident', () => {
  it('gets "not found" for the mandates of an account that is not theirs', async () => {
    const { actor, account } = await residentWithDecemberBill();
    await setUpMandate(events, { actor, accountId: account.id });
    const stranger = actorFor(await createUser());

    expect(await getDirectDebitOverview({ actor: stranger, accountId: account.id })).toBeNull();
    expect(await cancelMandate({ actor: stranger, accountId: account.id })).toEqual({
      ok: false,
      error: 'not_found',
    });
    expect(
      await startMandateSetup({ actor: stranger, accountId: account.id, locale: 'zh-CN' }),
    ).toEqual({ ok: false, error: 'not_found' });
    const [mandate] = await mandatesOf(account.id);
    expect(mandate?.status).toBe('active');
    const overview = await getDirectDebitOverview({ actor, accountId: account.id });
    expect(overview?.active?.methodLast4).toBe('4242');
  });
});
