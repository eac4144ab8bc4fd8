import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDb } from '@/server/db';
import { auditLog, billingRuns } from '@/server/db/schema';
import { PermissionError } from '@/server/auth/permissions';
import {
  executeBillingRun,
  getBillingRun,
  listBillingExceptions,
  resolveBillingException,
  startBillingRun,
} from '@/server/billing';
import {
  billingTotals,
  billOf,
  createBillableAccounts,
  createTariff,
  exceptionsOf,
  readingsFor,
  resetBilling,
  yearOfReadings,
} from '../../fixtures/billing-run';
import { actorFor, createServiceAccount, createUser } from '../../fixtures/world';

const JAN = '2025-01-01';

beforeEach(resetBilling);

async function billingStaff() {
  return actorFor(await createUser({ role: 'billing' }));
}

/** Starts a month without the job queue and works it here, as the command line does. */
async function runMonth(period: string, utility: 'water' | 'electricity' = 'electricity') {
  const started = await startBillingRun({
    actor: await billingStaff(),
    utility,
    period,
    enqueue: false,
  });
  if (!started.ok) throw new Error(started.error);
  const result = await executeBillingRun(started.runId, { batchSize: 2 });
  return { runId: started.runId, result };
}

describe('a billing run', () => {
  it('bills every account exactly once, each bill with its lines and one ledger entry', async () => {
    await createTariff();
    const accounts = await createBillableAccounts(5);

    const { runId } = await runMonth(JAN);

    const totals = await billingTotals(JAN);
    expect(totals).toMatchObject({ bills: 5, accounts: 5, ledger_entries: 5 });
    expect(totals.bill_fen).toBe(5 * 8070);
    expect(totals.line_fen).toBe(totals.bill_fen);
    expect(totals.ledger_fen).toBe(totals.bill_fen);
    const bill = await billOf(accounts[0]!.id, JAN);
    expect(bill).toMatchObject({
      usage: '150.00',
      estimated: false,
      total_fen: 8070,
      issued_on: '2025-02-01',
      due_on: '2025-02-21',
    });
    expect(bill?.lines).toEqual([{ kind: 'tier', tierNo: 1, quantity: '150.00', amountFen: 8070 }]);
    const run = await getBillingRun({ actor: await billingStaff(), runId });
    expect(run).toMatchObject({ status: 'completed', total: 5, done: 5, exceptions: 0 });
  });

  it('adds nothing when the same month is run again', async () => {
    await createTariff();
    await createBillableAccounts(3);
    const { runId } = await runMonth(JAN);
    const before = await billingTotals();

    const again = await startBillingRun({
      actor: await billingStaff(),
      utility: 'electricity',
      period: JAN,
      enqueue: false,
    });
    await executeBillingRun(runId);

    expect(again).toEqual({ ok: true, runId, outcome: 'already_completed' });
    expect(await billingTotals()).toEqual(before);
    const db = await getDb();
    expect(await db.$count(billingRuns)).toBe(1);
  });

  it('ends a run killed halfway and restarted with one bill per account and a ledger that sums to the bills', async () => {
    await createTariff();
    await createBillableAccounts(7);
    const started = await startBillingRun({
      actor: null,
      utility: 'electricity',
      period: JAN,
      enqueue: false,
    });
    if (!started.ok) throw new Error(started.error);

    await expect(
      executeBillingRun(started.runId, {
        batchSize: 2,
        concurrency: 1,
        onBatch: ({ batch }) => {
          if (batch === 2) throw new Error('worker killed');
        },
      }),
    ).rejects.toThrow('worker killed');
    const halfway = await billingTotals(JAN);
    const db = await getDb();
    const [failed] = await db.select().from(billingRuns).where(eq(billingRuns.id, started.runId));
    expect(halfway.bills).toBe(4);
    expect(failed).toMatchObject({ status: 'failed', done: 4 });

    const restarted = await startBillingRun({
      actor: null,
      utility: 'electricity',
      period: JAN,
      enqueue: false,
    });
    await executeBillingRun(started.runId, { batchSize: 3 });

    expect(restarted).toMatchObject({ ok: true, outcome: 'restarted' });
    const totals = await billingTotals(JAN);
    expect(totals).toMatchObject({ bills: 7, accounts: 7, ledger_entries: 7 });
    expect(totals.ledger_fen).toBe(totals.bill_fen);
    expect(totals.line_fen).toBe(totals.bill_fen);
    const [done] = await db.select().from(billingRuns).where(eq(billingRuns.id, started.runId));
    expect(done).toMatchObject({ status: 'completed', total: 7, done: 7 });
  });

  it('never doubles a month when it is started and worked twice at the same time', async () => {
    await createTariff();
    await createBillableAccounts(6);
    const actor = await billingStaff();

    const starts = await Promise.all([
      startBillingRun({ actor, utility: 'electricity', period: JAN, enqueue: false }),
      startBillingRun({ actor, utility: 'electricity', period: JAN, enqueue: false }),
    ]);
    const runIds = starts.map((s) => (s.ok ? s.runId : null));
    expect(new Set(runIds).size).toBe(1);
    expect(starts.map((s) => (s.ok ? s.outcome : s.error)).sort()).toEqual(['joined', 'started']);
    await Promise.all([
      executeBillingRun(runIds[0]!, { batchSize: 2 }),
      executeBillingRun(runIds[0]!, { batchSize: 3 }),
    ]);

    const totals = await billingTotals(JAN);
    expect(totals).toMatchObject({ bills: 6, accounts: 6, ledger_entries: 6 });
    expect(totals.ledger_fen).toBe(totals.bill_fen);
  });

  it("carries the year's usage into the tiers: the month that passes 2,760 kWh gets two tier lines", async () => {
    await createTariff();
    const { account } = await createServiceAccount({
      utility: 'electricity',
      readings: readingsFor({ '2025-01-01': 1200, '2025-02-01': 1200, '2025-03-01': 1200 }),
    });

    await runMonth('2025-01-01');
    await runMonth('2025-02-01');
    await runMonth('2025-03-01');

    const march = await billOf(account.id, '2025-03-01');
    expect(march?.lines).toEqual([
      { kind: 'tier', tierNo: 1, quantity: '360.00', amountFen: 19368 },
      { kind: 'tier', tierNo: 2, quantity: '840.00', amountFen: 49392 },
    ]);
    expect(march?.total_fen).toBe(19368 + 49392);
  });

  it('estimates a month without a reading, marks the bill, and takes the estimate off the next reading', async () => {
    await createTariff();
    const { account } = await createServiceAccount({
      utility: 'electricity',
      // Oct–Dec average 200; January has no reading; February's reading covers both months.
      readings: yearOfReadings(100, {
        '2024-10-01': 200,
        '2024-11-01': 200,
        '2024-12-01': 200,
        '2025-01-01': null,
        '2025-02-01': 450,
      }),
    });

    await runMonth('2025-01-01');
    await runMonth('2025-02-01');

    expect(await billOf(account.id, '2025-01-01')).toMatchObject({
      usage: '200.00',
      estimated: true,
      total_fen: 10760,
    });
    expect(await billOf(account.id, '2025-02-01')).toMatchObject({
      usage: '250.00',
      estimated: false,
      total_fen: 13450,
    });
  });

  it("holds back a reading that went backwards and a month far above the household's history", async () => {
    await createTariff();
    const [normal] = await createBillableAccounts(1);
    const { account: backwards } = await createServiceAccount({
      utility: 'electricity',
      readings: yearOfReadings(150, { '2025-01-01': -40 }),
    });
    const { account: spike } = await createServiceAccount({
      utility: 'electricity',
      readings: yearOfReadings(150, { '2025-01-01': 2000 }),
    });

    const { runId } = await runMonth(JAN);

    expect(await billOf(normal!.id, JAN)).not.toBeNull();
    expect(await billOf(backwards.id, JAN)).toBeNull();
    expect(await billOf(spike.id, JAN)).toBeNull();
    expect(await exceptionsOf(JAN)).toEqual([
      expect.objectContaining({
        accountId: backwards.id,
        reason: 'negative_consumption',
        status: 'open',
      }),
      expect.objectContaining({ accountId: spike.id, reason: 'usage_spike', status: 'open' }),
    ]);
    const run = await getBillingRun({ actor: await billingStaff(), runId });
    expect(run).toMatchObject({ total: 3, done: 3, exceptions: 2, openExceptions: 2 });
  });

  it('holds back every account when the month has no tariff', async () => {
    await createBillableAccounts(2);

    await runMonth(JAN);

    expect((await billingTotals(JAN)).bills).toBe(0);
    expect((await exceptionsOf(JAN)).map((e) => e.reason)).toEqual(['no_tariff', 'no_tariff']);
  });
});

