'use server';

import { redirect } from 'next/navigation';
import { fieldErrorsFrom, type TFormState } from '@/actions/form-state';
import { pageNotFound } from '@/lib/page-not-found';
import { requireStaff } from '@/server/auth';
import { reviseNotice } from '@/server/notices';
import { ZReviseNoticeSchema } from './save-notice.schema';
import { noticeFieldErrorState, readNoticeForm } from './read-notice-form';
import { notFoundWithoutPermission } from '@/actions/not-found-without-permission';

/**
 * Revises a published notice (times, texts, targets) with the reason residents will read.
 * Errors come back beside their fields with everything typed kept; a notice that can no longer
 * change (cancelled, withdrawn, ended) or a form that changes nothing gets a message. Works
 * without JavaScript.
 */
export async function reviseNoticeAction(
  _prev: TFormState,
  formData: FormData,
): Promise<TFormState> {
  const actor = await requireStaff();
  const { values, fields } = readNoticeForm(formData);
  const parsed = ZReviseNoticeSchema.safeParse(fields);
  if (!parsed.success) {
    return { status: 'error', fieldErrors: fieldErrorsFrom(parsed.error), values };
  }
  const { noticeId, reason, ...notice } = parsed.data;
  const result = await reviseNotice({ actor, noticeId, notice, reason }).catch(
    notFoundWithoutPermission,
  );
  if (!result.ok) {
    if (result.error === 'not_found') pageNotFound();
    if (result.error === 'not_revisable')
      return { status: 'error', message: `notices.errors.notRevisable.${result.reason}`, values };
    if (result.error === 'unchanged')
      return { status: 'error', message: 'notices.errors.unchanged', values };
    return noticeFieldErrorState(result.fields, values);
  }
  redirect(`/staff/notices/${noticeId}?done=revised`);
}
