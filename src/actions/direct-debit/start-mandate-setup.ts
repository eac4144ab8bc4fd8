'use server';

import { redirect } from 'next/navigation';
import { getLocale } from '@/i18n/server';
import { toLocale } from '@/lib/locale';
import { pageNotFound } from '@/lib/page-not-found';
import { requireUser } from '@/server/auth';
import { startMandateSetup } from '@/server/direct-debit';
import { ZStartMandateSetupSchema } from './direct-debit.schema';

/**
 * "Set up / change direct debit": starts the provider's hosted page and sends the resident
 * there (303). Problems come back to the page as `?error=<code>` (the password is never echoed).
 */
export async function startMandateSetupAction(formData: FormData): Promise<void> {
  const actor = await requireUser();
  const rawAccountId = String(formData.get('accountId') ?? '');
  const parsed = ZStartMandateSetupSchema.safeParse({
    accountId: rawAccountId,
    consent: formData.get('consent') ?? '',
    password: formData.get('password') ?? '',
  });
  if (!parsed.success) {
    if (!/^\d{1,9}$/.test(rawAccountId)) pageNotFound();
    redirect(`/accounts/${rawAccountId}/direct-debit?error=consent`);
  }
  const { accountId, password } = parsed.data;
  const result = await startMandateSetup({
    actor,
    accountId,
    locale: toLocale(await getLocale()),
    ...(password ? { password } : {}),
  });
  if (result.ok) redirect(result.url);
  if (result.error === 'not_found') pageNotFound();
  const minutes = result.error === 'throttled' ? `&minutes=${result.retryAfterMinutes}` : '';
  redirect(`/accounts/${accountId}/direct-debit?error=${result.error}${minutes}`);
}
