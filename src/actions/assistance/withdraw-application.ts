'use server';

import { redirect } from 'next/navigation';
import { pageNotFound } from '@/lib/page-not-found';
import { requireUser } from '@/server/auth';
import { withdrawApplication } from '@/server/assistance';
import { ZApplicationIdSchema } from './assistance-forms.schema';

export async function withdrawApplicationAction(formData: FormData): Promise<void> {
  const actor = await requireUser();
  const parsed = ZApplicationIdSchema.safeParse({ applicationId: formData.get('applicationId') });
  if (!parsed.success) pageNotFound();
  const result = await withdrawApplication({ actor, applicationId: parsed.data.applicationId });
  if (!result.ok && result.error === 'not_found') pageNotFound();
  redirect(
    `/assistance/${parsed.data.applicationId}?${result.ok ? 'withdrawn=1' : 'error=not_editable'}`,
  );
}
