import 'server-only';
import { eq } from 'drizzle-orm';
import { env } from '@/env';
import { getDb } from '../db';
import { accountLinks, serviceAccounts } from '../db/schema';
import { writeAudit } from '../audit';
import { assertCan } from '../auth/permissions';
import type { TActor } from '../auth/actor';
import { checkThrottle, recordThrottleFailure, type TThrottleRule } from '../throttle';
import { compareVerificationCode } from './compare-verification-code';

export type TLinkServiceAccountResult =
  | { ok: true; accountId: number; alreadyLinked: boolean }
  | { ok: false; error: 'invalid' }
  | { ok: false; error: 'throttled'; retryAfterMinutes: number };

// Compared against when the number is unknown, so an unknown number costs the same as a known one.
const DUMMY_CODE = '000000';

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
  const rule = linkThrottleRule(actor.userId);
  const decision = await checkThrottle(rule);
  if (!decision.allowed)
    return { ok: false, error: 'throttled', retryAfterMinutes: decision.retryAfterMinutes };

  const db = await getDb();
  const [account] = await db
    .select({
      id: serviceAccounts.id,
      verificationCode: serviceAccounts.verificationCode,
      status: serviceAccounts.status,
    })
    .from(serviceAccounts)
    .where(eq(serviceAccounts.accountNumber, input.accountNumber))
    .limit(1);

  const codeMatches = compareVerificationCode(
    account?.verificationCode ?? DUMMY_CODE,
    input.verificationCode,
  );
  if (!account || !codeMatches || account.status === 'closed') {
    await recordThrottleFailure([rule]);
    return { ok: false, error: 'invalid' };
  }

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
