'use server';

import { redirect } from 'next/navigation';
import { pageNotFound } from '@/lib/page-not-found';
import { requireUser } from '@/server/auth';
import { cancelMandate } from '@/server/direct-debit';
import { ZCancelMandateSchema } from './direct-debit.schema';

/** "Cancel direct debit": takes effect at once, then back to the page with what it stopped. */
export async function cancelMandateAction(formData: FormData): Promise<void> {
  const actor = await requireUser();
  const parsed = ZCancelMandateSchema.safeParse({ accountId: formData.get('accountId') });
  if (!parsed.success) pageNotFound();
  const result = await cancelMandate({ actor, accountId: parsed.data.accountId });
  if (!result.ok) pageNotFound();
  redirect(
    `/accounts/${parsed.data.accountId}/direct-debit?canceled=${result.canceledCollections}&inFlight=${result.inFlight}`,
  );
}