describe('billing exceptions', () => {
  it('bills a corrected month with the usage staff entered, audited', async () => {
    await createTariff();
    const { account } = await createServiceAccount({
      utility: 'electricity',
      readings: yearOfReadings(150, { '2025-01-01': -40 }),
    });
    const { runId } = await runMonth(JAN);
    const staff = await billingStaff();
    const [held] = await listBillingExceptions({ actor: staff, runId });

    const result = await resolveBillingException({
      actor: staff,
      exceptionId: held!.id,
      action: 'correct',
      usage: '160',
      note: '复核抄表',
    });

    expect(result).toEqual({ ok: true, runId, billed: true });
    expect(await billOf(account.id, JAN)).toMatchObject({ usage: '160.00', total_fen: 8608 });
    expect(await exceptionsOf(JAN)).toEqual([expect.objectContaining({ status: 'billed' })]);
    const db = await getDb();
    const audits = await db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.subjectType, 'billing_exception'));
    expect(audits).toEqual([{ action: 'billing.exception.correct' }]);
    expect((await billingTotals(JAN)).ledger_fen).toBe(8608);
  });

  it('bills a released spike as read, and a second decision on it is refused', async () => {
    await createTariff();
    const { account } = await createServiceAccount({
      utility: 'electricity',
      readings: yearOfReadings(150, { '2025-01-01': 2000 }),
    });
    const { runId } = await runMonth(JAN);
    const staff = await billingStaff();
    const [held] = await listBillingExceptions({ actor: staff, runId });

    const released = await resolveBillingException({
      actor: staff,
      exceptionId: held!.id,
      action: 'release',
    });
    const again = await resolveBillingException({
      actor: staff,
      exceptionId: held!.id,
      action: 'correct',
      usage: '1',
    });

    expect(released).toMatchObject({ ok: true, billed: true });
    expect(again).toEqual({ ok: false, error: 'billing.exception_resolved' });
    expect(await billOf(account.id, JAN)).toMatchObject({ usage: '2000.00', total_fen: 107600 });
    // Rerunning the month does not bill it a second time.
    await executeBillingRun(runId);
    expect((await billingTotals(JAN)).bills).toBe(1);
  });

  it('is not for residents: starting a run or settling an exception needs the billing permission', async () => {
    const resident = actorFor(await createUser());

    await expect(
      startBillingRun({ actor: resident, utility: 'water', period: JAN, enqueue: false }),
    ).rejects.toBeInstanceOf(PermissionError);
    await expect(
      resolveBillingException({ actor: resident, exceptionId: 1, action: 'release' }),
    ).rejects.toBeInstanceOf(PermissionError);
  });

  it('refuses a month that has not begun', async () => {
    const result = await startBillingRun({
      actor: await billingStaff(),
      utility: 'water',
      period: '2999-01-01',
      enqueue: false,
    });
    expect(result).toEqual({ ok: false, error: 'billing.period_future' });
    const db = await getDb();
    expect(await db.$count(billingRuns)).toBe(0);
  });
});
