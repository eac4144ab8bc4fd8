import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb, type TDb } from '../db';
import { notifyMailQueued } from '../mail';
import { notifyUsers, type TNewNotification } from '../notifications';

/** Residents told per transaction: one UPDATE of deliveries, one INSERT of inbox rows, one of mail. */
export const DEFAULT_DELIVERY_BATCH = 1_000;

export type TNotifyNoticeReport = { notified: number; batches: number; complete: boolean };

type TTx = Parameters<Parameters<TDb['transaction']>[0]>[0];

/**
 * Tells the pending residents of one delivery list (`notice_deliveries` of a notice, or
 * `notice_revision_deliveries` of a revision), once each: every transaction claims up to
 * `batchSize` pending rows (the partial index holds only those, `FOR UPDATE SKIP LOCKED`),
 * marks them delivered and writes exactly their notifications (inbox + mail) in the same
 * transaction. A crash rolls a batch back whole; a rerun tells no one twice.
 *
 * `load` reads (and locks, `FOR SHARE`) what to say inside each batch's transaction — null
 * stops the job (a notice withdrawn meanwhile). `finish` runs in the transaction of the last
 * batch, to mark the list done.
 */
export async function deliverInBatches<TMessage>(input: {
  list:
    | { table: 'notice_deliveries'; noticeId: number }
    | {
        table: 'notice_revision_deliveries';
        revisionId: number;
      };
  batchSize?: number;
  load: (tx: TTx) => Promise<TMessage | null>;
  notification: (message: TMessage, userId: string) => TNewNotification;
  finish: (tx: TTx) => Promise<void>;
}): Promise<TNotifyNoticeReport> {
  const batchSize = input.batchSize ?? DEFAULT_DELIVERY_BATCH;
  const { table, key, id } =
    input.list.table === 'notice_deliveries'
      ? { table: sql.raw('notice_deliveries'), key: sql.raw('notice_id'), id: input.list.noticeId }
      : {
          table: sql.raw('notice_revision_deliveries'),
          key: sql.raw('revision_id'),
          id: input.list.revisionId,
        };
  const db = await getDb();
  const report: TNotifyNoticeReport = { notified: 0, batches: 0, complete: false };
  for (;;) {
    const outcome = await db.transaction(async (tx) => {
      const message = await input.load(tx);
      if (message === null) return { done: false, stop: true, mailIds: [], claimed: 0 };
      const claimed = await tx.execute(sql`
        update ${table} d set delivered_at = now()
         where d.${key} = ${id}
           and d.user_id in (
             select p.user_id from ${table} p
              where p.${key} = ${id} and p.delivered_at is null
              order by p.user_id
              limit ${batchSize}::int
              for update skip locked)
        returning d.user_id`);
      const userIds = (claimed as unknown as { rows: { user_id: string }[] }).rows.map(
        (r) => r.user_id,
      );
      const mailIds = await notifyUsers(
        tx,
        userIds.map((userId) => input.notification(message, userId)),
      );
      const done = userIds.length < batchSize;
      if (done) await input.finish(tx);
      return { done, stop: done, mailIds, claimed: userIds.length };
    });
    if (outcome.claimed > 0) {
      report.batches += 1;
      report.notified += outcome.claimed;
    }
    await notifyMailQueued(outcome.mailIds);
    if (outcome.stop) {
      report.complete = outcome.done;
      return report;
    }
  }
}
