import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { getDb } from '@/server/db';
import { createLocalFileStore, installFileStore } from '@/server/files';
import { executeBillingRun, startBillingRun } from '@/server/billing';
import { decideApplication } from '@/server/assistance';
import { renderBillLine } from '@/server/bills';
import { getTranslator } from '@/server/i18n';
import { getAnnualReport } from '@/server/reports';
import { getPayOptions } from '@/server/payments';
import { startCheckoutPayment } from '@/server/payments/start-checkout-payment';
import { payments } from '@/server/db/schema';
import { resetBilling, yearOfReadings } from '../../fixtures/billing-run';
import { actorFor, createResidentWithAccount, createUser } from '../../fixtures/world';
import {
  billWithLines,
  createWaterTariff,
  grantsOf,
  submitApplication,
} from '../../fixtures/assistance';

const JAN = '2025-01-01';
const FEB = '2025-02-01';
const MAR = '2025-03-01';

beforeAll(() => {
  installFileStore(createLocalFileStore(mkdtempSync(path.join(tmpdir(), 'wanjia-assist-'))));
});
afterAll(() => installFileStore(undefined));

beforeEach(async () => {
  await resetBilling();
  const db = await getDb();
  await db.execute(sql`truncate assistance_credits restart identity`);
});

/** Water at ¥3.45/m³ (first tier) with a ¥5.00 fixed monthly charge; 12 m³ every month. */
async function waterHousehold() {
  await createWaterTariff({
    fixedMonthlyFen: 500,
  });
  return createResidentWithAccount({
    utility: 'water',
    readings: yearOfReadings(12, { [JAN]: 12, [FEB]: 12, [MAR]: 12 }),
  });
}

async function reviewer() {
  return actorFor(await createUser({ role: 'reviewer' }));
}

/** A reviewer approves the application for twelve months from `fromMonth` (2025-01 unless told). */
function approve(applicationId: number, fromMonth = '2025-01') {
  return reviewer().then((actor) =>
    decideApplication({
      actor,
      applicationId,
      decision: { kind: 'approve', fromMonth, months: 12 },
    }),
  );
}

async function bill(period: string) {
  const started = await startBillingRun({
    actor: null,
    utility: 'water',
    period,
    enqueue: false,
  });
  if (!started.ok) throw new Error(started.error);
  await executeBillingRun(started.runId, { batchSize: 2 });
}

// 12 m³ × ¥3.45 = ¥41.40, fixed ¥5.00: ¥46.40 without a waiver.
const FULL = 4140 + 500;
// 10 m³ × ¥3.45 = ¥34.50 waived.
const ALLOWANCE = -3450;

