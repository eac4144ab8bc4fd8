import 'server-only';
import { sql } from 'drizzle-orm';
import { env } from '@/env';
import { formatFen } from '@/lib/money';
import { getDb } from '../db';
import { rowsOf } from '../db/rows-of';
import { notifyMailQueued } from '../mail';
import { notifyUsers } from '../notifications/notify-users';
import type { TNewNotification } from '../notifications/types';
import { planCollection } from './collection-calendar';
import { bankWorkingDays } from './bank-working-day';
import { getWorkingCalendar } from '../calendar';

const BATCH = 1_000;

type TDueNotice = {
  id: number;
  account_id: number;
  account_number: string;
  amount_fen: number;
  currency: string;
  collect_on: string;
  notice_by: string;
  period: string;
};

/**
 * Sends the advance notice (amount and date) of every planned collection whose notice is due,
 * to everyone linked to the account (inbox + e-mail). A notice that is late — the job did not
 * run on its day — moves the collection later instead of shortening the notice. Once per
 * collection, however often it runs (dedupe key). Returns the number of notices sent.
 */
export async function sendCollectionNotices(input: { today: string }): Promise<number> {
  const db = await getDb();
  const isBankWorkingDay = bankWorkingDays(await getWorkingCalendar());
  let sent = 0;
  for (;;) {
    const { count, mailIds } = await db.transaction(async (tx) => {
      const due = rowsOf<TDueNotice>(
        await tx.execute(sql`
          SELECT c.id, c.account_id, s.account_number, c.amount_fen, c.currency,
                 c.collect_on::text AS collect_on, c.notice_by::text AS notice_by,
                 b.period::text AS period
            FROM collections c
            JOIN service_accounts s ON s.id = c.account_id
            JOIN bills b ON b.id = c.bill_id
           WHERE c.status = 'scheduled' AND c.notice_by <= ${input.today}::date
           ORDER BY c.id
           LIMIT ${BATCH}
             FOR UPDATE OF c SKIP LOCKED
        `),
      );
      if (due.length === 0) return { count: 0, mailIds: [] as number[] };
      const notices = due.map((c) => {
        const collectOn =
          c.notice_by < input.today
            ? planCollection({
                billDueOn: c.collect_on,
                today: input.today,
                noticeDays: env.DIRECT_DEBIT_NOTICE_DAYS,
                isWorkingDay: isBankWorkingDay,
              }).collectOn
            : c.collect_on;
        return { ...c, collectOn };
      });
      const p = (value: unknown) => sql.param(value);
      await tx.execute(sql`
        UPDATE collections c
           SET status = 'notified', notice_sent_at = now(), collect_on = t.collect_on,
               next_attempt_on = t.collect_on, updated_at = now()
          FROM unnest(${p(notices.map((n) => n.id))}::bigint[],
                      ${p(notices.map((n) => n.collectOn))}::date[]) AS t(id, collect_on)
         WHERE c.id = t.id
      `);
      const holders = rowsOf<{ account_id: number; user_id: string }>(
        await tx.execute(sql`
          SELECT account_id, user_id FROM account_links
           WHERE account_id = ANY(${p([...new Set(notices.map((n) => n.account_id))])}::int[])
        `),
      );
      const holdersOf = new Map<number, string[]>();
      for (const h of holders)
        holdersOf.set(h.account_id, [...(holdersOf.get(h.account_id) ?? []), h.user_id]);
      const items: TNewNotification[] = [];
      for (const notice of notices) {
        for (const userId of holdersOf.get(notice.account_id) ?? []) {
          items.push({
            userId,
            kind: 'direct_debit.notice',
            title: {
              key: 'directDebit.notify.notice.title',
              values: {
                amount: formatFen(notice.amount_fen, 'zh-CN', notice.currency),
                date: { date: notice.collectOn },
              },
            },
            body: {
              key: 'directDebit.notify.notice.body',
              values: {
                amount: formatFen(notice.amount_fen, 'zh-CN', notice.currency),
                date: { date: notice.collectOn },
                number: notice.account_number,
                period: { date: notice.period },
              },
            },
            link: `/accounts/${notice.account_id}/direct-debit`,
            dedupeKey: `direct-debit:notice:${notice.id}`,
          });
        }
      }
      return { count: notices.length, mailIds: await notifyUsers(tx, items) };
    });
    if (count === 0) break;
    sent += count;
    await notifyMailQueued(mailIds);
  }
  return sent;
}
