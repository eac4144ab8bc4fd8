import 'server-only';
import { getDb } from '../db';
import { complaintEvents, complaints } from '../db/schema';
import { eq } from 'drizzle-orm';
import { writeAudit } from '../audit';
import { assertCan } from '../auth/permissions';
import type { TActor } from '../auth/actor';
import { notifyMailQueued } from '../mail/notify-mail-queued';
import { MAX_DESCRIPTION_LENGTH } from './limits';
import { lockCase } from './lock-case';
import { notifyFiler } from './notify-case-parties';

export type TStaffCommentResult =
  { ok: true } | { ok: false; error: 'not_found' | 'body' | 'closed' };

/**
 * A reply the resident reads, or an internal note only staff read. The first reply is the
 * first contact: it meets the first-response commitment and moves a new case to "in progress".
 */
export async function addStaffComment(input: {
  actor: TActor;
  complaintId: number;
  visibility: 'reply' | 'note';
  body: string;
  now?: Date;
}): Promise<TStaffCommentResult> {
  assertCan(input.actor, 'handle:complaint:any');
  const body = input.body.trim();
  if (!body || body.length > MAX_DESCRIPTION_LENGTH) return { ok: false, error: 'body' };
  const now = input.now ?? new Date();
  const db = await getDb();
  const outcome = await db.transaction(async (tx) => {
    const row = await lockCase(tx, input.complaintId);
    if (!row) return { ok: false as const, error: 'not_found' as const };
    if (row.status === 'closed' && input.visibility === 'reply')
      return { ok: false as const, error: 'closed' as const };
    const reply = input.visibility === 'reply';
    await tx.insert(complaintEvents).values({
      complaintId: row.id,
      kind: reply ? 'reply' : 'internal_note',
      residentVisible: reply,
      actorUserId: input.actor.userId,
      body,
      createdAt: now,
    });
    if (reply) {
      const firstContact = row.firstRespondedAt === null;
      await tx
        .update(complaints)
        .set({
          ...(firstContact ? { firstRespondedAt: now, nextDueAt: row.answerDueAt } : {}),
          ...(row.status === 'new' ? { status: 'in_progress' as const } : {}),
          updatedAt: now,
        })
        .where(eq(complaints.id, row.id));
    }
    await writeAudit(tx, input.actor, {
      action: reply ? 'complaint.replied' : 'complaint.noted',
      subjectType: 'complaint',
      subjectId: row.id,
    });
    const mailIds = reply ? await notifyFiler(tx, row, 'reply') : [];
    return { ok: true as const, mailIds };
  });
  if (!outcome.ok) return outcome;
  await notifyMailQueued(outcome.mailIds);
  return { ok: true };
}
