import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '../db';
import { complaintEvents, complaints, type TComplaintDepartment } from '../db/schema';
import { writeAudit } from '../audit';
import { assertCan } from '../auth/permissions';
import type { TActor } from '../auth/actor';
import { lockCase } from './lock-case';

export type TRouteResult = { ok: true } | { ok: false; error: 'not_found' | 'same' | 'closed' };

/**
 * Sends a case to another department (e.g. a complaint about a leak to the repair centre).
 * The assignee is cleared: the new department picks it up. Deadlines do not restart — the
 * promise was made to the resident, not to a department.
 */
export async function routeComplaint(input: {
  actor: TActor;
  complaintId: number;
  department: TComplaintDepartment;
  now?: Date;
}): Promise<TRouteResult> {
  assertCan(input.actor, 'handle:complaint:any');
  const now = input.now ?? new Date();
  const db = await getDb();
  return db.transaction(async (tx) => {
    const row = await lockCase(tx, input.complaintId);
    if (!row) return { ok: false, error: 'not_found' } as const;
    if (row.status === 'closed') return { ok: false, error: 'closed' } as const;
    if (row.department === input.department) return { ok: false, error: 'same' } as const;
    await tx
      .update(complaints)
      .set({ department: input.department, assigneeUserId: null, updatedAt: now })
      .where(eq(complaints.id, row.id));
    await tx.insert(complaintEvents).values({
      complaintId: row.id,
      kind: 'routed',
      residentVisible: false,
      actorUserId: input.actor.userId,
      detail: { from: row.department, to: input.department },
      createdAt: now,
    });
    await writeAudit(tx, input.actor, {
      action: 'complaint.routed',
      subjectType: 'complaint',
      subjectId: row.id,
      detail: { from: row.department, to: input.department },
    });
    return { ok: true } as const;
  });
}
