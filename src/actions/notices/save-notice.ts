'use server';

import { redirect } from 'next/navigation';
import { fieldErrorsFrom, type TFormState } from '@/actions/form-state';
import { pageNotFound } from '@/lib/page-not-found';
import { requireStaff } from '@/server/auth';
import { saveNotice } from '@/server/notices';
import { ZSaveNoticeSchema } from './save-notice.schema';
import { noticeFieldErrorState, readNoticeForm } from './read-notice-form';
import { notFoundWithoutPermission } from '@/actions/not-found-without-permission';

/**
 * Saves the notice form as a draft or publishes it. Errors come back beside their fields
 * (lead time, end before start, unknown accounts) with everything typed kept; works without
 * JavaScript (React posts the form and renders the returned state).
 */
export async function saveNoticeAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await requireStaff();
  const { values, fields } = readNoticeForm(formData);
  const parsed = ZSaveNoticeSchema.safeParse(fields);
  if (!parsed.success) {
    return { status: 'error', fieldErrors: fieldErrorsFrom(parsed.error), values };
  }
  const { noticeId, intent, ...notice } = parsed.data;
  const result = await saveNotice({ actor, noticeId, notice, publish: intent === 'publish' }).catch(
    notFoundWithoutPermission,
  );
  if (!result.ok) {
    if (result.error === 'not_found') pageNotFound();
    return noticeFieldErrorState(result.fields, values);
  }
  redirect(`/staff/notices/${result.noticeId}?done=${result.published ? 'published' : 'saved'}`);
}
