'use server';

import { redirect } from 'next/navigation';
import { parseFormData, safeValues, type TFormState } from '@/actions/form-state';
import { requireUser } from '@/server/auth';
import { addResidentMessage, rateComplaint, reopenComplaint } from '@/server/complaints';
import { pageNotFound } from '@/lib/page-not-found';
import { DESCRIPTION_MAX, ZCaseMessageSchema, ZRateSchema } from './complaint-forms.schema';
import { chosenFiles, uploadErrorState } from './upload-error-state';

function keptValues(formData: FormData) {
  return {
    ...safeValues(formData),
    body: String(formData.get('body') ?? '').slice(0, DESCRIPTION_MAX),
  };
}

/**
 * The resident's reply on their case. On a closed case the answer is an offer to reopen it
 * with the same text (intent=reopen), allowed once.
 */
export async function residentReplyAction(
  _prev: TFormState,
  formData: FormData,
): Promise<TFormState> {
  const actor = await requireUser();
  const values = keptValues(formData);
  const parsed = parseFormData(ZCaseMessageSchema, formData);
  if (!parsed.ok) return { ...parsed.state, values, messageValues: { max: DESCRIPTION_MAX } };
  const { complaintId, body } = parsed.data;
  if (formData.get('intent') === 'reopen') {
    const result = await reopenComplaint({ actor, complaintId, body });
    if (result.ok) redirect(`/complaints/${complaintId}?reopened=1`);
    if (result.error === 'not_found') pageNotFound();
    const key =
      result.error === 'already_reopened'
        ? 'alreadyReopened'
        : result.error === 'body'
          ? 'body'
          : 'notClosed';
    return {
      status: 'error',
      message: `complaints.errors.${key}`,
      messageValues: { max: DESCRIPTION_MAX },
      values,
    };
  }
  const result = await addResidentMessage({
    actor,
    complaintId,
    body,
    files: chosenFiles(formData),
  });
  if (result.ok) redirect(`/complaints/${complaintId}?replied=1#timeline`);
  if (result.error === 'not_found') pageNotFound();
  if (result.error === 'attachments') return uploadErrorState(result, values);
  if (result.error === 'closed')
    return {
      status: 'error',
      message: result.canReopen ? 'complaints.errors.closed' : 'complaints.errors.alreadyReopened',
      messageValues: { reopen: result.canReopen ? 1 : 0 },
      values,
    };
  return {
    status: 'error',
    fieldErrors: { body: ['complaints.errors.body'] },
    messageValues: { max: DESCRIPTION_MAX },
    values,
  };
}

/** The 1–5 rating of a closed case, once. */
export async function rateComplaintAction(
  _prev: TFormState,
  formData: FormData,
): Promise<TFormState> {
  const actor = await requireUser();
  const values = safeValues(formData);
  const parsed = parseFormData(ZRateSchema, formData);
  if (!parsed.ok) return { ...parsed.state, messageValues: { max: 1000 } };
  const result = await rateComplaint({ actor, ...parsed.data });
  if (result.ok)
    redirect(`/complaints/${parsed.data.complaintId}?rated=${result.reopened ? 'reopened' : '1'}`);
  if (result.error === 'not_found') pageNotFound();
  const key = {
    already_rated: 'alreadyRated',
    not_closed: 'notClosed',
    rating: 'rating',
    comment: 'comment',
  }[result.error];
  return {
    status: 'error',
    message: `complaints.errors.${key}`,
    messageValues: { max: 1000 },
    values,
  };
}
