import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/server/db';
import { createLocalFileStore, installFileStore } from '@/server/files';
import { executeBillingRun, startBillingRun } from '@/server/billing';
import { decideApplication, saveApplication, startApplication } from '@/server/assistance';
import {
  getBill,
  getBillPdf,
  listAccountBillingSummaries,
  listAccountBills,
  renderBillLine,
} from '@/server/bills';
import { getTranslator } from '@/server/i18n';
import { getAnnualReport } from '@/server/reports';
import { getPayOptions } from '@/server/payments';
import { startCheckoutPayment } from '@/server/payments/start-checkout-payment';
import {
  assistanceApplications,
  assistanceGrants,
  assistancePrograms,
  payments,
} from '@/server/db/schema';
import type { TActor } from '@/server/auth/actor';
import { resetBilling, yearOfReadings } from '../../fixtures/billing-run';
import { actorFor, createResidentWithAccount, createUser } from '../../fixtures/world';
import {
  billWithLines,
  createWaterTariff,
  grantsOf,
  submitApplication,
} from '../../fixtures/assistance';

const DEC_2024 = '2024-12-01';
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
    expect(report?.waivers).toEqual({ lines: 1, totalFen: ALLOWANCE, lateCredits: 0 });
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

    // The annual report's "waivers received": February's line as billed and January's, received
    // as February's credit.
    const report = await getAnnualReport({ actor, accountId: account.id, year: 2025 });
    expect(report?.waivers).toEqual({ lines: 2, totalFen: waived + waived, lateCredits: 1 });
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

    // No due date anywhere for a bill that asks for nothing: its page, the bill list, the
    // dashboard card and the PDF say there is nothing to pay instead.
    expect((await getBill({ actor, billId }))?.dueOn).toBeNull();
    expect((await listAccountBills({ actor, accountId: account.id }))?.bills).toEqual([
      expect.objectContaining({ id: billId, totalFen: 0, dueOn: null }),
    ]);
    const [summary] = await listAccountBillingSummaries({ actor });
    expect(summary?.latestBill).toMatchObject({ id: billId, dueOn: null });
    for (const [locale, nothing, dueBy] of [
      ['zh-CN', '本期账单无需缴费', '前缴清'],
      ['en', 'Nothing to pay on this bill', 'Please pay by'],
    ] as const) {
      const pdf = (await getBillPdf({ actor, billId, locale }))?.pdf;
      const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString();
      expect(text).toContain(nothing);
      expect(text).not.toContain(dueBy);
    }
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

  it('counts a late credit among the waivers received in the year of the bill it waives', async () => {
    const { actor, account } = await waterHousehold();
    const { applicationId } = await submitApplication({ actor, accountIds: [account.id] });
    await bill(DEC_2024);
    // Approved from December, after December was billed: January credits December.
    await approve(applicationId, '2024-12');
    await bill(JAN);
    const jan = await billWithLines(account.id, JAN);
    expect(
      jan?.lines
        .filter((l) => l.kind !== 'tier' && l.kind !== 'fixed')
        .map((l) => [l.kind, l.amountFen]),
    ).toEqual([
      ['waiver', ALLOWANCE],
      ['credit', ALLOWANCE],
    ]);

    // 2024's report has December's waiver, received as January's credit…
    const report2024 = await getAnnualReport({ actor, accountId: account.id, year: 2024 });
    expect(report2024?.waivers).toEqual({ lines: 1, totalFen: ALLOWANCE, lateCredits: 1 });
    // …and 2025's has January's own waiver only, not December's credit again.
    const report2025 = await getAnnualReport({ actor, accountId: account.id, year: 2025 });
    expect(report2025?.waivers).toEqual({ lines: 1, totalFen: ALLOWANCE, lateCredits: 0 });
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

/**
 * A second allowance programme (5 m³ of water a month, no questions or documents), and a
 * resident's submitted application to it.
 */
async function submitOtherAllowance(actor: TActor, accountId: number) {
  const db = await getDb();
  const values = {
    code: 'KN',
    nameZh: '困难职工家庭用水减免',
    nameEn: 'Hardship household water allowance',
    descriptionZh: '每月免 5 立方米水费。',
    descriptionEn: '5 m³ of water free a month.',
    ruleKind: 'allowance' as const,
    allowanceWater: '5',
    active: true,
  };
  const [program] = await db
    .insert(assistancePrograms)
    .values(values)
    .onConflictDoUpdate({ target: assistancePrograms.code, set: values })
    .returning({ id: assistancePrograms.id });
  const started = await startApplication({
    actor,
    programId: program!.id,
    accountIds: [accountId],
  });
  if (!started.ok) throw new Error(started.error);
  const submitted = await saveApplication({
    actor,
    applicationId: started.applicationId,
    answers: {},
    accountIds: [accountId],
    submit: true,
  });
  if (!submitted.ok) throw new Error(JSON.stringify(submitted));
  return { applicationId: started.applicationId, programId: program!.id };
}

describe('one allowance per account and month', () => {
  it('refuses a second allowance programme for months another already covers, naming it', async () => {
    const { actor, account } = await waterHousehold();
    const dibao = await submitApplication({ actor, accountIds: [account.id] });
    expect((await approve(dibao.applicationId)).ok).toBe(true);
    const other = await submitOtherAllowance(actor, account.id);

    expect(await approve(other.applicationId, '2025-06')).toEqual({
      ok: false,
      error: 'allowance_overlap',
      overlap: { reference: dibao.reference, validFrom: '2025-01-01', validTo: '2025-12-31' },
    });
    expect(await grantsOf(other.applicationId)).toEqual([]);
    // Still waiting for a decision: from the month the 低保 grant ends, it may be approved.
    expect((await approve(other.applicationId, '2026-01')).ok).toBe(true);
    // A share off the fixed charge is no allowance: it may apply alongside.
    const older = await submitApplication({ actor, accountIds: [account.id], code: 'GL' });
    expect((await approve(older.applicationId)).ok).toBe(true);
  });

  it('refuses one of two overlapping allowances approved at the same moment', async () => {
    const { actor, account } = await waterHousehold();
    const dibao = await submitApplication({ actor, accountIds: [account.id] });
    const other = await submitOtherAllowance(actor, account.id);
    const results = await Promise.all([approve(dibao.applicationId), approve(other.applicationId)]);

    expect(results.map((r) => r.ok).sort()).toEqual([false, true]);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, error: 'allowance_overlap' });
    const grants = [
      ...(await grantsOf(dibao.applicationId)),
      ...(await grantsOf(other.applicationId)),
    ];
    expect(grants).toHaveLength(1);
  });

  it('waives a month once even when two allowance grants overlap (granted before the rule)', async () => {
    const { actor, account } = await waterHousehold();
    const dibao = await submitApplication({ actor, accountIds: [account.id] });
    await bill(JAN);
    await approve(dibao.applicationId);
    // An overlapping grant of another allowance, as one approved before approval refused it.
    const other = await submitOtherAllowance(actor, account.id);
    const db = await getDb();
    await db
      .update(assistanceApplications)
      .set({ status: 'approved', decidedAt: new Date() })
      .where(eq(assistanceApplications.id, other.applicationId));
    await db.insert(assistanceGrants).values({
      accountId: account.id,
      programId: other.programId,
      applicationId: other.applicationId,
      validFrom: JAN,
      validTo: '2025-12-31',
    });

    await bill(FEB);
    // February: the 低保 allowance (approved first) alone, and January credited once by it.
    const feb = await billWithLines(account.id, FEB);
    expect(
      feb?.lines
        .filter((l) => l.kind === 'waiver' || l.kind === 'credit')
        .map((l) => [l.kind, l.amountFen, l.explanation?.values?.program]),
    ).toEqual([
      ['waiver', ALLOWANCE, 'DB'],
      ['credit', ALLOWANCE, 'DB'],
    ]);
    expect(feb?.totalFen).toBe(FULL + ALLOWANCE + ALLOWANCE);

    // March: still one allowance, and January is not credited again by the other programme.
    await bill(MAR);
    const mar = await billWithLines(account.id, MAR);
    expect(
      mar?.lines.filter((l) => l.kind === 'waiver' || l.kind === 'credit').map((l) => l.amountFen),
    ).toEqual([ALLOWANCE]);
  });
});
