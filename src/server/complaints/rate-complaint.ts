import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '../db';
import { complaintEvents, complaints } from '../db/schema';
import { writeAudit } from '../audit';
import { assertCan } from '../auth/permissions';
import type { TActor } from '../auth/actor';
import { notifyMailQueued } from '../mail/notify-mail-queued';
import { lockCase } from './lock-case';
import { reopenCase } from './reopen-case';

export const MAX_RATING_COMMENT_LENGTH = 1_000;
/** Ratings at or below this reopen the case for a supervisor (once per case). */
export const DISSATISFIED_AT_MOST = 2;

export type TRateResult =
  | { ok: true; reopened: boolean }
  | { ok: false; error: 'not_found' | 'not_closed' | 'already_rated' | 'rating' | 'comment' };

/**
 * The resident's 1–5 satisfaction rating of a closed case, once. A dissatisfied rating (≤ 2)
 * reopens the case for a supervisor — unless it was reopened before.
 */
export async function rateComplaint(input: {
  actor: TActor;
  complaintId: number;
  rating: number;
  comment: string;
  now?: Date;
}): Promise<TRateResult> {
  assertCan(input.actor, 'file:complaint:own');
  if (!Number.isInteger(input.rating) || input.rating < 1 || input.rating > 5)
    return { ok: false, error: 'rating' };
  const comment = input.comment.trim() || null;
  if (comment && comment.length > MAX_RATING_COMMENT_LENGTH) return { ok: false, error: 'comment' };
  const now = input.now ?? new Date();
  const db = await getDb();
  const outcome = await db.transaction(async (tx) => {
    const row = await lockCase(
      tx,
      input.complaintId,
      eq(complaints.filedByUserId, input.actor.userId),
    );
    if (!row) return { ok: false, error: 'not_found' } as const;
    if (row.rating !== null) return { ok: false, error: 'already_rated' } as const;
    if (row.status !== 'closed') return { ok: false, error: 'not_closed' } as const;
    await tx
      .update(complaints)
      .set({ rating: input.rating, ratingComment: comment, ratedAt: now, updatedAt: now })
      .where(eq(complaints.id, row.id));
    await tx.insert(complaintEvents).values({
      complaintId: row.id,
      kind: 'rated',
      residentVisible: true,
      actorUserId: input.actor.userId,
      body: comment,
      detail: { rating: input.rating },
      createdAt: now,
    });
    await writeAudit(tx, input.actor, {
      action: 'complaint.rated',
      subjectType: 'complaint',
      subjectId: row.id,
      detail: { rating: input.rating },
    });
    const reopen = input.rating <= DISSATISFIED_AT_MOST && row.reopenedCount === 0;
    const mailIds = reopen
      ? await reopenCase(tx, row, { actor: input.actor, reason: 'dissatisfied', body: null, now })
      : [];
    return { ok: true, reopened: reopen, mailIds } as const;
  });
  if (!outcome.ok) return outcome;
  await notifyMailQueued(outcome.mailIds);
  return { ok: true, reopened: outcome.reopened };
}
