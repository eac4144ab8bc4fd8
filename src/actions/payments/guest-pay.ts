'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { requestOrigin } from '@/actions/request-origin';
import { env } from '@/env';
import {
  GUEST_PAY_TICKET_MINUTES,
  issueGuestPayTicket,
  readGuestPayTicket,
  startCheckoutPayment,
  verifyGuestPayer,
} from '@/server/payments';
import { GUEST_PAY_COOKIE, ZGuestPaySchema } from './payment-forms.schema';

/**
 * Step 1 of paying without signing in: the account number and the code from the bill. Right →
 * a short-lived signed ticket in an httpOnly cookie and the confirm page; wrong → the same
 * answer whatever was wrong, throttled.
 */
export async function verifyGuestPayerAction(formData: FormData): Promise<void> {
  const parsed = ZGuestPaySchema.safeParse({
    accountNumber: formData.get('accountNumber') ?? '',
    verificationCode: formData.get('verificationCode') ?? '',
  });
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? 'accountNumber');
    redirect(`/pay?error=${field === 'verificationCode' ? 'verificationCode' : 'accountNumber'}`);
  }
  const { ip } = await requestOrigin();
  const result = await verifyGuestPayer({ ...parsed.data, ip });
  if (!result.ok) {
    redirect(
      result.error === 'throttled'
        ? `/pay?error=throttled&minutes=${result.retryAfterMinutes}`
        : '/pay?error=invalid',
    );
  }
  (await cookies()).set(GUEST_PAY_COOKIE, issueGuestPayTicket(result.accountId), {
    httpOnly: true,
    sameSite: 'lax',
    path: '/pay',
    maxAge: GUEST_PAY_TICKET_MINUTES * 60,
    secure: env.APP_URL.startsWith('https:'),
  });
  redirect('/pay/confirm');
}

/** Step 2: pay the account's balance (amount computed here) by Checkout. */
export async function startGuestPaymentAction(): Promise<void> {
  const ticket = (await cookies()).get(GUEST_PAY_COOKIE)?.value;
  const accountId = readGuestPayTicket(ticket);
  if (accountId === null) redirect('/pay?error=expired');
  const { ip, locale } = await requestOrigin();
  const result = await startCheckoutPayment({
    payer: { kind: 'guest', ip },
    accountId,
    scope: 'balance',
    locale,
  });
  if (result.ok) redirect(result.redirectTo);
  if (result.error === 'not_found') redirect('/pay?error=invalid');
  if (result.error === 'in_progress') redirect('/pay/confirm?payment=in_progress');
  redirect(`/pay/confirm?payment=${result.error}`);
}
