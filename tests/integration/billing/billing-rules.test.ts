import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/server/db';
import { meterReadings, meters } from '@/server/db/schema';
import { executeBillingRun, startBillingRun } from '@/server/billing';
import {
  billOf,
  createTariff,
  exceptionsOf,
  readingsFor,
  resetBilling,
  yearOfReadings,
} from '../../fixtures/billing-run';
import { actorFor, createServiceAccount, createUser } from '../../fixtures/world';

/**
 * How a run reads a month from the readings (the batch query): the estimate for a missing
 * month, a meter replacement's two readings, and where a high month becomes a spike. The
 * decision made from what it reads is unit-tested in src/server/billing/decide-account-bill.test.ts.
 */

const JAN = '2025-01-01';

beforeEach(resetBilling);

async function runJanuary() {
  const actor = actorFor(await createUser({ role: 'billing' }));
  const started = await startBillingRun({
    actor,
    utility: 'electricity',
    period: JAN,
    enqueue: false,
  });
  if (!started.ok) throw new Error(started.error);
  await executeBillingRun(started.runId, { batchSize: 10 });
}

describe('what a billing run reads from the readings', () => {
  it('estimates a missing month from the last three months read, not the older ones', async () => {
    await createTariff();
    const { account } = await createServiceAccount({
      utility: 'electricity',
      readings: yearOfReadings(100, {
        '2024-10-01': 120,
        '2024-11-01': 150,
        '2024-12-01': 180,
        '2025-01-01': null,
      }),
    });

    await runJanuary();

    expect(await billOf(account.id, JAN)).toMatchObject({ usage: '150.00', estimated: true });
  });

  it("skips the meter reader's own estimates when it averages the last months read", async () => {
    await createTariff();
    const readings = yearOfReadings(100, {
      '2024-09-01': 90,
      '2024-10-01': 120,
      '2024-11-01': 500,
      '2024-12-01': 180,
      '2025-01-01': null,
    }).map((r) => (r.period === '2024-11-01' ? { ...r, kind: 'estimated' as const } : r));
    const { account } = await createServiceAccount({ utility: 'electricity', readings });

    await runJanuary();

    // September, October and December: (90 + 120 + 180) / 3.
    expect(await billOf(account.id, JAN)).toMatchObject({ usage: '130.00', estimated: true });
  });

  it('estimates from the same month last year when that is the only month read', async () => {
    await createTariff();
    const { account } = await createServiceAccount({
      utility: 'electricity',
      readings: readingsFor({ '2024-01-01': 230 }),
    });

    await runJanuary();

    expect(await billOf(account.id, JAN)).toMatchObject({ usage: '230.00', estimated: true });
  });

  it('sums the old and the new meter in the month a meter was replaced', async () => {
    await createTariff();
    const { account } = await createServiceAccount({
      utility: 'electricity',
      readings: yearOfReadings(150, { '2025-01-01': 60 }),
    });
    const db = await getDb();
    const [newMeter] = await db
      .insert(meters)
      .values({ accountId: account.id, serialNumber: `ME-NEW-${account.id}`, installedOn: JAN })
      .returning();
    if (!newMeter) throw new Error('meter not created');
    await db.insert(meterReadings).values({
      accountId: account.id,
      meterId: newMeter.id,
      period: JAN,
      readOn: '2025-01-25',
      reading: '90',
      consumption: '90',
      kind: 'actual',
    });

    await runJanuary();

    expect(await billOf(account.id, JAN)).toMatchObject({
      usage: '150.00',
      estimated: false,
      total_fen: 8070,
    });
    expect(await exceptionsOf(JAN)).toEqual([]);
  });

  it('counts a month read on two meters once in the household average', async () => {
    await createTariff();
    // Twelve months of 150 kWh, June on two meters (150 + 150): the average is 1,950 / 12 =
    // 162.5 kWh, so 470 kWh is under three times it. Counting readings instead of months
    // (1,950 / 13 = 150) would hold 470 kWh back as a spike.
    const { account } = await createServiceAccount({
      utility: 'electricity',
      readings: yearOfReadings(150, { '2025-01-01': 470 }),
    });
    const db = await getDb();
    const [newMeter] = await db
      .insert(meters)
      .values({
        accountId: account.id,
        serialNumber: `ME-JUNE-${account.id}`,
        installedOn: '2024-06-01',
      })
      .returning();
    if (!newMeter) throw new Error('meter not created');
    await db.insert(meterReadings).values({
      accountId: account.id,
      meterId: newMeter.id,
      period: '2024-06-01',
      readOn: '2024-06-25',
      reading: '150',
      consumption: '150',
      kind: 'actual',
    });

    await runJanuary();

    expect(await billOf(account.id, JAN)).toMatchObject({ usage: '470.00', estimated: false });
    expect(await exceptionsOf(JAN)).toEqual([]);
  });

  it('bills a high month up to three times the household average, and holds back one above it', async () => {
    await createTariff();
    const cases = [
      { usage: 240, heldBack: false }, // a summer air-conditioning peak, 1.6 × the average
      { usage: 440, heldBack: false }, // 2.9 × the average
      { usage: 500, heldBack: true }, // 3.3 × the average and 350 kWh above it
    ];
    const accounts = [];
    for (const c of cases) {
      const { account } = await createServiceAccount({
        utility: 'electricity',
        readings: yearOfReadings(150, { '2025-01-01': c.usage }),
      });
      accounts.push({ ...c, account });
    }

    await runJanuary();

    for (const { account, usage, heldBack } of accounts) {
      const bill = await billOf(account.id, JAN);
      if (heldBack) expect(bill, `${usage} kWh`).toBeNull();
      else expect(bill, `${usage} kWh`).toMatchObject({ usage: `${usage}.00` });
    }
    expect((await exceptionsOf(JAN)).map((e) => e.reason)).toEqual(['usage_spike']);
  });

  it('never calls a month a spike for a household with under three months of history', async () => {
    await createTariff();
    const { account } = await createServiceAccount({
      utility: 'electricity',
      readings: readingsFor({ '2024-11-01': 100, '2024-12-01': 100, '2025-01-01': 900 }),
    });

    await runJanuary();

    expect(await billOf(account.id, JAN)).toMatchObject({ usage: '900.00', estimated: false });
  });
});
