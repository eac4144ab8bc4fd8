import { describe, expect, it } from 'vitest';
import { getBill } from '@/server/bills';
import { getPayOptions } from '@/server/payments';
import { getBillPage } from '@/server/page-reads';
import { createBill, recordPayment, tierLine } from '../../fixtures/billing';
import { actorFor, createServiceAccount, createUser, linkAccount } from '../../fixtures/world';

/** Two months billed, June part-paid: July's pay button must also settle what June still owes. */
async function residentWithTwoBills() {
  const user = await createUser();
  const { account } = await createServiceAccount({ utility: 'water' });
  await linkAccount({ userId: user.id, accountId: account.id });
  const line = (fen: number) =>
    tierLine({ tier: 1, quantity: '8', unitPrice: '3.45', amountFen: fen, unit: 'm³' });
  await createBill({
    accountId: account.id,
    period: '2025-06-01',
    usage: '8',
    lines: [line(2760)],
  });
  const july = await createBill({
    accountId: account.id,
    period: '2025-07-01',
    usage: '9',
    lines: [line(3105)],
  });
  await recordPayment({ accountId: account.id, amountFen: 1000 });
  return { actor: actorFor(user), accountId: account.id, julyId: july.id };
}

describe('the bill page in one statement', () => {
  it('gives the bill and its pay options exactly as the bills and payments domains do on their own', async () => {
    const { actor, accountId, julyId } = await residentWithTwoBills();

    const page = await getBillPage({ actor, billId: julyId });
    const bill = await getBill({ actor, billId: julyId });
    const payOptions = await getPayOptions({ actor, accountId, billId: julyId });

    expect(bill?.previous?.lines).toHaveLength(1);
    expect(payOptions).toMatchObject({
      balanceDueFen: 2760 + 3105 - 1000,
      billOpenFen: 3105,
      billDueFen: 2760 + 3105 - 1000,
      includesOlderBills: true,
    });
    expect(page).toEqual({ bill, payOptions });
  });

  it("gives another resident neither the bill nor the account's pay options", async () => {
    const { julyId } = await residentWithTwoBills();
    const stranger = actorFor(await createUser());

    expect(await getBillPage({ actor: stranger, billId: julyId })).toEqual({
      bill: null,
      payOptions: null,
    });
  });
});
