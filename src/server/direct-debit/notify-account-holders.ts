import 'server-only';
import { inArray } from 'drizzle-orm';
import type { TDb } from '../db';
import { accountLinks } from '../db/schema';
import { notifyUsers } from '../notifications/notify-users';
import type { TNewNotification } from '../notifications/types';

export type TAccountNotification = Omit<TNewNotification, 'userId' | 'dedupeKey'> & {
  accountId: number;
  /** Made unique per person by notifyUsers; a rerun sends nothing twice. */
  dedupeKey: string;
};

/**
 * Tells everyone linked to each account (inbox + e-mail), in the caller's transaction.
 * Returns the outbox ids to nudge after commit.
 */
export async function notifyAccountHolders(
  tx: TDb,
  items: readonly TAccountNotification[],
): Promise<number[]> {
  if (items.length === 0) return [];
  const links = await tx
    .select({ accountId: accountLinks.accountId, userId: accountLinks.userId })
    .from(accountLinks)
    .where(inArray(accountLinks.accountId, [...new Set(items.map((i) => i.accountId))]));
  const holders = new Map<number, string[]>();
  for (const link of links) {
    holders.set(link.accountId, [...(holders.get(link.accountId) ?? []), link.userId]);
  }
  const notifications: TNewNotification[] = [];
  for (const { accountId, ...item } of items) {
    for (const userId of holders.get(accountId) ?? []) notifications.push({ ...item, userId });
  }
  return notifyUsers(tx, notifications);
}
