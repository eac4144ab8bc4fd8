import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/server/db';
import { auditLog } from '@/server/db/schema';
import {
  getBill,
  getBillForStaff,
  getBillPdf,
  listAccountBillingSummaries,
  listAccountBills,
  listAccountBillsForStaff,
} from '@/server/bills';
import { PermissionError } from '@/server/auth/permissions';
import {
  actorFor,
  createPremises,
  createResidentWithAccount,
  createServiceAccount,
  createUser,
  linkAccount,
} from '../../fixtures/world';
import {
  createBill,
  createTariff,
  fixedLine,
  recordPayment,
  surchargeLine,
  tierLine,
} from '../../fixtures/billing';

/** A July electricity bill that crossed from tier 1 into tier 2 (2,760 kWh a year). */
async function julyBillCrossingIntoTier2(accountId: number) {
  const tariff = await createTariff({ nameZh: '居民阶梯电价（2025）' });
  return createBill({
    accountId,
    period: '2025-07-01',
    usage: '400',
    readingFrom: '2600',
    readingTo: '3000',
    tariffId: tariff.id,
    lines: [
      tierLine({ tier: 1, quantity: '160', unitPrice: '0.5469', amountFen: 8750 }),
      tierLine({ tier: 2, quantity: '240', unitPrice: '0.5969', amountFen: 14326 }),
      fixedLine(500),
    ],
  });
}

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'wanjia-bill-'));
  const file = path.join(dir, 'bill.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

describe('a bill as the resident reads it', () => {
  it('has every stored line, the tiers crossed, the tariff and the account balance', async () => {
    const { actor, account } = await createResidentWithAccount({ utility: 'electricity' });
    const bill = await julyBillCrossingIntoTier2(account.id);

    const detail = await getBill({ actor, billId: bill.id });

    expect(detail).toMatchObject({
      id: bill.id,
      period: '2025-07-01',
      usage: '400.00',
      totalFen: 23576,
      estimated: false,
      readingFrom: '2600.00',
      readingTo: '3000.00',
      utility: 'electricity',
      tiersCrossed: [2],
      balanceFen: 23576,
      tariff: { name: { zh: '居民阶梯电价（2025）' }, tierPeriod: 'year' },
      previous: null,
    });
    expect(detail?.lines.map((l) => [l.lineNo, l.kind, l.tierNo, l.amountFen])).toEqual([
      [1, 'tier', 1, 8750],
      [2, 'tier', 2, 14326],
      [3, 'fixed', null, 500],
    ]);
  });

  it('comes with the bill for the month before, for comparison', async () => {
    const { actor, account } = await createResidentWithAccount({ utility: 'water' });
    const june = await createBill({
      accountId: account.id,
      period: '2025-06-01',
      usage: '8',
      lines: [tierLine({ tier: 1, quantity: '8', unitPrice: '3.45', amountFen: 2760, unit: 'm³' })],
    });
    const july = await createBill({
      accountId: account.id,
      period: '2025-07-01',
      usage: '11',
      estimated: true,
      lines: [
        tierLine({ tier: 1, quantity: '11', unitPrice: '3.45', amountFen: 3795, unit: 'm³' }),
        surchargeLine({
          nameZh: '污水处理费',
          nameEn: 'Sewage treatment',
          quantity: '11',
          unitPrice: '0.95',
          amountFen: 1045,
        }),
      ],
    });

    const detail = await getBill({ actor, billId: july.id });

    expect(detail?.estimated).toBe(true);
    expect(detail?.previous).toMatchObject({ id: june.id, period: '2025-06-01', totalFen: 2760 });
    expect(detail?.previous?.lines).toHaveLength(1);
    expect(detail?.balanceFen).toBe(2760 + 4840);
  });

  it('is listed newest first with the balance, which payments bring down', async () => {
    const { actor, account } = await createResidentWithAccount();
    for (const [period, amountFen] of [
      ['2025-04-01', 3000],
      ['2025-05-01', 3100],
      ['2025-06-01', 3200],
    ] as const) {
      await createBill({
        accountId: account.id,
        period,
        usage: '9',
        lines: [fixedLine(amountFen)],
      });
    }
    await recordPayment({ accountId: account.id, amountFen: 6100 });

    const list = await listAccountBills({ actor, accountId: account.id });

    expect(list?.bills.map((b) => [b.period, b.totalFen])).toEqual([
      ['2025-06-01', 3200],
      ['2025-05-01', 3100],
      ['2025-04-01', 3000],
    ]);
    expect(list?.balanceFen).toBe(3200);
    expect(list?.olderBefore).toBeNull();
  });

  it('says which bills are paid, partly paid, still to pay, late or ask for nothing', async () => {
    const { actor, account } = await createResidentWithAccount();
    const bill = (period: string, amountFen: number, dueOn: string) =>
      createBill({
        accountId: account.id,
        period,
        usage: '9',
        lines: [fixedLine(amountFen)],
        dueOn,
      });
    await bill('2025-03-01', 0, '2025-04-21');
    await bill('2025-04-01', 3000, '2025-05-21');
    await bill('2025-05-01', 3100, '2025-06-21');
    await bill('2025-06-01', 3200, '2999-12-31');
    // Money goes to the oldest bills first: April in full, ¥10 of May.
    await recordPayment({ accountId: account.id, amountFen: 4000 });

    const list = await listAccountBills({ actor, accountId: account.id });

    expect(list?.bills.map((b) => [b.period, b.payment])).toEqual([
      ['2025-06-01', { kind: 'owed', openFen: 3200, partlyPaid: false, overdue: false }],
      ['2025-05-01', { kind: 'owed', openFen: 2100, partlyPaid: true, overdue: true }],
      ['2025-04-01', { kind: 'paid' }],
      ['2025-03-01', { kind: 'nothing-to-pay' }],
    ]);
    expect(list?.balanceFen).toBe(3200 + 2100);
  });

  it('is shown to an agent for any account, and to no resident that way', async () => {
    const { actor: holder, account } = await createResidentWithAccount();
    await createBill({
      accountId: account.id,
      period: '2025-06-01',
      usage: '9',
      lines: [fixedLine(3200)],
      dueOn: '2025-07-21',
    });
    const agent = actorFor(await createUser({ role: 'agent' }));

    const seen = await listAccountBillsForStaff({ actor: agent, accountId: account.id });

    expect(seen?.bills.map((b) => [b.period, b.payment])).toEqual([
      ['2025-06-01', { kind: 'owed', openFen: 3200, partlyPaid: false, overdue: true }],
    ]);
    expect(seen?.balanceFen).toBe(3200);
    await expect(
      listAccountBillsForStaff({ actor: holder, accountId: account.id }),
    ).rejects.toThrow(PermissionError);
  });

  it('pages through more than two years of bills', async () => {
    const { actor, account } = await createResidentWithAccount();
    for (let i = 0; i < 26; i++) {
      const period = new Date(Date.UTC(2023, i, 1)).toISOString().slice(0, 10);
      await createBill({ accountId: account.id, period, usage: '5', lines: [fixedLine(100)] });
    }

    const first = await listAccountBills({ actor, accountId: account.id });
    const older = await listAccountBills({
      actor,
      accountId: account.id,
      before: first?.olderBefore ?? '',
    });

    expect(first?.bills).toHaveLength(24);
    expect(first?.bills[0]?.period).toBe('2025-02-01');
    expect(first?.olderBefore).toBe('2023-03-01');
    expect(older?.bills.map((b) => b.period)).toEqual(['2023-02-01', '2023-01-01']);
    expect(older?.olderBefore).toBeNull();
  });
});

describe('a bill as an agent explains it', () => {
  it('is the same bill, lines and all, and opening it is audited', async () => {
    const { actor: holder, account } = await createResidentWithAccount();
    const bill = await julyBillCrossingIntoTier2(account.id);
    const agent = await createUser({ role: 'agent' });

    const seen = await getBillForStaff({ actor: actorFor(agent), billId: bill.id });

    const { payment, ...asTheResidentSeesIt } = seen ?? { payment: null };
    expect(asTheResidentSeesIt).toEqual(await getBill({ actor: holder, billId: bill.id }));
    // July 2025's bill (¥235.76 = 87.50 + 143.26 + 5.00) was due long ago and nothing was paid.
    expect(payment).toEqual({ kind: 'owed', openFen: 23576, partlyPaid: false, overdue: true });
    const audit = await (
      await getDb()
    )
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, 'staff.bill_viewed'), eq(auditLog.subjectId, String(bill.id))),
      );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorUserId: agent.id, actorRole: 'agent' });
  });

  it('says how much is still owed on it, and paid once the money has come in', async () => {
    const { account } = await createResidentWithAccount();
    const bill = await julyBillCrossingIntoTier2(account.id);
    const agent = actorFor(await createUser({ role: 'agent' }));

    await recordPayment({ accountId: account.id, amountFen: 20000 });
    expect((await getBillForStaff({ actor: agent, billId: bill.id }))?.payment).toEqual({
      kind: 'owed',
      openFen: 3576,
      partlyPaid: true,
      overdue: true,
    });

    await recordPayment({ accountId: account.id, amountFen: 3576 });
    expect((await getBillForStaff({ actor: agent, billId: bill.id }))?.payment).toEqual({
      kind: 'paid',
    });
  });

  it('is not open to residents that way, and a missing bill is not found', async () => {
    const { actor: holder, account } = await createResidentWithAccount();
    const bill = await julyBillCrossingIntoTier2(account.id);
    const agent = actorFor(await createUser({ role: 'agent' }));

    await expect(getBillForStaff({ actor: holder, billId: bill.id })).rejects.toThrow(
      PermissionError,
    );
    expect(await getBillForStaff({ actor: agent, billId: 999_999_999 })).toBeNull();
  });
});

