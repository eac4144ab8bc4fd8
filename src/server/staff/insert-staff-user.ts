import 'server-only';
import { getDb } from '../db';
import { users } from '../db/schema';
import { writeAudit } from '../audit';
import { hashPassword } from '../auth/password';
import { normalizeEmail } from '../auth/normalize-email';
import type { TActor } from '../auth/actor';
import type { TStaffRole } from './staff-roles';

export type TNewStaffUser = {
  email: string;
  name: string;
  role: TStaffRole;
  department: string | null;
  password: string;
};

export type TCreateStaffUserResult =
  { ok: true; userId: string } | { ok: false; error: 'email_taken' };

/**
 * Inserts a staff user and its audit row together. Callers check who may do this: the admin
 * page (createStaffUser) or the command line (createStaffUserFromCommandLine, actor null).
 */
export async function insertStaffUser(
  actor: TActor | null,
  input: TNewStaffUser,
  via: 'admin' | 'cli',
): Promise<TCreateStaffUserResult> {
  const email = normalizeEmail(input.email);
  const passwordHash = await hashPassword(input.password);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(users)
      .values({
        email,
        name: input.name.trim(),
        role: input.role,
        department: input.department?.trim() || null,
        passwordHash,
        // Staff accounts are created by someone who vouches for the address.
        emailVerifiedAt: new Date(),
      })
      .onConflictDoNothing()
      .returning({ id: users.id });
    if (!created) return { ok: false, error: 'email_taken' };
    await writeAudit(tx, actor, {
      action: 'staff.user_created',
      subjectType: 'user',
      subjectId: created.id,
      detail: { role: input.role, department: input.department, via },
    });
    return { ok: true, userId: created.id };
  });
}
