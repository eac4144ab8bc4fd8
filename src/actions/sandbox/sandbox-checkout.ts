'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { pageNotFound } from '@/lib/page-not-found';
import { paymentMode } from '@/server/payments';
import {
  authorizeSandboxWallet,
  completeSandboxAuthentication,
  leaveSandboxCheckout,
  payWithSandboxCard,
  type TSandboxPayResult,
} from '@/server/payments/sandbox/checkout-flow';

/**
 * The offline sandbox's hosted checkout page (what checkout.stripe.com does for real). Only
 * answers while the sandbox is the payment provider; a real deployment has no such page.
 */
const ZSessionId = z.string().regex(/^cs_test_[A-Za-z0-9]{10,80}$/);

function sessionIdFrom(formData: FormData): string {
  if (paymentMode() !== 'sandbox') pageNotFound();
  const parsed = ZSessionId.safeParse(formData.get('sessionId'));
  if (!parsed.success) pageNotFound();
  return parsed.data;
}

function follow(sessionId: string, result: TSandboxPayResult | null): never {
  if (!result) pageNotFound();
  const page = `/sandbox/checkout/${sessionId}`;
  switch (result.outcome) {
    case 'succeeded':
    case 'processing':
      redirect(result.redirectTo);
    case 'requires_authentication':
      redirect(`${page}/authenticate`);
    case 'declined':
      redirect(`${page}?declined=${encodeURIComponent(result.code)}`);
    case 'invalid':
      redirect(`${page}?error=${result.field}`);
    case 'closed':
      redirect(result.redirectTo ?? page);
  }
}

export async function payWithSandboxCardAction(formData: FormData): Promise<void> {
  const sessionId = sessionIdFrom(formData);
  const text = (name: string) => String(formData.get(name) ?? '').slice(0, 40);
  follow(
    sessionId,
    await payWithSandboxCard(sessionId, {
      number: text('cardNumber'),
      expiry: text('expiry'),
      cvc: text('cvc'),
    }),
  );
}

export async function completeSandboxAuthenticationAction(formData: FormData): Promise<void> {
  const sessionId = sessionIdFrom(formData);
  follow(
    sessionId,
    await completeSandboxAuthentication(sessionId, formData.get('decision') === 'complete'),
  );
}

export async function authorizeSandboxWalletAction(formData: FormData): Promise<void> {
  const sessionId = sessionIdFrom(formData);
  const method = formData.get('method') === 'wechat_pay' ? 'wechat_pay' : 'alipay';
  const raw = formData.get('decision');
  const decision = raw === 'approve' || raw === 'approve_later' ? raw : 'fail';
  follow(sessionId, await authorizeSandboxWallet(sessionId, method, decision));
}

export async function leaveSandboxCheckoutAction(formData: FormData): Promise<void> {
  const sessionId = sessionIdFrom(formData);
  const back = await leaveSandboxCheckout(sessionId);
  if (!back) pageNotFound();
  redirect(back);
}
