'use server';

import { redirect } from 'next/navigation';
import { pageNotFound } from '@/lib/page-not-found';
import { requireUser } from '@/server/auth';
import { saveApplication } from '@/server/assistance';
import { ZApplicationIdSchema } from './assistance-forms.schema';

/**
 * Saves the draft ("save for later") or submits it. Answers come as `q_<questionId>` fields.
 * A refused submission keeps everything typed (saved as the draft first) and comes back with
 * the fields to fix in the address, so it works without JavaScript.
 */
export async function saveApplicationAction(formData: FormData): Promise<void> {
  const actor = await requireUser();
  const parsed = ZApplicationIdSchema.safeParse({ applicationId: formData.get('applicationId') });
  if (!parsed.success) pageNotFound();
  const { applicationId } = parsed.data;
  const answers: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith('q_') && typeof value === 'string') answers[key.slice(2)] = value;
  }
  const accountIds = formData
    .getAll('accountIds')
    .map((v) => Number(v))
    .filter((v) => Number.isInteger(v) && v > 0);
  const submit = formData.get('intent') === 'submit';
  const result = await saveApplication({ actor, applicationId, answers, accountIds, submit });
  if (result.ok) {
    if (result.status === 'draft') redirect(`/assistance/${applicationId}?saved=1`);
    redirect(`/assistance/${applicationId}?submitted=${result.alreadySubmitted ? 'again' : '1'}`);
  }
  if (result.error === 'not_found') pageNotFound();
  if (result.error !== 'incomplete') redirect(`/assistance/${applicationId}?error=not_editable`);
  const fields = Object.keys(result.fieldErrors).join(',');
  redirect(`/assistance/${applicationId}?missing=${encodeURIComponent(fields)}`);
}
