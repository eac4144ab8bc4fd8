import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDb } from '@/server/db';
import { collections, ledgerEntries, mailOutbox, notifications } from '@/server/db/schema';
import { executeBillingRun, startBillingRun } from '@/server/billing';
import { remindOverdueBills } from '@/server/bills';
import { renderNotificationText } from '@/server/notifications';
import {
  billOf,
  createBillableAccounts,
  createTariff,
  resetBilling,
} from '../../fixtures/billing-run';
import { actorFor, createUser, linkAccount } from '../../fixtures/world';

beforeEach(resetBilling);

/** January 2025 for the given accounts: issued on the run's day, due 21 February 2025. */
async function billJanuary() {
  const started = await startBillingRun({
    actor: actorFor(await createUser({ role: 'billing' })),
    utility: 'electricity',
    period: '2025-01-01',
    enqueue: false,
  });
  if (!started.ok) throw new Error(started.error);
  await executeBillingRun(started.runId);
}

async function inboxOf(userId: string) {
  const db = await getDb();
  return db.select().from(notifications).where(eq(notifications.userId, userId));
}

describe('reminding residents of overdue bills', () => {
  it('reminds each resident of a bill still owed after its due date, once, by inbox and e-mail', async () => {
    await createTariff();
    // The fourth account has nobody linked to it: nobody to remind.
    const [owing, paid, collecting] = await createBillableAccounts(4);
    const holder = await createUser({ email: 'owing@example.com' });
    const partner = await createUser({ email: 'partner@example.com' });
    const payer = await createUser();
    const debited = await createUser();
    await linkAccount({ userId: holder.id, accountId: owing!.id });
    await linkAccount({ userId: partner.id, accountId: owing!.id });
    await linkAccount({ userId: payer.id, accountId: paid!.id });
    await linkAccount({ userId: debited.id, accountId: collecting!.id });
    await billJanuary();
    const bill = await billOf(owing!.id, '2025-01-01');
    expect(bill?.due_on).toBe('2025-02-21');

    const db = await getDb();
    // One account paid its bill in full; one is being collected by direct debit.
    const paidBill = await billOf(paid!.id, '2025-01-01');
    await db.insert(ledgerEntries).values({
      accountId: paid!.id,
      kind: 'payment',
      amountFen: -paidBill!.total_fen,
      reference: 'pay-test-1',
    });
    const collectedBill = await billOf(collecting!.id, '2025-01-01');
    await db.insert(collections).values({
      mandateId: 1,
      accountId: collecting!.id,
      billId: collectedBill!.id,
      amountFen: collectedBill!.total_fen,
      collectOn: '2025-02-21',
      noticeBy: '2025-02-07',
      status: 'processing',
    });

    // On the due date nothing is overdue yet.
    expect(await remindOverdueBills({ today: '2025-02-21' })).toEqual({ reminded: 0 });
    // The day after: both people linked to the owing account, nobody else.
    expect(await remindOverdueBills({ today: '2025-02-22' })).toEqual({ reminded: 2 });
    const [note] = await inboxOf(holder.id);
    expect(note).toMatchObject({ kind: 'bill.overdue', link: `/bills/${bill!.id}` });
    expect(renderNotificationText('zh-CN', note!.title)).toBe('电费账单已逾期：2025年1月');
    expect(renderNotificationText('zh-CN', note!.body!)).toBe(
      `户号 ${owing!.accountNumber} 尚欠 ¥80.70，缴费期限是2025年2月21日。请尽快缴清；如已缴费，请忽略本提醒。`,
    );
    expect(renderNotificationText('en', note!.title)).toBe(
      'Your electricity bill for January 2025 is overdue',
    );
    expect(await inboxOf(partner.id)).toHaveLength(1);
    expect(await inboxOf(payer.id)).toEqual([]);
    expect(await inboxOf(debited.id)).toEqual([]);
    const mail = await db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.toAddress, 'owing@example.com'));
    expect(mail.map((m) => m.template)).toEqual(['notify.bill.overdue']);

    // The daily job again, and a week later: nobody is reminded twice.
    expect(await remindOverdueBills({ today: '2025-02-22' })).toEqual({ reminded: 0 });
    expect(await remindOverdueBills({ today: '2025-03-01' })).toEqual({ reminded: 0 });
    expect(await inboxOf(holder.id)).toHaveLength(1);
  });

  it('reminds of the part still owed, and leaves alone a bill past the window', async () => {
    await createTariff();
    const [account] = await createBillableAccounts(1);
    const holder = await createUser();
    await linkAccount({ userId: holder.id, accountId: account!.id });
    await billJanuary();
    const db = await getDb();
    await db
      .insert(ledgerEntries)
      .values({ accountId: account!.id, kind: 'payment', amountFen: -5000, reference: 'part' });

    // Fifteen days after the due date is past the 14-day window: a debt that old is staff's.
    expect(await remindOverdueBills({ today: '2025-03-08' })).toEqual({ reminded: 0 });
    expect(await remindOverdueBills({ today: '2025-03-07' })).toEqual({ reminded: 1 });
    const [note] = await inboxOf(holder.id);
    expect(renderNotificationText('en', note!.body!)).toBe(
      `Account ${account!.accountNumber}: ¥30.70 is still to pay; it was due on February 21, 2025. Please pay soon. If you have just paid, ignore this reminder.`,
    );
  });
});
