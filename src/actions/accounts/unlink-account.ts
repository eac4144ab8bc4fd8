'use server';

import { redirect } from 'next/navigation';
import { pageNotFound } from '@/lib/page-not-found';
import { requireUser } from '@/server/auth';
import { unlinkServiceAccount } from '@/server/accounts';
import { ZUnlinkAccountSchema } from './link-account.schema';

export async function unlinkAccountAction(formData: FormData): Promise<void> {
  const actor = await requireUser();
  const parsed = ZUnlinkAccountSchema.safeParse({ accountId: formData.get('accountId') });
  if (!parsed.success) pageNotFound();
  const result = await unlinkServiceAccount({ actor, accountId: parsed.data.accountId });
  if (!result.ok) pageNotFound();
  redirect(`/dashboard?unlinked=${result.directDebitCanceled ? 'direct-debit' : '1'}`);
}
