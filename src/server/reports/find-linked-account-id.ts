import 'server-only';
import { and, eq, exists } from 'drizzle-orm';
import type { TDb } from '../db';
import { serviceAccounts } from '../db/schema';
import { linkOf } from '../accounts';

/** The account id when it is linked to this user; null for a foreign or unknown id. */
export async function findLinkedAccountId(
  db: TDb,
  userId: string,
  accountId: number,
): Promise<number | null> {
  const [row] = await db
    .select({ id: serviceAccounts.id })
    .from(serviceAccounts)
    .where(and(eq(serviceAccounts.id, accountId), exists(linkOf(userId, serviceAccounts.id))))
    .limit(1);
  return row?.id ?? null;
}
