import 'server-only';
import { env } from '@/env';
import { getDb } from '../db';
import { accountLinks } from '../db/schema';
import { writeAudit } from '../audit';
import { assertCan } from '../auth/permissions';
import type { TActor } from '../auth/actor';
import type { TThrottleRule } from '../throttle';
import { verifyAccountByBill } from './verify-account-by-bill';

export type TLinkServiceAccountResult =
  | { ok: true; accountId: number; alreadyLinked: boolean }
  | { ok: false; error: 'invalid' }
  | { ok: false; error: 'throttled'; retryAfterMinutes: number };

export function linkThrottleRule(userId: string): TThrottleRule {
  return {
    bucket: 'link',
    key: `user:${userId}`,
    max: env.LINK_MAX_FAILURES,
    windowMinutes: env.LINK_WINDOW_MINUTES,
  };
}

/**
 * Links a service account to the actor when the account number and the code printed on the
 * bill match. Unknown number, wrong code and closed account all get the same answer and count
 * toward the per-user throttle. A success does not clear the throttle: otherwise a person with
 * one real bill could reset the counter between guesses at other accounts.
 */
export async function linkServiceAccount(input: {
  actor: TActor;
  accountNumber: string;
  verificationCode: string;
}): Promise<TLinkServiceAccountResult> {
  const { actor } = input;
  assertCan(actor, 'link:account:own');
  const proof = await verifyAccountByBill({
    accountNumber: input.accountNumber,
    verificationCode: input.verificationCode,
    rules: [linkThrottleRule(actor.userId)],
  });
  if (!proof.ok) return proof;
  const { account } = proof;

  const db = await getDb();
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(accountLinks)
      .values({ userId: actor.userId, accountId: account.id, role: 'holder' })
      .onConflictDoNothing()
      .returning({ accountId: accountLinks.accountId });
    if (inserted.length === 0) return { ok: true, accountId: account.id, alreadyLinked: true };
    await writeAudit(tx, actor, {
      action: 'account.linked',
      subjectType: 'service_account',
      subjectId: account.id,
    });
    return { ok: true, accountId: account.id, alreadyLinked: false };
  });
}
