import 'server-only';
import { asc, ne } from 'drizzle-orm';
import { getDb } from '../db';
import { users, type TRole } from '../db/schema';
import { assertCan } from '../auth/permissions';
import type { TActor } from '../auth/actor';

export type TStaffUser = {
  id: string;
  email: string;
  name: string;
  role: TRole;
  department: string | null;
  disabled: boolean;
  createdAt: Date;
};

/** Every staff account (everyone who is not a resident), for the admin's staff page. */
export async function listStaffUsers(input: { actor: TActor }): Promise<TStaffUser[]> {
  assertCan(input.actor, 'manage:staff');
  const db = await getDb();
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      department: users.department,
      disabledAt: users.disabledAt,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(ne(users.role, 'resident'))
    .orderBy(asc(users.name), asc(users.email))
    .limit(500);
  return rows.map(({ disabledAt, ...u }) => ({ ...u, disabled: disabledAt !== null }));
}