describe('a waiver on the next bill', () => {
  it('puts an approved 低保 allowance on the next bill as its own explained line', async () => {
    const { actor, account } = await waterHousehold();
    const { applicationId } = await submitApplication({ actor, accountIds: [account.id] });
    const decided = await approve(applicationId);
    expect(decided).toMatchObject({ ok: true, grants: 1 });

    await bill(JAN);

    const jan = await billWithLines(account.id, JAN);
    expect(jan?.totalFen).toBe(FULL + ALLOWANCE);
    const waiver = jan?.lines.find((l) => l.kind === 'waiver');
    expect(waiver).toMatchObject({ quantity: '10.00', unitPrice: '3.4500', amountFen: ALLOWANCE });
    expect(jan?.lines.reduce((s, l) => s + l.amountFen, 0)).toBe(jan?.totalFen);
    expect(jan?.ledger).toEqual([{ kind: 'bill', amountFen: FULL + ALLOWANCE }]);

    const zh = getTranslator('zh-CN');
    const en = getTranslator('en');
    const line = { lineNo: 3, tierNo: null, ...waiver! } as Parameters<typeof renderBillLine>[0];
    expect(renderBillLine(line, zh, 'zh-CN')).toBe('低保户用水用电减免 10 m³ × ¥3.45 = -¥34.50');
    expect(renderBillLine(line, en, 'en')).toBe(
      'Low-income (dibao) household allowance: 10 m³ × ¥3.45 = -¥34.50',
    );

    // The annual report counts it among the year's waivers.
    const report = await getAnnualReport({ actor, accountId: account.id, year: 2025 });
    expect(report?.waivers).toEqual({ lines: 1, totalFen: ALLOWANCE });
  });

  it('waives the sewage surcharge on the allowance units too, in the same explained line', async () => {
    await createWaterTariff({
      fixedMonthlyFen: 500,
      surcharges: [
        { code: 'SEWAGE', nameZh: '污水处理费', nameEn: 'Sewage treatment', unitPrice: '0.95' },
      ],
    });
    const { actor, account } = await createResidentWithAccount({
      utility: 'water',
      readings: yearOfReadings(12, { [JAN]: 12, [FEB]: 12 }),
    });
    const { applicationId } = await submitApplication({ actor, accountIds: [account.id] });
    // January is billed before the decision; February after it.
    await bill(JAN);
    await approve(applicationId);
    await bill(FEB);

    // 12 m³ × ¥3.45 = ¥41.40, sewage 12 m³ × ¥0.95 = ¥11.40, fixed ¥5.00.
    const full = 4140 + 1140 + 500;
    // The allowance: 10 m³ × ¥3.45 = ¥34.50 plus their sewage 10 m³ × ¥0.95 = ¥9.50.
    const waived = -3450 - 950;
    expect((await billWithLines(account.id, JAN))?.totalFen).toBe(full);
    const feb = await billWithLines(account.id, FEB);
    const waivers = feb?.lines.filter((l) => l.kind === 'waiver') ?? [];
    expect(waivers).toHaveLength(1);
    expect(waivers[0]).toMatchObject({ quantity: '10.00', unitPrice: null, amountFen: waived });
    // January's credit covers its sewage as well.
    expect(feb?.lines.find((l) => l.kind === 'credit')?.amountFen).toBe(waived);
    expect(feb?.totalFen).toBe(full + waived + waived);
    expect(feb?.lines.reduce((s, l) => s + l.amountFen, 0)).toBe(feb?.totalFen);

    const line = { lineNo: 4, tierNo: null, ...waivers[0]! } as Parameters<
      typeof renderBillLine
    >[0];
    expect(renderBillLine(line, getTranslator('zh-CN'), 'zh-CN')).toBe(
      '低保户用水用电减免 10 m³（含污水处理费）：第一档 10 m³ × ¥3.45 + 污水处理费 10 m³ × ¥0.95 = -¥44.00',
    );
    expect(renderBillLine(line, getTranslator('en'), 'en')).toBe(
      'Low-income (dibao) household allowance: 10 m³ (including Sewage treatment): ' +
        'Tier 1 10 m³ × ¥3.45 + Sewage treatment 10 m³ × ¥0.95 = -¥44.00',
    );

    // The annual report's "waivers received" is the line as billed.
    const report = await getAnnualReport({ actor, accountId: account.id, year: 2025 });
    expect(report?.waivers).toEqual({ lines: 1, totalFen: waived });
  });

  it('leaves a small 低保 bill with nothing to pay: nothing due, and the server refuses a payment', async () => {
    // 6 m³ a month, below the 10 m³ allowance, and no fixed charge: the waiver covers it all.
    await createWaterTariff();
    const { actor, account } = await createResidentWithAccount({
      utility: 'water',
      readings: yearOfReadings(6, { [JAN]: 6 }),
    });
    const { applicationId } = await submitApplication({ actor, accountIds: [account.id] });
    await approve(applicationId);
    await bill(JAN);

    const jan = await billWithLines(account.id, JAN);
    // 6 m³ × ¥3.45 = ¥20.70, and the same waived.
    expect(jan?.lines.map((l) => [l.kind, l.amountFen])).toEqual([
      ['tier', 2070],
      ['waiver', -2070],
    ]);
    expect(jan?.totalFen).toBe(0);
    const billId = jan!.id;

    // What the bill page's pay panel reads: nothing due on the bill or the account.
    const options = await getPayOptions({ actor, accountId: account.id, billId });
    expect(options).toMatchObject({ available: true, billDueFen: 0, balanceDueFen: 0 });
    // And a payment asked for anyway (a crafted form) is refused, with nothing recorded.
    for (const scope of ['bill', 'balance'] as const) {
      expect(
        await startCheckoutPayment({
          payer: { kind: 'resident', actor },
          accountId: account.id,
          scope,
          billId,
          locale: 'zh-CN',
        }),
      ).toEqual({ ok: false, error: 'nothing_to_pay' });
    }
    const db = await getDb();
    expect(await db.$count(payments)).toBe(0);
  });

  it('halves the fixed charge for the older and disabled residents programme', async () => {
    const { actor, account } = await waterHousehold();
    const { applicationId } = await submitApplication({
      actor,
      accountIds: [account.id],
      code: 'GL',
    });
    await approve(applicationId);

    await bill(JAN);

    const jan = await billWithLines(account.id, JAN);
    expect(jan?.lines.filter((l) => l.kind === 'waiver').map((l) => l.amountFen)).toEqual([-250]);
    expect(jan?.totalFen).toBe(FULL - 250);
  });

  it('adds nothing to the bill when the application is rejected', async () => {
    const { actor, account } = await waterHousehold();
    const { applicationId } = await submitApplication({ actor, accountIds: [account.id] });
    await decideApplication({
      actor: await reviewer(),
      applicationId,
      decision: {
        kind: 'reject',
        reasonCode: 'not_registered',
        message: '民政系统中查不到该低保证。',
      },
    });

    await bill(JAN);

    const jan = await billWithLines(account.id, JAN);
    expect(jan?.totalFen).toBe(FULL);
    expect(jan?.lines.some((l) => l.kind === 'waiver' || l.kind === 'credit')).toBe(false);
    expect(await grantsOf(applicationId)).toEqual([]);
  });

  it('credits a bill issued before the approval on the next bill, once, from its billed lines', async () => {
    const { actor, account } = await waterHousehold();
    const { applicationId } = await submitApplication({ actor, accountIds: [account.id] });
    await bill(JAN);
    expect((await billWithLines(account.id, JAN))?.totalFen).toBe(FULL);

    await approve(applicationId);
    await bill(FEB);

    const feb = await billWithLines(account.id, FEB);
    expect(feb?.lines.filter((l) => l.kind === 'waiver').map((l) => l.amountFen)).toEqual([
      ALLOWANCE,
    ]);
    const credit = feb?.lines.find((l) => l.kind === 'credit');
    expect(credit?.amountFen).toBe(ALLOWANCE);
    expect(credit?.explanation?.values).toMatchObject({ period: JAN, program: 'DB' });
    expect(feb?.totalFen).toBe(FULL + ALLOWANCE + ALLOWANCE);
    // The ledger: the bill's charges and the waiver credit, which add up to the bill.
    expect(feb?.ledger).toEqual(
      expect.arrayContaining([
        { kind: 'bill', amountFen: FULL + ALLOWANCE },
        { kind: 'waiver_credit', amountFen: ALLOWANCE },
      ]),
    );
    expect(feb?.ledger).toHaveLength(2);
    // January itself is never re-priced.
    expect((await billWithLines(account.id, JAN))?.totalFen).toBe(FULL);

    await bill(MAR);
    const mar = await billWithLines(account.id, MAR);
    expect(mar?.lines.filter((l) => l.kind === 'credit')).toEqual([]);
    expect(mar?.totalFen).toBe(FULL + ALLOWANCE);

    const zh = getTranslator('zh-CN');
    const line = { lineNo: 4, tierNo: null, ...credit! } as Parameters<typeof renderBillLine>[0];
    expect(renderBillLine(line, zh, 'zh-CN')).toBe('低保户用水用电减免 补退 2025年1月账单 -¥34.50');
  });

  it('stops applying a grant once it has expired', async () => {
    const { actor, account } = await waterHousehold();
    const { applicationId } = await submitApplication({ actor, accountIds: [account.id] });
    await approve(applicationId, '2024-02');

    await bill(JAN);
    await bill(FEB);

    expect((await billWithLines(account.id, JAN))?.totalFen).toBe(FULL + ALLOWANCE);
    const feb = await billWithLines(account.id, FEB);
    expect(feb?.totalFen).toBe(FULL);
    expect(feb?.lines.some((l) => l.kind === 'waiver' || l.kind === 'credit')).toBe(false);
  });

  it('keeps one grant when the same application is approved twice, even at the same moment', async () => {
    const { actor, account } = await waterHousehold();
    const { applicationId } = await submitApplication({ actor, accountIds: [account.id] });
    const [first, second] = await Promise.all([
      decideApplication({
        actor: await reviewer(),
        applicationId,
        decision: { kind: 'approve', fromMonth: '2025-01', months: 12 },
      }),
      decideApplication({
        actor: await reviewer(),
        applicationId,
        decision: { kind: 'approve', fromMonth: '2025-01', months: 12 },
      }),
    ]);

    expect([first.ok, second.ok].sort()).toEqual([false, true]);
    expect([first, second].find((r) => !r.ok)).toEqual({ ok: false, error: 'already_decided' });
    expect(await grantsOf(applicationId)).toHaveLength(1);
    await bill(JAN);
    const jan = await billWithLines(account.id, JAN);
    expect(jan?.lines.filter((l) => l.kind === 'waiver')).toHaveLength(1);
  });
});
