'use server';

import { redirect } from 'next/navigation';
import { pageNotFound } from '@/lib/page-not-found';
import { requireUser } from '@/server/auth';
import { startApplication } from '@/server/assistance';
import { ZStartApplicationSchema } from './assistance-forms.schema';

/** A resident starts a draft (or a renewal pre-filled from their last application). */
export async function startApplicationAction(formData: FormData): Promise<void> {
  const actor = await requireUser();
  const parsed = ZStartApplicationSchema.safeParse({
    programId: formData.get('programId') ?? '',
    accountIds: formData.getAll('accountIds').filter((v) => typeof v === 'string'),
    renewsApplicationId: formData.get('renewsApplicationId') || undefined,
  });
  if (!parsed.success) redirect('/assistance?error=pick');
  const result = await startApplication({ actor, ...parsed.data });
  if (result.ok) redirect(`/assistance/${result.applicationId}?started=1`);
  if (result.error === 'not_found') pageNotFound();
  if (result.error === 'already_renewed') redirect(`/assistance/${result.applicationId}`);
  redirect(`/assistance?error=${result.error}`);
}
