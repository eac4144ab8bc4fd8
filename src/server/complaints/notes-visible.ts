import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { TDb } from '../db';
import { complaintDepartmentMembers, type TComplaintDepartment } from '../db/schema';
import { can } from '../auth/permissions';
import type { TActor } from '../auth/actor';

/**
 * Internal notes are for the department that owns the case: staff with
 * `view:complaint_notes:any` (supervisors) read every case's notes, agents only those of cases
 * in a department they belong to.
 */
export async function canSeeNotes(
  db: TDb,
  actor: TActor,
  department: TComplaintDepartment,
): Promise<boolean> {
  if (can(actor.role, 'view:complaint_notes:any')) return true;
  const [member] = await db
    .select({ userId: complaintDepartmentMembers.userId })
    .from(complaintDepartmentMembers)
    .where(
      and(
        eq(complaintDepartmentMembers.userId, actor.userId),
        eq(complaintDepartmentMembers.department, department),
      ),
    )
    .limit(1);
  return member !== undefined;
}
