'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { pageNotFound } from '@/lib/page-not-found';
import { paymentMode } from '@/server/payments/payment-settings';
import { completeSetupSession } from '@/server/payments/sandbox/complete-setup-session';

const ZSessionId = z.string().regex(/^cs_test_[A-Za-z0-9]{10,80}$/);

/** "MM/YY" or "MM/YYYY" → month and year; anything else → undefined (the page says so). */
function parseExpiry(raw: string): { expMonth?: number; expYear?: number } {
  const match = /^\s*(\d{1,2})\s*\/\s*(\d{2}|\d{4})\s*$/.exec(raw);
  if (!match) return {};
  return { expMonth: Number(match[1]), expYear: Number(match[2]) };
}

/**
 * The offline sandbox's hosted set-up page (what Stripe's Checkout in setup mode does): saves a
 * test card or bank account for direct debit and returns to the site. Only while the sandbox is
 * the payment provider.
 */
export async function completeSandboxSetupAction(formData: FormData): Promise<void> {
  if (paymentMode() !== 'sandbox') pageNotFound();
  const parsed = ZSessionId.safeParse(formData.get('sessionId'));
  if (!parsed.success) pageNotFound();
  const sessionId = parsed.data;
  const text = (name: string) => String(formData.get(name) ?? '').slice(0, 60);
  const result = await completeSetupSession(sessionId, {
    cardNumber: text('cardNumber'),
    ...parseExpiry(text('expiry')),
    iban: text('iban'),
    sortCode: text('sortCode'),
    accountNumber: text('accountNumber'),
    routingNumber: text('routingNumber'),
    accountHolder: text('accountHolder'),
  });
  if (result.ok) redirect(result.redirectTo);
  if (result.error === 'not_found') pageNotFound();
  const query = new URLSearchParams({ error: result.error });
  if (result.field) query.set('field', result.field);
  redirect(`/sandbox/setup/${sessionId}?${query.toString()}`);
}
