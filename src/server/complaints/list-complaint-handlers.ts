import 'server-only';
import { and, asc, inArray, isNull } from 'drizzle-orm';
import { getDb } from '../db';
import { users, type TRole } from '../db/schema';
import { assertCan } from '../auth/permissions';
import type { TActor } from '../auth/actor';
import type { TStaffMember } from './types';

/** Roles that take cases (the assign list offers these). */
export const HANDLER_ROLES = ['agent', 'supervisor'] as const satisfies readonly TRole[];

export async function listComplaintHandlers(input: { actor: TActor }): Promise<TStaffMember[]> {
  assertCan(input.actor, 'handle:complaint:any');
  const db = await getDb();
  return db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(and(inArray(users.role, [...HANDLER_ROLES]), isNull(users.disabledAt)))
    .orderBy(asc(users.name))
    .limit(500);
}
