import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDb } from '@/server/db';
import { annualReports, mailOutbox, notifications, reportRuns } from '@/server/db/schema';
import { notifyReportsReady } from '@/server/reports';
import { renderNotificationText } from '@/server/notifications';
import {
  createResidentWithAccount,
  createServiceAccount,
  createUser,
  linkAccount,
} from '../../fixtures/world';

/** A report run for `year` in `status`, with the given accounts' reports in their states. */
async function reportRun(
  year: number,
  status: 'running' | 'completed',
  reports: { accountId: number; status: 'ready' | 'failed' | 'queued' }[],
) {
  const db = await getDb();
  const [run] = await db
    .insert(reportRuns)
    .values({ year, status, total: reports.length, done: reports.length })
    .returning({ id: reportRuns.id });
  if (reports.length) {
    await db.insert(annualReports).values(
      reports.map((r) => ({
        accountId: r.accountId,
        year,
        status: r.status,
        fileKey: r.status === 'ready' ? `reports/${year}/${r.accountId}-zh-CN.pdf` : null,
      })),
    );
  }
  return run!.id;
}

async function inboxOf(userId: string) {
  const db = await getDb();
  return db.select().from(notifications).where(eq(notifications.userId, userId));
}

describe('telling residents their annual report is ready', () => {
  it('tells each resident of a ready report once, in the inbox and by e-mail, in their language', async () => {
    const { user, account } = await createResidentWithAccount({ utility: 'electricity' });
    // A second resident of the same household, and an account whose report failed.
    const spouse = await createUser({ email: 'spouse@example.com' });
    await linkAccount({ userId: spouse.id, accountId: account.id });
    const failed = await createResidentWithAccount({ utility: 'water' });
    const runId = await reportRun(2025, 'completed', [
      { accountId: account.id, status: 'ready' },
      { accountId: failed.account.id, status: 'failed' },
    ]);

    expect(await notifyReportsReady(runId)).toEqual({ notified: 2 });

    const [told] = await inboxOf(user.id);
    expect(told).toMatchObject({
      kind: 'report.ready',
      link: `/accounts/${account.id}/reports/2025`,
    });
    expect(renderNotificationText('zh-CN', told!.title)).toBe('2025年度用电分析报告已生成');
    expect(renderNotificationText('en', told!.title)).toBe(
      'Your 2025 electricity usage report is ready',
    );
    expect(renderNotificationText('zh-CN', told!.body!)).toContain(
      `户号 ${account.accountNumber} 的2025年度用电分析报告已生成`,
    );
    expect(await inboxOf(spouse.id)).toHaveLength(1);
    expect(await inboxOf(failed.user.id)).toHaveLength(0);
    const db = await getDb();
    const mail = await db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.toAddress, 'spouse@example.com'));
    expect(mail.map((m) => m.template)).toEqual(['notify.report.ready']);
    expect(mail[0]?.textBody).toContain(`/accounts/${account.id}/reports/2025`);

    // Told once: running it again, or a rerun of the year, tells no one.
    const [run] = await db.select().from(reportRuns).where(eq(reportRuns.id, runId));
    expect(run?.notifiedAt).toBeInstanceOf(Date);
    expect(await notifyReportsReady(runId)).toEqual({ notified: 0 });
    expect(await inboxOf(user.id)).toHaveLength(1);
  });

  it('waits for the run to complete', async () => {
    const { user, account } = await createResidentWithAccount();
    const { account: other } = await createServiceAccount();
    const runId = await reportRun(2024, 'running', [
      { accountId: account.id, status: 'ready' },
      { accountId: other.id, status: 'queued' },
    ]);

    expect(await notifyReportsReady(runId)).toEqual({ notified: 0 });
    expect(await inboxOf(user.id)).toHaveLength(0);
    const db = await getDb();
    const [run] = await db.select().from(reportRuns).where(eq(reportRuns.id, runId));
    expect(run?.notifiedAt).toBeNull();
  });
});
