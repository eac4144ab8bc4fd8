import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/server/db';
import { paymentAllocations } from '@/server/db/schema';
import { getAccountBalance, listOpenBills } from '@/server/payments';
import { settlePaidHistory } from '@/server/payments/settle-paid-history';
import { createResidentWithAccount } from '../../fixtures/world';
import { createBill, fixedLine } from '../../fixtures/billing';
import { ledgerOf } from '../../fixtures/payments';

describe('the demo history', () => {
  it('pays everything before the latest bill, once, oldest first', async () => {
    const { account } = await createResidentWithAccount({ utility: 'water' });
    const made = [];
    for (const [period, fen] of [
      ['2026-07-01', 3000],
      ['2026-08-01', 4000],
      ['2026-09-01', 5000],
    ] as const) {
      made.push(
        await createBill({ accountId: account.id, period, usage: '1', lines: [fixedLine(fen)] }),
      );
    }
    expect(await settlePaidHistory()).toBeGreaterThanOrEqual(1);
    const db = await getDb();
    expect(await getAccountBalance(db, account.id)).toBe(5000);
    const { openBills } = await listOpenBills(db, account.id);
    expect(openBills.map((b) => b.billId)).toEqual([made[2]?.id]);
    const payments = (await ledgerOf(account.id)).filter((e) => e.kind === 'payment');
    expect(payments).toHaveLength(1);
    const allocations = await db
      .select({ billId: paymentAllocations.billId, amountFen: paymentAllocations.amountFen })
      .from(paymentAllocations)
      .where(eq(paymentAllocations.paymentId, payments[0]?.reference ?? ''))
      .orderBy(paymentAllocations.billId);
    expect(allocations).toEqual([
      { billId: made[0]?.id, amountFen: 3000 },
      { billId: made[1]?.id, amountFen: 4000 },
    ]);
    expect(await settlePaidHistory()).toBe(0);
    expect((await ledgerOf(account.id)).filter((e) => e.kind === 'payment')).toHaveLength(1);
  });
});
