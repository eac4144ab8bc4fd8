'use server';

import { redirect } from 'next/navigation';
import { parseFormData, safeValues, type TFormState } from '@/actions/form-state';
import { requirePermission } from '@/server/auth';
import { fileForAccount } from '@/server/assistance';
import { checkUploads } from '@/server/files';
import { ZFileForAccountSchema } from './assistance-forms.schema';

const E = 'assistance.fileAccount.errors';

/**
 * A community service officer files for a household without a portal login (account number,
 * the code on the bill, the holder's name, consent, a phone). Works without JavaScript: the
 * form posts here and renders the returned state with what was typed (never the code).
 */
export async function fileForAccountAction(
  _prev: TFormState,
  formData: FormData,
): Promise<TFormState> {
  const actor = await requirePermission('file:assistance:behalf');
  const values = safeValues(formData);
  const parsed = parseFormData(ZFileForAccountSchema, formData);
  if (!parsed.ok) return parsed.state;
  const upload = await checkUploads(formData.getAll('consentForm'), { maxFiles: 1 });
  if (!upload.ok) {
    return {
      status: 'error',
      fieldErrors: { consentForm: [`assistance.errors.upload.${upload.error}`] },
      values,
    };
  }
  const result = await fileForAccount({
    actor,
    ...parsed.data,
    consentNote: parsed.data.consentNote || null,
    consentForm: upload.files[0] ?? null,
  });
  if (result.ok) redirect(`/assistance/${result.applicationId}?started=1`);
  if (result.error === 'throttled') {
    return {
      status: 'error',
      message: 'accounts.link.errors.throttled',
      messageValues: { minutes: result.retryAfterMinutes },
      values,
    };
  }
  if (result.error === 'consent_form') {
    return { status: 'error', fieldErrors: { consentForm: [`${E}.consentForm`] }, values };
  }
  return { status: 'error', message: `${E}.${result.error}`, values };
}
