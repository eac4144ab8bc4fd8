'use server';

import { redirect } from 'next/navigation';
import { pageNotFound } from '@/lib/page-not-found';
import { requireUser } from '@/server/auth';
import { uploadApplicationDocuments } from '@/server/assistance';
import { checkUploads } from '@/server/files';
import { MAX_DOCUMENTS_PER_UPLOAD, ZApplicationIdSchema } from './assistance-forms.schema';

/**
 * Uploads documents for one requirement. A wrong type (by content), an empty or too large file
 * is refused as a whole with the reason beside that document's field; nothing is stored and the
 * application is as it was.
 */
export async function uploadDocumentAction(formData: FormData): Promise<void> {
  const actor = await requireUser();
  const parsed = ZApplicationIdSchema.safeParse({ applicationId: formData.get('applicationId') });
  if (!parsed.success) pageNotFound();
  const { applicationId } = parsed.data;
  const requirement = String(formData.get('requirement') ?? '').slice(0, 50);
  const back = (query: string) =>
    redirect(`/assistance/${applicationId}?${query}&req=${encodeURIComponent(requirement)}`);
  const check = await checkUploads(formData.getAll('file'), {
    maxFiles: MAX_DOCUMENTS_PER_UPLOAD,
  });
  if (!check.ok) back(`upload=${check.error}`);
  else if (check.files.length === 0) back('upload=none');
  else {
    const result = await uploadApplicationDocuments({
      actor,
      applicationId,
      requirement,
      files: check.files,
    });
    if (!result.ok && result.error === 'not_found') pageNotFound();
    if (!result.ok) back(`upload=${result.error}`);
    back(`uploaded=${check.files.length}`);
  }
}
