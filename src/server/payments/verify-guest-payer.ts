import 'server-only';
import { env } from '@/env';
import { verifyAccountByBill } from '../accounts/verify-account-by-bill';
import type { TThrottleRule } from '../throttle';

export type TVerifyGuestPayerResult =
  | { ok: true; accountId: number }
  | { ok: false; error: 'invalid' }
  | { ok: false; error: 'throttled'; retryAfterMinutes: number };

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
  const proof = await verifyAccountByBill({
    accountNumber: input.accountNumber,
    verificationCode: input.verificationCode,
    rules: guestPayRules(input.ip, input.accountNumber),
  });
  return proof.ok ? { ok: true, accountId: proof.account.id } : proof;
}
