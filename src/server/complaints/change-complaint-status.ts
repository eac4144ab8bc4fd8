import 'server-only';
import { toLocale } from '@/lib/locale';
import { eq } from 'drizzle-orm';
import { getDb } from '../db';
import { complaintEvents, complaints, type TComplaintStatus } from '../db/schema';
import { writeAudit } from '../audit';
import { assertCan } from '../auth/permissions';
import type { TActor } from '../auth/actor';
import { notifyMailQueued } from '../mail/notify-mail-queued';
import { queueMail } from '../mail/queue-mail';
import { getTranslator } from '../i18n/get-translator';
import { MAX_DESCRIPTION_LENGTH } from './limits';
import { lockCase } from './lock-case';
import { notifyFiler } from './notify-case-parties';

export type TChangeStatusResult =
  { ok: true } | { ok: false; error: 'not_found' | 'same' | 'closed' | 'answer_required' | 'body' };

/**
 * Moves a case along: in progress (for a fault: the crew is on site), waiting for the
 * resident, or closed with the answer the resident reads. Leaving "new" is the first response.
 * The first closing fixes whether the case was answered within its commitment (the public
 * ratings count it). A closed case is reopened only by its resident (reply or rating).
 */
export async function changeComplaintStatus(input: {
  actor: TActor;
  complaintId: number;
  status: Exclude<TComplaintStatus, 'new'>;
  /** The answer; required to close, optional otherwise (shown to the resident). */
  body?: string;
  now?: Date;
}): Promise<TChangeStatusResult> {
  assertCan(input.actor, 'handle:complaint:any');
  const body = input.body?.trim() || null;
  if (body && body.length > MAX_DESCRIPTION_LENGTH) return { ok: false, error: 'body' };
  if (input.status === 'closed' && !body) return { ok: false, error: 'answer_required' };
  const now = input.now ?? new Date();
  const db = await getDb();
  const outcome = await db.transaction(async (tx) => {
    const row = await lockCase(tx, input.complaintId);
    if (!row) return { ok: false as const, error: 'not_found' as const };
    if (row.status === 'closed') return { ok: false as const, error: 'closed' as const };
    if (row.status === input.status) return { ok: false as const, error: 'same' as const };
    const closing = input.status === 'closed';
    const firstResponse = row.firstRespondedAt === null;
    const firstClose = closing && row.firstClosedAt === null;
    await tx
      .update(complaints)
      .set({
        status: input.status,
        ...(firstResponse ? { firstRespondedAt: now } : {}),
        nextDueAt: closing ? null : row.answerDueAt,
        ...(closing ? { closedAt: now } : {}),
        ...(firstClose
          ? { firstClosedAt: now, answeredOnTime: now.getTime() <= row.answerDueAt.getTime() }
          : {}),
        updatedAt: now,
      })
      .where(eq(complaints.id, row.id));
    await tx.insert(complaintEvents).values({
      complaintId: row.id,
      kind: closing ? 'closed' : 'status_changed',
      residentVisible: true,
      actorUserId: input.actor.userId,
      body,
      detail: { from: row.status, to: input.status },
      createdAt: now,
    });
    await writeAudit(tx, input.actor, {
      action: closing ? 'complaint.closed' : 'complaint.status_changed',
      subjectType: 'complaint',
      subjectId: row.id,
      detail: { from: row.status, to: input.status },
    });
    const mailIds = await notifyFiler(tx, row, closing ? 'closed' : 'status');
    if (closing && !row.filedByUserId && row.contactEmail && body) {
      // An anonymous reporter who left an address gets the answer by mail.
      const t = getTranslator(toLocale(row.contactLocale));
      mailIds.push(
        ...(await queueMail(tx, {
          to: row.contactEmail,
          template: 'complaints.report_answered',
          subject: t('complaints.notify.closed.title', { reference: row.reference }),
          text: `${body}\n\n${t('common.brand')}\n`,
        })),
      );
    }
    return { ok: true as const, mailIds };
  });
  if (!outcome.ok) return outcome;
  await notifyMailQueued(outcome.mailIds);
  return { ok: true };
}
