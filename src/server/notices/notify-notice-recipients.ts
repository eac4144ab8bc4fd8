import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { getDb } from '../db';
import { notices } from '../db/schema';
import { notifyMailQueued } from '../mail';
import { notifyUsers } from '../notifications';

/** Residents told per transaction: one INSERT of deliveries, one of inbox rows, one of mail. */
const DEFAULT_BATCH = 1_000;

export type TNotifyNoticeReport = { notified: number; batches: number; complete: boolean };

/**
 * Tells every resident linked to an account at an affected premises — premises in a targeted
 * district or of a targeted account — once: inbox + mail in their language (notifyUsers).
 * Set-based and batched: each transaction claims up to `batchSize` residents not yet told by
 * inserting their `notice_deliveries` rows, and notifies exactly those. A crash loses nothing
 * (the batch rolls back whole) and a re-run tells no one twice. A notice withdrawn meanwhile
 * stops the job; `notified_at` marks a notice whose every resident was reached.
 */
export async function notifyNoticeRecipients(
  noticeId: number,
  options: { batchSize?: number } = {},
): Promise<TNotifyNoticeReport> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const db = await getDb();
  const report: TNotifyNoticeReport = { notified: 0, batches: 0, complete: false };
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
        with affected_premises as (
          select p.id from notice_targets nt
            join premises p on p.district_id = nt.district_id
           where nt.notice_id = ${noticeId}
          union
          select sa.premises_id from notice_targets nt
            join service_accounts sa on sa.id = nt.account_id
           where nt.notice_id = ${noticeId}
        ), recipients as (
          select distinct al.user_id
            from affected_premises ap
            join service_accounts sa on sa.premises_id = ap.id
            join account_links al on al.account_id = sa.id
            join users u on u.id = al.user_id and u.disabled_at is null
           where not exists (
                   select 1 from notice_deliveries d
                    where d.notice_id = ${noticeId} and d.user_id = al.user_id)
           order by al.user_id
           limit ${batchSize}::int
        )
        insert into notice_deliveries (notice_id, user_id)
        select ${noticeId}::int, user_id from recipients
        on conflict do nothing
        returning user_id`);
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
