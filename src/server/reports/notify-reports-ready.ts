import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { getDb } from '../db';
import { reportRuns } from '../db/schema';
import { notifyMailQueued } from '../mail';
import { notifyUsers, type TNewNotification } from '../notifications';
import { rowsOf } from '../db/rows-of';

/** Residents told per transaction: one INSERT of notifications and one of mail each. */
const NOTIFY_BATCH = 2_000;

type TRow = {
  account_id: number;
  user_id: string;
  utility: 'water' | 'electricity';
  account_number: string;
};

/** "Your annual report is ready": inbox + mail in the reader's language, leading to it. */
function reportReady(row: TRow, year: number): TNewNotification {
  // The year as text: ICU would print a number argument with a thousands separator.
  const values = { utility: row.utility, year: String(year), account: row.account_number };
  return {
    userId: row.user_id,
    kind: 'report.ready',
    title: { key: 'reports.notify.ready.title', values },
    body: { key: 'reports.notify.ready.body', values },
    link: `/accounts/${row.account_id}/reports/${year}`,
    dedupeKey: `report-ready:${row.account_id}:${year}`,
  };
}

/**
 * Tells every resident linked to an account whose report for the run's year is ready, once per
 * person, account and year (the notification's dedupe key: a rerun of the year, or this
 * function run twice, tells only those not told yet). Runs only for a completed run, then
 * marks it notified. The annual report was the dashboard card's link until ADR 020; this is
 * how residents hear of a new one.
 *
 * Reads in keyset batches of (account, person); each batch commits its notifications and mail
 * together, and the mail worker is nudged after commit.
 */
export async function notifyReportsReady(runId: number): Promise<{ notified: number }> {
  const db = await getDb();
  const [run] = await db
    .select({ year: reportRuns.year, status: reportRuns.status })
    .from(reportRuns)
    .where(eq(reportRuns.id, runId));
  if (!run || run.status !== 'completed') return { notified: 0 };

  let after: { accountId: number; userId: string } = { accountId: 0, userId: '' };
  let notified = 0;
  for (;;) {
    const rows = rowsOf<TRow>(
      await db.execute(sql`
        SELECT ar.account_id, al.user_id, sa.utility, sa.account_number
          FROM annual_reports ar
          JOIN account_links al ON al.account_id = ar.account_id
          JOIN users u ON u.id = al.user_id AND u.disabled_at IS NULL
          JOIN service_accounts sa ON sa.id = ar.account_id
         WHERE ar.year = ${run.year} AND ar.status = 'ready'
           AND (ar.account_id, al.user_id) > (${after.accountId}::int, ${after.userId}::text)
         ORDER BY ar.account_id, al.user_id
         LIMIT ${NOTIFY_BATCH}::int`),
    );
    if (rows.length === 0) break;
    const mailIds = await db.transaction((tx) =>
      notifyUsers(
        tx,
        rows.map((row) => reportReady(row, run.year)),
      ),
    );
    await notifyMailQueued(mailIds);
    notified += mailIds.length;
    const last = rows.at(-1) as TRow;
    after = { accountId: Number(last.account_id), userId: last.user_id };
  }
  await db
    .update(reportRuns)
    .set({ notifiedAt: new Date() })
    .where(and(eq(reportRuns.id, runId), isNull(reportRuns.notifiedAt)));
  return { notified };
}

/** Completed runs with residents still to tell (a lost nudge, a run finished elsewhere). */
export async function reportRunsToNotify(): Promise<number[]> {
  const db = await getDb();
  const rows = await db
    .select({ id: reportRuns.id })
    .from(reportRuns)
    .where(and(eq(reportRuns.status, 'completed'), isNull(reportRuns.notifiedAt)))
    .orderBy(reportRuns.id)
    .limit(20);
  return rows.map((r) => r.id);
}
