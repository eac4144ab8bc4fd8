import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '../db';
import { notices } from '../db/schema';
import { writeAudit } from '../audit';
import { assertCan } from '../auth/permissions';
import type { TActor } from '../auth/actor';
import { checkNoticeTiming } from './notice-rules';
import { sendNoticeNotifyJob } from './notice-notify-job';
import { timingFieldErrors } from './resolve-notice-targets';
import type { TNoticeFieldErrors } from './types';

export type TPublishNoticeResult =
  | { ok: true }
  | { ok: false; error: 'not_found' }
  | { ok: false; error: 'invalid'; fields: TNoticeFieldErrors };

/**
 * Publishes a saved draft, checking the lead time against the moment of publishing (a draft
 * written in good time may have waited too long). The row is locked so two staff pressing
 * "publish" at once publish it once. Residents are told by the notify job, queued after commit.
 */
export async function publishNotice(input: {
  actor: TActor;
  noticeId: number;
  now?: Date;
}): Promise<TPublishNoticeResult> {
  const { actor } = input;
  assertCan(actor, 'publish:notice:any');
  const now = input.now ?? new Date();
  const db = await getDb();
  const result = await db.transaction(async (tx): Promise<TPublishNoticeResult> => {
    const [notice] = await tx
      .select({
        kind: notices.kind,
        startsAt: notices.startsAt,
        endsAt: notices.endsAt,
        emergency: notices.emergency,
        emergencyReason: notices.emergencyReason,
      })
      .from(notices)
      .where(and(eq(notices.id, input.noticeId), eq(notices.status, 'draft')))
      .for('update');
    if (!notice) return { ok: false, error: 'not_found' };
    const problems = checkNoticeTiming({ ...notice, publishing: true, now });
    if (problems.length > 0) {
      const fields: TNoticeFieldErrors = {};
      timingFieldErrors(notice.kind, problems, fields);
      return { ok: false, error: 'invalid', fields };
    }
    await tx
      .update(notices)
      .set({ status: 'published', publishedAt: now, publishedByUserId: actor.userId })
      .where(eq(notices.id, input.noticeId));
    await writeAudit(tx, actor, {
      action: 'notice.published',
      subjectType: 'notice',
      subjectId: input.noticeId,
      detail: { emergency: notice.emergency, reason: notice.emergencyReason },
    });
    return { ok: true };
  });
  if (result.ok) await sendNoticeNotifyJob(input.noticeId);
  return result;
}
