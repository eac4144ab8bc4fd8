'use server';

import { redirect } from 'next/navigation';
import { pageNotFound } from '@/lib/page-not-found';
import { requireUser } from '@/server/auth';
import { removeApplicationDocument } from '@/server/assistance';
import { ZRemoveDocumentSchema } from './assistance-forms.schema';

export async function removeDocumentAction(formData: FormData): Promise<void> {
  const actor = await requireUser();
  const parsed = ZRemoveDocumentSchema.safeParse({
    applicationId: formData.get('applicationId'),
    documentId: formData.get('documentId'),
  });
  if (!parsed.success) pageNotFound();
  const result = await removeApplicationDocument({ actor, ...parsed.data });
  if (!result.ok && result.error === 'not_found') pageNotFound();
  redirect(
    `/assistance/${parsed.data.applicationId}?${result.ok ? 'removed=1' : 'error=not_editable'}`,
  );
}
