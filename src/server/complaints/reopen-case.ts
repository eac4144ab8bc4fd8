import 'server-only';
import { eq } from 'drizzle-orm';
import { complaintEvents, complaints } from '../db/schema';
import type { TActor } from '../auth/actor';
import { writeAudit } from '../audit';
import { getWorkingCalendar } from '../calendar';
import { COMMITMENTS, deadlineFrom } from './commitments';
import type { TLockedCase, TTx } from './lock-case';
import { notifySupervisors } from './notify-case-parties';

/**
 * Reopens a closed case for a supervisor (once per case): back to "in progress", flagged as
 * escalated, with a fresh answer deadline from now (the category's answer commitment), which
 * escalates again if missed.
 */
export async function reopenCase(
  tx: TTx,
  row: TLockedCase,
  input: { actor: TActor; reason: 'resident' | 'dissatisfied'; body: string | null; now: Date },
): Promise<number[]> {
  const answerDueAt = deadlineFrom(
    COMMITMENTS[row.category].answer,
    input.now,
    row.rural,
    await getWorkingCalendar(tx),
  );
  await tx
    .update(complaints)
    .set({
      status: 'in_progress',
      closedAt: null,
      reopenedCount: row.reopenedCount + 1,
      answerDueAt,
      answerEscalatedAt: null,
      nextDueAt: answerDueAt,
      escalatedAt: input.now,
      updatedAt: input.now,
    })
    .where(eq(complaints.id, row.id));
  await tx.insert(complaintEvents).values({
    complaintId: row.id,
    kind: 'reopened',
    residentVisible: true,
    actorUserId: input.actor.userId,
    body: input.body,
    detail: { reason: input.reason, answerDueAt: answerDueAt.toISOString() },
    createdAt: input.now,
  });
  await writeAudit(tx, input.actor, {
    action: 'complaint.reopened',
    subjectType: 'complaint',
    subjectId: row.id,
    detail: { reason: input.reason },
  });
  return notifySupervisors(
    tx,
    {
      key: 'reopened',
      values: { reference: row.reference },
      link: `/staff/complaints/${row.id}`,
    },
    `complaint:${row.id}:reopened`,
  );
}
