import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { TDb } from '../db';
import {
  noticeDeliveries,
  noticeRevisions,
  notices,
  type TNoticeChanges,
  type TNoticeRevisionKind,
} from '../db/schema';
import { writeAudit } from '../audit';
import type { TActor } from '../auth/actor';
import type { TNoticeRevisionRefusal } from './types';

type TTx = Parameters<Parameters<TDb['transaction']>[0]>[0];

/**
 * Locks a notice for a revision or cancellation (`FOR UPDATE`: it waits for a notify batch in
 * flight, which holds it `FOR SHARE`). Only a published notice that has not ended may change;
 * a draft is edited instead, and a cancelled, withdrawn or ended one says so.
 */
export async function lockRevisableNotice(tx: TTx, noticeId: number, now: Date) {
  const [notice] = await tx
    .select({
      kind: notices.kind,
      status: notices.status,
      titleZh: notices.titleZh,
      titleEn: notices.titleEn,
      bodyZh: notices.bodyZh,
      bodyEn: notices.bodyEn,
      startsAt: notices.startsAt,
      endsAt: notices.endsAt,
      emergency: notices.emergency,
      emergencyReason: notices.emergencyReason,
      revision: notices.revision,
    })
    .from(notices)
    .where(eq(notices.id, noticeId))
    .for('update');
  if (!notice) return { ok: false as const, error: 'not_found' as const };
  const refusal: TNoticeRevisionRefusal | null =
    notice.status !== 'published'
      ? notice.status
      : notice.endsAt.getTime() <= now.getTime()
        ? 'ended'
        : null;
  if (refusal) return { ok: false as const, error: 'not_revisable' as const, reason: refusal };
  return { ok: true as const, notice };
}

/**
 * Records a revision or cancellation in the caller's transaction: the revision row (what
 * changed, why, by whom), the list of residents to tell — exactly those already told about
 * the notice at this moment — and the audit entry. Returns the revision's id for the notify
 * job.
 */
export async function recordNoticeRevision(
  tx: TTx,
  input: {
    actor: TActor;
    noticeId: number;
    revision: number;
    kind: TNoticeRevisionKind;
    changes: TNoticeChanges;
    reason: string;
  },
): Promise<number> {
  const [row] = await tx
    .insert(noticeRevisions)
    .values({
      noticeId: input.noticeId,
      revision: input.revision,
      kind: input.kind,
      changes: input.changes,
      reason: input.reason,
      actorUserId: input.actor.userId,
    })
    .returning({ id: noticeRevisions.id });
  if (!row) throw new Error('notice revision not inserted');
  await tx.execute(sql`
    insert into notice_revision_deliveries (revision_id, user_id)
    select ${row.id}::int, d.user_id
      from notice_deliveries d
     where d.notice_id = ${input.noticeId} and d.delivered_at is not null`);
  await writeAudit(tx, input.actor, {
    action: input.kind === 'cancelled' ? 'notice.cancelled' : 'notice.revised',
    subjectType: 'notice',
    subjectId: input.noticeId,
    detail: { revision: input.revision, reason: input.reason, changes: input.changes },
  });
  return row.id;
}

/** Drops the residents listed for a notice but not told yet (they will not be, or are relisted). */
export async function dropPendingDeliveries(tx: TTx, noticeId: number): Promise<void> {
  await tx
    .delete(noticeDeliveries)
    .where(and(eq(noticeDeliveries.noticeId, noticeId), isNull(noticeDeliveries.deliveredAt)));
}
