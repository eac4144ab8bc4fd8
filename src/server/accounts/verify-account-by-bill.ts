import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '../db';
import { serviceAccounts } from '../db/schema';
import { checkThrottles, recordThrottleFailure, type TThrottleRule } from '../throttle';
import { compareVerificationCode } from './compare-verification-code';

export type TVerifyAccountByBillResult =
  | { ok: true; account: { id: number; holderName: string } }
  | { ok: false; error: 'invalid' }
  | { ok: false; error: 'throttled'; retryAfterMinutes: number };

// Compared against when the number is unknown, so an unknown number costs the same as a known one.
const DUMMY_CODE = '000000';

/**
 * Proves a service account the way its bill does: the account number and the verification code
 * printed on it, compared in constant time, under the caller's throttle rules. An unknown
 * number, a wrong code, a closed account — and whatever `alsoRequire` refuses (a holder's name)
 * — all get the same answer and count as one failure.
 */
export async function verifyAccountByBill(input: {
  accountNumber: string;
  verificationCode: string;
  rules: TThrottleRule[];
  alsoRequire?: (account: { holderName: string }) => boolean;
}): Promise<TVerifyAccountByBillResult> {
  const decision = await checkThrottles(input.rules);
  if (!decision.allowed) {
    return { ok: false, error: 'throttled', retryAfterMinutes: decision.retryAfterMinutes };
  }
  const db = await getDb();
  const [account] = await db
    .select({
      id: serviceAccounts.id,
      verificationCode: serviceAccounts.verificationCode,
      status: serviceAccounts.status,
      holderName: serviceAccounts.holderName,
    })
    .from(serviceAccounts)
    .where(eq(serviceAccounts.accountNumber, input.accountNumber))
    .limit(1);
  const codeMatches = compareVerificationCode(
    account?.verificationCode ?? DUMMY_CODE,
    input.verificationCode,
  );
  if (
    !account ||
    !codeMatches ||
    account.status === 'closed' ||
    (input.alsoRequire && !input.alsoRequire(account))
  ) {
    await recordThrottleFailure(input.rules);
    return { ok: false, error: 'invalid' };
  }
  return { ok: true, account: { id: account.id, holderName: account.holderName } };
}
