import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { getDb } from '../db';
import { notices } from '../db/schema';
import { notifyMailQueued } from '../mail';
import { notifyUsers } from '../notifications';

/** Residents told per transaction: one UPDATE of deliveries, one INSERT of inbox rows, one of mail. */
const DEFAULT_BATCH = 1_000;

export type TNotifyNoticeReport = { notified: number; batches: number; complete: boolean };

/**
 * Tells every resident linked to an account at an affected premises — premises in a targeted
 * district or of a targeted account — once: inbox + mail in their language (notifyUsers).
 *
 * Set-based in two steps. First one INSERT … SELECT writes a pending `notice_deliveries` row
 * (delivered_at null) for every affected resident not listed yet — a rerun adds only residents
 * who linked an account since. Then each transaction claims up to `batchSize` pending rows
 * (the partial index holds only those), marks them delivered and notifies exactly those
 * residents in the same transaction: a crash rolls a batch back whole, and nobody is told
 * twice. A notice withdrawn meanwhile stops the job; `notified_at` marks a notice whose every
 * resident was reached.
 */
export async function notifyNoticeRecipients(
  noticeId: number,
  options: { batchSize?: number } = {},
): Promise<TNotifyNoticeReport> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const db = await getDb();
  const report: TNotifyNoticeReport = { notified: 0, batches: 0, complete: false };

  const listed = await db.transaction(async (tx) => {
    const [notice] = await tx
      .select({ status: notices.status })
      .from(notices)
      .where(eq(notices.id, noticeId));
    if (notice?.status !== 'published') return false;
    await tx.execute(sql`
      insert into notice_deliveries (notice_id, user_id)
      select distinct ${noticeId}::int, al.user_id
        from (select p.id from notice_targets nt
                join premises p on p.district_id = nt.district_id
               where nt.notice_id = ${noticeId}
              union
              select sa.premises_id from notice_targets nt
                join service_accounts sa on sa.id = nt.account_id
               where nt.notice_id = ${noticeId}) ap
        join service_accounts sa on sa.premises_id = ap.id
        join account_links al on al.account_id = sa.id
        join users u on u.id = al.user_id and u.disabled_at is null
      on conflict do nothing`);
    return true;
  });
  if (!listed) return report;

  for (;;) {
    const outcome = await db.transaction(async (tx) => {
      const [notice] = await tx
        .select({
          status: notices.status,
          kind: notices.kind,
          titleZh: notices.titleZh,
          titleEn: notices.titleEn,
          startsAt: notices.startsAt,
          endsAt: notices.endsAt,
        })
        .from(notices)
        .where(eq(notices.id, noticeId));
      if (!notice || notice.status !== 'published')
        return { done: false, stop: true, mailIds: [], claimed: 0 };
      const claimed = await tx.execute(sql`
        update notice_deliveries d set delivered_at = now()
         where d.notice_id = ${noticeId}
           and d.user_id in (
             select p.user_id from notice_deliveries p
              where p.notice_id = ${noticeId} and p.delivered_at is null
              order by p.user_id
              limit ${batchSize}::int
              for update skip locked)
        returning d.user_id`);
      const userIds = (claimed as unknown as { rows: { user_id: string }[] }).rows.map(
        (r) => r.user_id,
      );
      const mailIds = await notifyUsers(
        tx,
        userIds.map((userId) => ({
          userId,
          kind: 'notice.published',
          title: {
            key: 'notices.notify.title',
            values: { titleZh: notice.titleZh, titleEn: notice.titleEn ?? notice.titleZh },
          },
          body: {
            key: 'notices.notify.body',
            values: {
              kind: notice.kind,
              start: { date: notice.startsAt.toISOString() },
              end: { date: notice.endsAt.toISOString() },
            },
          },
          link: `/notices/${noticeId}`,
          dedupeKey: `notice:${noticeId}`,
        })),
      );
      if (userIds.length < batchSize) {
        await tx
          .update(notices)
          .set({ notifiedAt: new Date() })
          .where(and(eq(notices.id, noticeId), isNull(notices.notifiedAt)));
      }
      const done = userIds.length < batchSize;
      return { done, stop: done, mailIds, claimed: userIds.length };
    });
    if (outcome.claimed > 0) {
      report.batches += 1;
      report.notified += outcome.claimed;
    }
    await notifyMailQueued(outcome.mailIds);
    if (outcome.stop) {
      report.complete = outcome.done;
      break;
    }
  }
  return report;
}
