import 'server-only';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { getDb } from '../db';
import { complaintEvents, complaints, users } from '../db/schema';
import { writeAudit } from '../audit';
import { assertCan } from '../auth/permissions';
import type { TActor } from '../auth/actor';
import { notifyUsers } from '../notifications/notify-users';
import { lockCase } from './lock-case';
import { HANDLER_ROLES } from './list-complaint-handlers';

export type TAssignResult =
  { ok: true } | { ok: false; error: 'not_found' | 'assignee' | 'closed' };

/** Gives a case to a staff member who handles cases (agent or supervisor); they are notified. */
export async function assignComplaint(input: {
  actor: TActor;
  complaintId: number;
  assigneeUserId: string;
  now?: Date;
}): Promise<TAssignResult> {
  assertCan(input.actor, 'handle:complaint:any');
  const now = input.now ?? new Date();
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [assignee] = await tx
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(
        and(
          eq(users.id, input.assigneeUserId),
          inArray(users.role, [...HANDLER_ROLES]),
          isNull(users.disabledAt),
        ),
      )
      .limit(1);
    if (!assignee) return { ok: false, error: 'assignee' } as const;
    const row = await lockCase(tx, input.complaintId);
    if (!row) return { ok: false, error: 'not_found' } as const;
    if (row.status === 'closed') return { ok: false, error: 'closed' } as const;
    await tx
      .update(complaints)
      .set({ assigneeUserId: assignee.id, updatedAt: now })
      .where(eq(complaints.id, row.id));
    await tx.insert(complaintEvents).values({
      complaintId: row.id,
      kind: 'assigned',
      residentVisible: false,
      actorUserId: input.actor.userId,
      detail: { assignee: assignee.name },
      createdAt: now,
    });
    await writeAudit(tx, input.actor, {
      action: 'complaint.assigned',
      subjectType: 'complaint',
      subjectId: row.id,
      detail: { assigneeUserId: assignee.id },
    });
    if (assignee.id !== input.actor.userId)
      await notifyUsers(tx, [
        {
          userId: assignee.id,
          kind: 'complaint.assigned',
          title: { key: 'complaints.notify.assigned.title', values: { reference: row.reference } },
          link: `/staff/complaints/${row.id}`,
          mail: false,
        },
      ]);
    return { ok: true } as const;
  });
}
