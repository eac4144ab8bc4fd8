import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDb } from '@/server/db';
import { billingRuns, mailOutbox, notifications } from '@/server/db/schema';
import { executeBillingRun, notifyBillsIssued, startBillingRun } from '@/server/billing';
import { todayInShanghai } from '@/server/billing/today-in-shanghai';
import { renderNotificationText } from '@/server/notifications';
import {
  billOf,
  createBillableAccounts,
  createTariff,
  readingsFor,
  resetBilling,
} from '../../fixtures/billing-run';
import { actorFor, createUser, linkAccount } from '../../fixtures/world';

beforeEach(resetBilling);

/** The month open today (billed now: issued today, due in 20 days) and the one before it. */
function currentMonths() {
  const [year, month] = todayInShanghai().split('-').map(Number) as [number, number];
  const first = (y: number, m: number) =>
    new Date(Date.UTC(y, m - 1, 1)).toISOString().slice(0, 10);
  return { thisMonth: first(year, month), lastMonth: first(year, month - 1) };
}

async function runMonth(period: string) {
  const started = await startBillingRun({
    actor: actorFor(await createUser({ role: 'billing' })),
    utility: 'electricity',
    period,
    enqueue: false,
  });
  if (!started.ok) throw new Error(started.error);
  await executeBillingRun(started.runId);
  return started.runId;
}

async function inboxOf(userId: string) {
  const db = await getDb();
  return db.select().from(notifications).where(eq(notifications.userId, userId));
}

describe('telling residents their bill is ready', () => {
  it('tells each resident linked to a billed account once, in the inbox and by e-mail', async () => {
    const { thisMonth, lastMonth } = currentMonths();
    await createTariff();
    // Two accounts billed; only one has a resident to tell.
    const [held] = await createBillableAccounts(2, {
      readings: readingsFor({ [lastMonth]: 150, [thisMonth]: 150 }),
    });
    const holder = await createUser({ email: 'holder@example.com' });
    await linkAccount({ userId: holder.id, accountId: held!.id });
    const runId = await runMonth(thisMonth);
    const bill = await billOf(held!.id, thisMonth);

    expect(await notifyBillsIssued(runId)).toEqual({ notified: 1 });

    const inbox = await inboxOf(holder.id);
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({ kind: 'bill.issued', link: `/bills/${bill?.id}` });
    const [year, month] = thisMonth.split('-').map(Number);
    expect(renderNotificationText('zh-CN', inbox[0]!.title)).toBe(
      `电费账单已出：${year}年${month}月`,
    );
    expect(renderNotificationText('en', inbox[0]!.title)).toBe(
      `Your electricity bill for ${new Date(`${thisMonth}T00:00:00Z`).toLocaleString('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' })} is ready`,
    );
    expect(renderNotificationText('zh-CN', inbox[0]!.body!)).toMatch(
      new RegExp(
        `^户号 ${held!.accountNumber} 本期应缴 ¥80\\.70，请于\\d{4}年\\d{1,2}月\\d{1,2}日前缴清。$`,
      ),
    );
    const db = await getDb();
    const mail = await db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.toAddress, 'holder@example.com'));
    expect(mail.map((m) => m.template)).toEqual(['notify.bill.issued']);
    expect(mail[0]?.textBody).toContain(`/bills/${bill?.id}`);
    const [run] = await db.select().from(billingRuns).where(eq(billingRuns.id, runId));
    expect(run?.notifiedAt).not.toBeNull();
    expect(await db.select().from(notifications)).toHaveLength(1);

    // Run again (a retried job, the sweep): nobody is told twice.
    expect(await notifyBillsIssued(runId)).toEqual({ notified: 0 });
    expect(await inboxOf(holder.id)).toHaveLength(1);
  });

  it('does not announce a month billed after its due date, and still marks the run done', async () => {
    await createTariff();
    const [account] = await createBillableAccounts(1);
    const holder = await createUser();
    await linkAccount({ userId: holder.id, accountId: account!.id });
    // January 2025, due 21 February 2025: on the resident's pages, not news.
    const runId = await runMonth('2025-01-01');

    expect(await notifyBillsIssued(runId)).toEqual({ notified: 0 });
    expect(await inboxOf(holder.id)).toEqual([]);
    const db = await getDb();
    const [run] = await db.select().from(billingRuns).where(eq(billingRuns.id, runId));
    expect(run?.notifiedAt).not.toBeNull();
  });
});
