'use server';

import { redirect } from 'next/navigation';
import { pageNotFound } from '@/lib/page-not-found';
import { requireUser } from '@/server/auth';
import { answerInfoRequest } from '@/server/assistance';
import { ZAnswerInfoSchema } from './assistance-forms.schema';

export async function answerInfoRequestAction(formData: FormData): Promise<void> {
  const actor = await requireUser();
  const applicationId = Number(formData.get('applicationId'));
  if (!Number.isInteger(applicationId) || applicationId <= 0) pageNotFound();
  const parsed = ZAnswerInfoSchema.safeParse({
    applicationId,
    message: formData.get('message') ?? '',
  });
  if (!parsed.success) {
    redirect(
      `/assistance/${applicationId}?reply=${parsed.error.issues[0]?.message ?? 'answerRequired'}`,
    );
  }
  const result = await answerInfoRequest({ actor, ...parsed.data });
  if (!result.ok && result.error === 'not_found') pageNotFound();
  redirect(`/assistance/${applicationId}?${result.ok ? 'answered=1' : 'error=not_editable'}`);
}
