import 'server-only';
import { eq, exists } from 'drizzle-orm';
import type { TActor } from '../auth/actor';
import { assertCan } from '../auth/permissions';
import { linkOf } from '../accounts/link-of';
import { getDb } from '../db';
import { mandates } from '../db/schema';
import { liveMandatesOf } from './live-mandates';

/**
 * Whether the actor set up a direct debit on this account of theirs that is active or being set
 * up — the unlink page warns that unlinking stops it.
 */
export async function hasOwnLiveMandate(input: {
  actor: TActor;
  accountId: number;
}): Promise<boolean> {
  assertCan(input.actor, 'view:account:own');
  const db = await getDb();
  const [row] = await db
    .select({ id: mandates.id })
    .from(mandates)
    .where(
      liveMandatesOf(
        input.accountId,
        eq(mandates.createdByUserId, input.actor.userId),
        exists(linkOf(input.actor.userId, mandates.accountId)),
      ),
    )
    .limit(1);
  return row !== undefined;
}
