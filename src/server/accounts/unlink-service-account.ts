import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '../db';
import { accountLinks } from '../db/schema';
import { writeAudit } from '../audit';
import { assertCan } from '../auth/permissions';
import type { TActor } from '../auth/actor';

export type TUnlinkServiceAccountResult = { ok: true } | { ok: false; error: 'not_found' };

/** Removes the actor's own link; another person's link or an unknown id is "not found". */
export async function unlinkServiceAccount(input: {
  actor: TActor;
  accountId: number;
}): Promise<TUnlinkServiceAccountResult> {
  const { actor } = input;
  assertCan(actor, 'link:account:own');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const removed = await tx
      .delete(accountLinks)
      .where(
        and(eq(accountLinks.userId, actor.userId), eq(accountLinks.accountId, input.accountId)),
      )
      .returning({ accountId: accountLinks.accountId });
    if (removed.length === 0) return { ok: false, error: 'not_found' };
    await writeAudit(tx, actor, {
      action: 'account.unlinked',
      subjectType: 'service_account',
      subjectId: input.accountId,
    });
    return { ok: true };
  });
}
