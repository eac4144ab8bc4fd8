import 'server-only';
import { sql } from 'drizzle-orm';
import { yuanFromFen } from '@/lib/money';
import { getDb } from '../db';
import { rowsOf } from '../db/rows-of';
import { notifyMailQueued } from '../mail';
import { notifyUsers, type TNewNotification } from '../notifications';
import { openBillAmountsSql } from '../payments/open-bill-amounts';
import { todayInShanghai } from '../billing/today-in-shanghai';

/**
 * A bill past its due date by up to this many days gets its reminder. The daily job reminds
 * the day after the due date; the window lets a job that could not run for a few days catch up,
 * and keeps a debt of last year from starting to send mail today.
 */
export const OVERDUE_REMINDER_WINDOW_DAYS = 14;

/** Service accounts looked at per pass (their recent bills, then the open amounts of those). */
const ACCOUNTS_PER_PASS = 5_000;

type TRow = {
  bill_id: number | string;
  open_fen: number;
  due_on: string;
  period: string;
  user_id: string;
  utility: 'water' | 'electricity';
  account_number: string;
};

/** "Your bill is overdue": inbox + mail, once per person and bill, leading to the bill. */
function overdueReminder(row: TRow): TNewNotification {
  const billId = Number(row.bill_id);
  return {
    userId: row.user_id,
    kind: 'bill.overdue',
    title: {
      key: 'bills.notify.overdue.title',
      values: { utility: row.utility, period: { date: row.period } },
    },
    body: {
      key: 'bills.notify.overdue.body',
      values: {
        account: row.account_number,
        amount: yuanFromFen(row.open_fen),
        due: { date: row.due_on },
      },
    },
    link: `/bills/${billId}`,
    dedupeKey: `bill-overdue:${billId}`,
  };
}

/**
 * Reminds every resident linked to an account whose bill is past its due date and still owed
 * (催缴提醒): once per person and bill, however often the daily job runs. What counts as still
 * owed is the payments domain's rule (`openBillAmountsSql`: money pays the oldest bills first).
 * A bill a direct debit is collecting (a live collection) gets no reminder: the collection
 * notices speak for it, and a failed collection says so itself.
 *
 * Walks the service accounts in id ranges: each pass reads the recent bills of a range through
 * the (account, period) index, then the open amounts of the few that fell due in the window.
 */
export async function remindOverdueBills(
  input: { today?: string } = {},
): Promise<{ reminded: number }> {
  const today = input.today ?? todayInShanghai();
  const db = await getDb();
  const [range] = rowsOf<{ lo: number | null; hi: number | null }>(
    await db.execute(sql`SELECT min(id) AS lo, max(id) AS hi FROM service_accounts`),
  );
  if (!range || range.lo === null || range.hi === null) return { reminded: 0 };
  let reminded = 0;
  for (let lo = Number(range.lo); lo <= Number(range.hi); lo += ACCOUNTS_PER_PASS) {
    const hi = lo + ACCOUNTS_PER_PASS - 1;
    // A bill falls due some weeks after its month: six months back holds every bill that can
    // be in the window, and keeps the read on the index's (account, period) range.
    const due = rowsOf<{ bill_id: number | string; account_id: number }>(
      await db.execute(sql`
        SELECT b.id AS bill_id, b.account_id FROM bills b
         WHERE b.account_id BETWEEN ${lo}::int AND ${hi}::int
           AND b.period >= ${today}::date - interval '6 months'
           AND b.due_on < ${today}::date
           AND b.due_on >= ${today}::date - ${OVERDUE_REMINDER_WINDOW_DAYS}::int
           -- Only accounts someone can be told about: the open amounts are the costly part.
           AND EXISTS (SELECT 1 FROM account_links al WHERE al.account_id = b.account_id)`),
    );
    if (due.length === 0) continue;
    const rows = rowsOf<TRow>(
      await db.execute(sql`
        SELECT o.bill_id, o.open_fen, o.due_on::text AS due_on, o.period::text AS period,
               al.user_id, sa.utility, sa.account_number
          FROM (${openBillAmountsSql([...new Set(due.map((d) => Number(d.account_id)))])}) o
          JOIN service_accounts sa ON sa.id = o.account_id
          JOIN account_links al ON al.account_id = o.account_id
          JOIN users u ON u.id = al.user_id AND u.disabled_at IS NULL
         WHERE o.bill_id = ANY(${sql.param(due.map((d) => Number(d.bill_id)))}::bigint[])
           AND o.open_fen > 0
           AND NOT EXISTS (SELECT 1 FROM collections c
                            WHERE c.bill_id = o.bill_id
                              AND c.status IN ('scheduled', 'notified', 'processing'))
           AND NOT EXISTS (SELECT 1 FROM notifications n
                            WHERE n.user_id = al.user_id
                              AND n.dedupe_key = 'bill-overdue:' || o.bill_id)
         ORDER BY o.bill_id, al.user_id`),
    );
    if (rows.length === 0) continue;
    const notes = rows.map(overdueReminder);
    const mailIds = await db.transaction((tx) => notifyUsers(tx, notes));
    await notifyMailQueued(mailIds);
    reminded += notes.length;
  }
  return { reminded };
}
