import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '../db';
import { notices } from '../db/schema';
import { writeAudit } from '../audit';
import { assertCan } from '../auth/permissions';
import type { TActor } from '../auth/actor';

export type TWithdrawNoticeResult = { ok: true } | { ok: false; error: 'not_found' };

/**
 * Withdraws a published notice (cancelled works, a notice sent to the wrong area). It leaves
 * the dashboard and the public lists at once; its own page says it was withdrawn and why, for
 * residents who follow the link in the mail they already had.
 */
export async function withdrawNotice(input: {
  actor: TActor;
  noticeId: number;
  reason: string;
}): Promise<TWithdrawNoticeResult> {
  const { actor } = input;
  assertCan(actor, 'publish:notice:any');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(notices)
      .set({
        status: 'withdrawn',
        withdrawnAt: new Date(),
        withdrawnByUserId: actor.userId,
        withdrawnReason: input.reason,
      })
      .where(and(eq(notices.id, input.noticeId), eq(notices.status, 'published')))
      .returning({ id: notices.id });
    if (!row) return { ok: false, error: 'not_found' };
    await writeAudit(tx, actor, {
      action: 'notice.withdrawn',
      subjectType: 'notice',
      subjectId: input.noticeId,
      detail: { reason: input.reason },
    });
    return { ok: true };
  });
}
