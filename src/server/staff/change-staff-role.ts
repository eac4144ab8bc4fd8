import 'server-only';
import { and, eq, ne } from 'drizzle-orm';
import { getDb } from '../db';
import { users } from '../db/schema';
import { writeAudit } from '../audit';
import { assertCan } from '../auth/permissions';
import type { TActor } from '../auth/actor';
import { lockActiveAdmins } from './lock-active-admins';
import type { TStaffRole } from './staff-roles';

export type TStaffChangeResult = { ok: true } | { ok: false; error: 'not_found' | 'last_admin' };

/** Changes a staff member's role (audited). The last active admin cannot stop being one. */
export async function changeStaffRole(input: {
  actor: TActor;
  userId: string;
  role: TStaffRole;
}): Promise<TStaffChangeResult> {
  const { actor } = input;
  assertCan(actor, 'manage:staff');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const activeAdmins = await lockActiveAdmins(tx);
    const [target] = await tx
      .select({ id: users.id, role: users.role, disabledAt: users.disabledAt })
      .from(users)
      .where(and(eq(users.id, input.userId), ne(users.role, 'resident')))
      .limit(1);
    if (!target) return { ok: false, error: 'not_found' };
    if (target.role === input.role) return { ok: true };
    const isActiveAdmin = activeAdmins.includes(target.id);
    if (isActiveAdmin && input.role !== 'admin' && activeAdmins.length <= 1)
      return { ok: false, error: 'last_admin' };
    await tx.update(users).set({ role: input.role }).where(eq(users.id, target.id));
    await writeAudit(tx, actor, {
      action: 'staff.role_changed',
      subjectType: 'user',
      subjectId: target.id,
      detail: { from: target.role, to: input.role },
    });
    return { ok: true };
  });
}
