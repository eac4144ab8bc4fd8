import 'server-only';
import { eq } from 'drizzle-orm';
import { env } from '@/env';
import { compareVerificationCode } from '../accounts/compare-verification-code';
import { getDb } from '../db';
import { serviceAccounts } from '../db/schema';
import { checkThrottles, recordThrottleFailure, type TThrottleRule } from '../throttle';

export type TVerifyGuestPayerResult =
  | { ok: true; accountId: number }
  | { ok: false; error: 'invalid' }
  | { ok: false; error: 'throttled'; retryAfterMinutes: number };

const DUMMY_CODE = '000000';

function guestPayRules(ip: string | null, accountNumber: string): TThrottleRule[] {
  const rules: TThrottleRule[] = [
    {
      bucket: 'guest-pay',
      key: `account:${accountNumber}`,
      // Several relatives may mistype; a guesser spread over many addresses still stops here.
      max: env.GUEST_PAY_MAX_FAILURES * 2,
      windowMinutes: env.GUEST_PAY_WINDOW_MINUTES,
    },
  ];
  if (ip) {
    rules.push({
      bucket: 'guest-pay',
      key: `ip:${ip}`,
      max: env.GUEST_PAY_MAX_FAILURES,
      windowMinutes: env.GUEST_PAY_WINDOW_MINUTES,
    });
  }
  return rules;
}

/**
 * "Pay without signing in": the account number and the code printed on the bill, compared in
 * constant time, throttled per IP and per account number. Unknown number, wrong code and closed
 * account all get the same answer.
 */
export async function verifyGuestPayer(input: {
  accountNumber: string;
  verificationCode: string;
  ip: string | null;
}): Promise<TVerifyGuestPayerResult> {
  const rules = guestPayRules(input.ip, input.accountNumber);
  const decision = await checkThrottles(rules);
  if (!decision.allowed) {
    return { ok: false, error: 'throttled', retryAfterMinutes: decision.retryAfterMinutes };
  }
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
  const matches = compareVerificationCode(
    account?.verificationCode ?? DUMMY_CODE,
    input.verificationCode,
  );
  if (!account || !matches || account.status === 'closed') {
    await recordThrottleFailure(rules);
    return { ok: false, error: 'invalid' };
  }
  return { ok: true, accountId: account.id };
}
