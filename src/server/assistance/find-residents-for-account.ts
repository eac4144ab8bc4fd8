import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '../db';
import { accountLinks, serviceAccounts, users } from '../db/schema';
import { assertCan } from '../auth/permissions';
import type { TActor } from '../auth/actor';

export type TResidentForAccount = { userId: string; name: string; accountId: number };

/**
 * For an officer filing on a resident's behalf: the residents who have linked the service
 * account with this number (the person must already use the portal; their accounts are the
 * ones a grant can cover).
 */
export async function findResidentsForAccount(input: {
  actor: TActor;
  accountNumber: string;
}): Promise<TResidentForAccount[]> {
  assertCan(input.actor, 'file:assistance:behalf');
  const db = await getDb();
  return db
    .select({ userId: users.id, name: users.name, accountId: serviceAccounts.id })
    .from(serviceAccounts)
    .innerJoin(accountLinks, eq(accountLinks.accountId, serviceAccounts.id))
    .innerJoin(users, and(eq(users.id, accountLinks.userId), eq(users.role, 'resident')))
    .where(eq(serviceAccounts.accountNumber, input.accountNumber))
    .limit(10);
}
