import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '../db';
import { accountLinks } from '../db/schema';
import { writeAudit } from '../audit';
import { assertCan } from '../auth/permissions';
import type { TActor } from '../auth/actor';
import { cancelOwnMandatesOnUnlink, finishCancellation } from '../direct-debit/cancel-mandate';

export type TUnlinkServiceAccountResult =
  | {
      ok: true;
      /** The actor's own direct debit on the account stopped with the link. */
      directDebitCanceled: boolean;
    }
  | { ok: false; error: 'not_found' };

/**
 * Removes the actor's own link; another person's link or an unknown id is "not found". A direct
 * debit the actor set up on the account is canceled in the same transaction (it would otherwise
 * keep collecting from their bank for an account they can no longer see).
 */
export async function unlinkServiceAccount(input: {
  actor: TActor;
  accountId: number;
}): Promise<TUnlinkServiceAccountResult> {
  const { actor } = input;
  assertCan(actor, 'link:account:own');
  const db = await getDb();
  const outcome = await db.transaction(async (tx) => {
    const removed = await tx
      .delete(accountLinks)
      .where(
        and(eq(accountLinks.userId, actor.userId), eq(accountLinks.accountId, input.accountId)),
      )
      .returning({ accountId: accountLinks.accountId });
    if (removed.length === 0) return null;
    const cancellation = await cancelOwnMandatesOnUnlink(tx, {
      actor,
      accountId: input.accountId,
    });
    await writeAudit(tx, actor, {
      action: 'account.unlinked',
      subjectType: 'service_account',
      subjectId: input.accountId,
      detail: cancellation ? { directDebitCanceled: true } : undefined,
    });
    return { cancellation };
  });
  if (!outcome) return { ok: false, error: 'not_found' };
  if (outcome.cancellation) await finishCancellation(outcome.cancellation);
  return { ok: true, directDebitCanceled: outcome.cancellation !== null };
}
