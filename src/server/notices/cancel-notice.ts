import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '../db';
import { notices } from '../db/schema';
import { assertCan } from '../auth/permissions';
import type { TActor } from '../auth/actor';
import { sendNoticeNotifyJob } from './notice-notify-job';
import {
  dropPendingDeliveries,
  lockRevisableNotice,
  recordNoticeRevision,
} from './record-notice-revision';
import type { TNoticeRevisionRefusal } from './types';

export type TCancelNoticeResult =
  | { ok: true }
  | { ok: false; error: 'not_found' }
  | { ok: false; error: 'not_revisable'; reason: TNoticeRevisionRefusal }
  | { ok: false; error: 'reason' };

/**
 * Cancels a published notice that has not ended (the works will not happen), with a reason.
 * Unlike a withdrawal (published in error) the notice stays on the dashboard and the public
 * lists until its planned end, marked cancelled with the reason. Residents already told hear
 * of the cancellation once; residents not told yet are not told at all. Audited.
 */
export async function cancelNotice(input: {
  actor: TActor;
  noticeId: number;
  reason: string;
  now?: Date;
}): Promise<TCancelNoticeResult> {
  const { actor } = input;
  assertCan(actor, 'publish:notice:any');
  const now = input.now ?? new Date();
  const reason = input.reason.trim();
  if (!reason) return { ok: false, error: 'reason' };
  const db = await getDb();
  const result = await db.transaction(
    async (tx): Promise<TCancelNoticeResult & { revisionId?: number }> => {
      const locked = await lockRevisableNotice(tx, input.noticeId, now);
      if (!locked.ok) return locked;
      const { notice } = locked;
      await tx
        .update(notices)
        .set({
          status: 'cancelled',
          cancelledAt: now,
          cancelledReason: reason,
          revision: sql`${notices.revision} + 1`,
        })
        .where(eq(notices.id, input.noticeId));
      await dropPendingDeliveries(tx, input.noticeId);
      const revisionId = await recordNoticeRevision(tx, {
        actor,
        noticeId: input.noticeId,
        revision: notice.revision + 1,
        kind: 'cancelled',
        changes: {
          schedule: {
            startsAt: notice.startsAt.toISOString(),
            endsAt: notice.endsAt.toISOString(),
          },
        },
        reason,
      });
      return { ok: true, revisionId };
    },
  );
  if (result.ok && result.revisionId) await sendNoticeNotifyJob({ revisionId: result.revisionId });
  return result.ok ? { ok: true } : result;
}
