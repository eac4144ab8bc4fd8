import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { TDb } from '../db';
import { users } from '../db/schema';

type TTx = Parameters<Parameters<TDb['transaction']>[0]>[0];

/**
 * Locks every active admin row for the rest of the transaction and returns their ids, so two
 * admins demoting each other at the same moment cannot leave the utility with none.
 */
export async function lockActiveAdmins(tx: TTx): Promise<string[]> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'admin'), isNull(users.disabledAt)))
    .for('update');
  return rows.map((r) => r.id);
}
