import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { noticeRevisions, notices } from '../db/schema';
import { deliverInBatches, type TNotifyNoticeReport } from './deliver-in-batches';

/**
 * Tells the residents listed for a revision or cancellation — those already told about the
 * notice when it was made (listed in the same transaction, see reviseNotice/cancelNotice) —
 * once each, what changed: inbox + mail, dedupe key `notice:<id>:rev:<n>` as a second guard.
 * Residents not yet told get the ordinary new-notice message with the revised text instead.
 */
export async function notifyRevisionRecipients(
  revisionId: number,
  options: { batchSize?: number } = {},
): Promise<TNotifyNoticeReport> {
  return deliverInBatches({
    list: { table: 'notice_revision_deliveries', revisionId },
    batchSize: options.batchSize,
    async load(tx) {
      const [row] = await tx
        .select({
          noticeId: notices.id,
          kind: notices.kind,
          titleZh: notices.titleZh,
          titleEn: notices.titleEn,
          revision: noticeRevisions.revision,
          revisionKind: noticeRevisions.kind,
          changes: noticeRevisions.changes,
          reason: noticeRevisions.reason,
        })
        .from(noticeRevisions)
        .innerJoin(notices, eq(notices.id, noticeRevisions.noticeId))
        .where(eq(noticeRevisions.id, revisionId));
      return row ?? null;
    },
    notification: (r, userId) => {
      const c = r.changes;
      const yes = (changed: unknown) => (changed ? 'yes' : 'no');
      return {
        userId,
        kind: r.revisionKind === 'cancelled' ? 'notice.cancelled' : 'notice.revised',
        title: {
          key: `notices.notify.${r.revisionKind}.title`,
          values: { titleZh: r.titleZh, titleEn: r.titleEn ?? r.titleZh },
        },
        body: {
          key: `notices.notify.${r.revisionKind}.body`,
          values: {
            kind: r.kind,
            start: { date: c.schedule.startsAt },
            end: { date: c.schedule.endsAt },
            times: yes(c.startsAt ?? c.endsAt),
            area: yes(
              c.districtsAdded ?? c.districtsRemoved ?? c.accountsAdded ?? c.accountsRemoved,
            ),
            text: yes(c.text),
            reason: r.reason,
          },
        },
        link: `/notices/${r.noticeId}`,
        dedupeKey: `notice:${r.noticeId}:rev:${r.revision}`,
      };
    },
    async finish(tx) {
      await tx
        .update(noticeRevisions)
        .set({ notifiedAt: new Date() })
        .where(and(eq(noticeRevisions.id, revisionId), isNull(noticeRevisions.notifiedAt)));
    },
  });
}
