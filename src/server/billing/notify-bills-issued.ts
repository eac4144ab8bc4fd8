import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { yuanFromFen } from '@/lib/money';
import { getDb } from '../db';
import { billingRuns } from '../db/schema';
import { notifyMailQueued } from '../mail';
import { notifyUsers, type TNewNotification } from '../notifications';
import { rowsOf } from '../db/rows-of';
import { todayInShanghai } from './today-in-shanghai';

/** Residents told per transaction: one INSERT of notifications and one of mail each. */
const NOTIFY_BATCH = 2_000;

type TRow = {
  bill_id: number | string;
  user_id: string;
  utility: 'water' | 'electricity';
  account_number: string;
  period: string;
  total_fen: number;
  due_on: string;
};

/** "Your bill is ready": inbox + mail in the reader's language, leading to the bill. */
function billIssued(row: TRow): TNewNotification {
  const billId = Number(row.bill_id);
  const toPay = row.total_fen > 0;
  return {
    userId: row.user_id,
    kind: 'bill.issued',
    title: {
      key: 'bills.notify.issued.title',
      values: { utility: row.utility, period: { date: row.period } },
    },
    body: toPay
      ? {
          key: 'bills.notify.issued.body',
          values: {
            account: row.account_number,
            amount: yuanFromFen(row.total_fen),
            due: { date: row.due_on },
          },
        }
      : { key: 'bills.notify.issued.bodyNothingToPay', values: { account: row.account_number } },
    link: `/bills/${billId}`,
    dedupeKey: `bill-issued:${billId}`,
  };
}

/**
 * Tells every resident linked to an account this run billed that the bill is ready, once per
 * person and bill (the notification's dedupe key: a rerun, or a run resumed after a crash,
 * tells only those not told yet). Only bills that can still be paid on time are announced: a
 * month billed late (a backlog, the demo's history) is on the resident's pages without a
 * message saying it is new. Marks the run notified when done.
 *
 * Reads in keyset batches of (bill, person); each batch commits its notifications and mail
 * together, and the mail worker is nudged after commit.
 */
export async function notifyBillsIssued(runId: number): Promise<{ notified: number }> {
  const db = await getDb();
  const today = todayInShanghai();
  let after: { billId: number; userId: string } = { billId: 0, userId: '' };
  let notified = 0;
  for (;;) {
    const rows = rowsOf<TRow>(
      await db.execute(sql`
        SELECT b.id AS bill_id, al.user_id, sa.utility, sa.account_number,
               b.period::text AS period, b.total_fen, b.due_on::text AS due_on
          FROM bills b
          JOIN account_links al ON al.account_id = b.account_id
          JOIN users u ON u.id = al.user_id AND u.disabled_at IS NULL
          JOIN service_accounts sa ON sa.id = b.account_id
         WHERE b.run_id = ${runId} AND b.due_on >= ${today}::date
           AND (b.id, al.user_id) > (${after.billId}::bigint, ${after.userId}::text)
         ORDER BY b.id, al.user_id
         LIMIT ${NOTIFY_BATCH}::int`),
    );
    if (rows.length === 0) break;
    const mailIds = await db.transaction((tx) => notifyUsers(tx, rows.map(billIssued)));
    await notifyMailQueued(mailIds);
    notified += mailIds.length;
    const last = rows.at(-1) as TRow;
    after = { billId: Number(last.bill_id), userId: last.user_id };
  }
  await db
    .update(billingRuns)
    .set({ notifiedAt: new Date() })
    .where(
      and(
        eq(billingRuns.id, runId),
        eq(billingRuns.status, 'completed'),
        isNull(billingRuns.notifiedAt),
      ),
    );
  return { notified };
}

/** Completed runs with residents still to tell (a lost nudge, a bill released later). */
export async function runsToNotify(): Promise<number[]> {
  const db = await getDb();
  const rows = await db
    .select({ id: billingRuns.id })
    .from(billingRuns)
    .where(and(eq(billingRuns.status, 'completed'), isNull(billingRuns.notifiedAt)))
    .orderBy(billingRuns.id)
    .limit(20);
  return rows.map((r) => r.id);
}
