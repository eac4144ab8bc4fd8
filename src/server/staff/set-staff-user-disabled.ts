import 'server-only';
import { and, eq, ne } from 'drizzle-orm';
import { getDb } from '../db';
import { users } from '../db/schema';
import { writeAudit } from '../audit';
import { assertCan } from '../auth/permissions';
import type { TActor } from '../auth/actor';
import { lockActiveAdmins } from './lock-active-admins';
import type { TStaffChangeResult } from './change-staff-role';

/**
 * Disables or re-enables a staff account (audited). A disabled user is signed out at their next
 * request (requireUser re-reads the user). The last active admin cannot be disabled.
 */
export async function setStaffUserDisabled(input: {
  actor: TActor;
  userId: string;
  disabled: boolean;
}): Promise<TStaffChangeResult> {
  const { actor } = input;
  assertCan(actor, 'manage:staff');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const activeAdmins = await lockActiveAdmins(tx);
    const [target] = await tx
      .select({ id: users.id, disabledAt: users.disabledAt })
      .from(users)
      .where(and(eq(users.id, input.userId), ne(users.role, 'resident')))
      .limit(1);
    if (!target) return { ok: false, error: 'not_found' };
    if ((target.disabledAt !== null) === input.disabled) return { ok: true };
    if (input.disabled && activeAdmins.includes(target.id) && activeAdmins.length <= 1)
      return { ok: false, error: 'last_admin' };
    await tx
      .update(users)
      .set({ disabledAt: input.disabled ? new Date() : null })
      .where(eq(users.id, target.id));
    await writeAudit(tx, actor, {
      action: input.disabled ? 'staff.user_disabled' : 'staff.user_enabled',
      subjectType: 'user',
      subjectId: target.id,
    });
    return { ok: true };
  });
}
