import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import { getDb } from '../db';
import { accountLinks, meters } from '../db/schema';
import { assertCan } from '../auth/permissions';
import type { TActor } from '../auth/actor';
import { selectLinkedAccounts } from './select-linked-accounts';
import type { TLinkedAccountDetail } from './types';

/** One of the actor's linked accounts; null when it is not theirs or does not exist. */
export async function getLinkedAccount(input: {
  actor: TActor;
  accountId: number;
}): Promise<TLinkedAccountDetail | null> {
  assertCan(input.actor, 'view:account:own');
  const db = await getDb();
  const [account] = await selectLinkedAccounts(input.actor.userId, input.accountId);
  if (!account) return null;
  const accountMeters = await db
    .select({
      serialNumber: meters.serialNumber,
      installedOn: meters.installedOn,
      removedOn: meters.removedOn,
    })
    .from(meters)
    .innerJoin(
      accountLinks,
      and(
        eq(accountLinks.accountId, meters.accountId),
        eq(accountLinks.userId, input.actor.userId),
      ),
    )
    .where(eq(meters.accountId, input.accountId))
    .orderBy(desc(meters.installedOn));
  return { ...account, meters: accountMeters };
}
