import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { getDb, type TDb } from '../db';
import { notices } from '../db/schema';
import { deliverInBatches, type TNotifyNoticeReport } from './deliver-in-batches';

export type { TNotifyNoticeReport };

type TExecutor = Pick<TDb, 'execute'>;

/**
 * Lists every resident the notice affects now and who is not listed yet as a pending delivery:
 * linked (and not disabled) to an account at premises in a targeted district or of a targeted
 * account. One INSERT … SELECT; residents already listed (told or not) are left as they are.
 */
export async function listNoticeRecipients(tx: TExecutor, noticeId: number): Promise<void> {
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
}

/**
 * Tells every resident linked to an account at an affected premises — premises in a targeted
 * district or of a targeted account — once: inbox + mail in their language (notifyUsers).
 *
 * Set-based in two steps. First one INSERT … SELECT writes a pending `notice_deliveries` row
 * (delivered_at null) for every affected resident not listed yet — a rerun adds only residents
 * who linked an account since (a revision of the targets relists in its own transaction). Then batches claim pending
 * rows and tell exactly those residents (deliverInBatches). Each batch reads the notice
 * `FOR SHARE`: a revision (`FOR UPDATE`) waits for a batch in flight, so everyone told the old
 * text is in the revision's list, and later batches tell the new one. A notice withdrawn or
 * cancelled meanwhile stops the job; `notified_at` marks a notice whose every resident was
 * reached.
 */
export async function notifyNoticeRecipients(
  noticeId: number,
  options: { batchSize?: number } = {},
): Promise<TNotifyNoticeReport> {
  const db = await getDb();
  const listed = await db.transaction(async (tx) => {
    const [notice] = await tx
      .select({ status: notices.status })
      .from(notices)
      .where(eq(notices.id, noticeId))
      .for('share');
    if (notice?.status !== 'published') return false;
    await listNoticeRecipients(tx, noticeId);
    return true;
  });
  if (!listed) return { notified: 0, batches: 0, complete: false };

  return deliverInBatches({
    list: { table: 'notice_deliveries', noticeId },
    batchSize: options.batchSize,
    async load(tx) {
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
        .where(eq(notices.id, noticeId))
        .for('share');
      return notice?.status === 'published' ? notice : null;
    },
    notification: (notice, userId) => ({
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
    }),
    async finish(tx) {
      await tx
        .update(notices)
        .set({ notifiedAt: new Date() })
        .where(and(eq(notices.id, noticeId), isNull(notices.notifiedAt)));
    },
  });
}