describe('the PDF bill', () => {
  it('prints the Chinese lines and total with the font embedded', async () => {
    const { actor, account } = await createResidentWithAccount({ utility: 'electricity' });
    const bill = await julyBillCrossingIntoTier2(account.id);

    const file = await getBillPdf({ actor, billId: bill.id, locale: 'zh-CN' });

    expect(file?.pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(file?.fileName).toMatch(/^wanjia-electricity-\d+-2025-07\.pdf$/);
    const text = pdfText(file?.pdf ?? Buffer.alloc(0));
    expect(text).toContain('电费账单');
    expect(text).toContain('第一档 160 kWh × ¥0.5469 = ¥87.50');
    expect(text).toContain('第二档 240 kWh × ¥0.5969 = ¥143.26');
    expect(text).toContain('¥235.76');
  });

  it('reads in English when the resident chose English', async () => {
    const { actor, account } = await createResidentWithAccount({ utility: 'electricity' });
    const bill = await julyBillCrossingIntoTier2(account.id);

    const text = pdfText(
      (await getBillPdf({ actor, billId: bill.id, locale: 'en' }))?.pdf ?? Buffer.alloc(0),
    );

    expect(text).toContain('Electricity bill');
    expect(text).toContain('Tier 2: 240 kWh × ¥0.5969 = ¥143.26');
    expect(text).toContain('¥235.76');
  });
});

describe('another resident', () => {
  it("gets not found for someone else's bill, PDF and bill list", async () => {
    const owner = await createResidentWithAccount({ utility: 'electricity' });
    const bill = await julyBillCrossingIntoTier2(owner.account.id);
    const stranger = actorFor(await createUser());

    expect(await getBill({ actor: stranger, billId: bill.id })).toBeNull();
    expect(await getBillPdf({ actor: stranger, billId: bill.id, locale: 'zh-CN' })).toBeNull();
    expect(await listAccountBills({ actor: stranger, accountId: owner.account.id })).toBeNull();
    expect(await listAccountBillingSummaries({ actor: stranger })).toEqual([]);
  });

  it('gets the same answer for a bill that does not exist', async () => {
    const { actor } = await createResidentWithAccount();
    expect(await getBill({ actor, billId: 987_654_321 })).toBeNull();
  });
});

/** A resident with a water and an electricity account at one home, both linked. */
async function residentWithWaterAndPower() {
  const user = await createUser();
  const home = await createPremises();
  const water = await createServiceAccount({ utility: 'water', premisesId: home.id });
  const power = await createServiceAccount({ utility: 'electricity', premisesId: home.id });
  await linkAccount({ userId: user.id, accountId: water.account.id });
  await linkAccount({ userId: user.id, accountId: power.account.id });
  return { user, water: water.account, power: power.account };
}

/** The actor's dashboard summaries by account id. */
async function summariesOf(user: Parameters<typeof actorFor>[0]) {
  const summaries = await listAccountBillingSummaries({ actor: actorFor(user) });
  return new Map(summaries.map((s) => [s.accountId, s]));
}

describe('the dashboard', () => {
  it('shows each linked account with its balance and latest bill', async () => {
    const { user, water, power } = await residentWithWaterAndPower();
    await createBill({
      accountId: water.id,
      period: '2025-05-01',
      usage: '7',
      lines: [fixedLine(2000)],
    });
    const june = await createBill({
      accountId: water.id,
      period: '2025-06-01',
      usage: '8',
      estimated: true,
      lines: [fixedLine(2500)],
      dueOn: '2025-07-21',
    });
    await recordPayment({ accountId: water.id, amountFen: 2000 });

    const byAccount = await summariesOf(user);

    expect(byAccount.get(water.id)).toEqual({
      accountId: water.id,
      balanceFen: 2500,
      currency: 'CNY',
      latestBill: {
        id: june.id,
        period: '2025-06-01',
        totalFen: 2500,
        dueOn: '2025-07-21',
        estimated: true,
      },
      // ¥25 still owed after 21 July 2025.
      overdue: true,
    });
    expect(byAccount.get(power.id)).toMatchObject({
      balanceFen: 0,
      latestBill: null,
      overdue: false,
    });
  });

  it('calls money late only once the latest bill’s due date has passed', async () => {
    const { user, water: notYetDue, power: paidUp } = await residentWithWaterAndPower();
    const juneBill = (accountId: number, totalFen: number, dueOn: string) =>
      createBill({
        accountId,
        period: '2025-06-01',
        usage: '8',
        lines: [fixedLine(totalFen)],
        dueOn,
      });
    await juneBill(notYetDue.id, 2500, '2999-12-31');
    await juneBill(paidUp.id, 4000, '2025-07-21');
    await recordPayment({ accountId: paidUp.id, amountFen: 4000 });

    const byAccount = await summariesOf(user);
    expect(byAccount.get(notYetDue.id)).toMatchObject({ balanceFen: 2500, overdue: false });
    expect(byAccount.get(paidUp.id)).toMatchObject({ balanceFen: 0, overdue: false });
  });
});
