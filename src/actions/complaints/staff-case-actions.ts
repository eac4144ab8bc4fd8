'use server';

import { redirect } from 'next/navigation';
import { parseFormData, safeValues, type TFormState } from '@/actions/form-state';
import { requirePermission } from '@/server/auth';
import {
  addStaffComment,
  assignComplaint,
  changeComplaintStatus,
  routeComplaint,
} from '@/server/complaints';
import { pageNotFound } from '@/lib/page-not-found';
import {
  DESCRIPTION_MAX,
  ZAssignSchema,
  ZRouteSchema,
  ZStaffCommentSchema,
  ZStatusSchema,
} from './complaint-forms.schema';

const caseUrl = (id: number, query: string) => `/staff/complaints/${id}?${query}`;

function keptValues(formData: FormData) {
  return {
    ...safeValues(formData),
    body: String(formData.get('body') ?? '').slice(0, DESCRIPTION_MAX),
  };
}

/** A reply to the resident or an internal note (the form's `visibility`). */
export async function staffCommentAction(
  _prev: TFormState,
  formData: FormData,
): Promise<TFormState> {
  const actor = await requirePermission('handle:complaint:any');
  const values = keptValues(formData);
  const parsed = parseFormData(ZStaffCommentSchema, formData);
  if (!parsed.ok) return { ...parsed.state, values, messageValues: { max: DESCRIPTION_MAX } };
  const result = await addStaffComment({ actor, ...parsed.data });
  if (result.ok) redirect(caseUrl(parsed.data.complaintId, 'saved=1'));
  if (result.error === 'not_found') pageNotFound();
  return {
    status: 'error',
    message: result.error === 'closed' ? 'complaints.errors.caseClosed' : undefined,
    fieldErrors: result.error === 'body' ? { body: ['complaints.errors.body'] } : undefined,
    messageValues: { max: DESCRIPTION_MAX },
    values,
  };
}

export async function changeStatusAction(
  _prev: TFormState,
  formData: FormData,
): Promise<TFormState> {
  const actor = await requirePermission('handle:complaint:any');
  const values = keptValues(formData);
  const parsed = parseFormData(ZStatusSchema, formData);
  if (!parsed.ok) return { ...parsed.state, values, messageValues: { max: DESCRIPTION_MAX } };
  const result = await changeComplaintStatus({ actor, ...parsed.data });
  if (result.ok)
    redirect(
      caseUrl(parsed.data.complaintId, parsed.data.status === 'closed' ? 'closed=1' : 'saved=1'),
    );
  if (result.error === 'not_found') pageNotFound();
  if (result.error === 'answer_required' || result.error === 'body')
    return {
      status: 'error',
      fieldErrors: {
        body: [
          result.error === 'body'
            ? 'complaints.errors.descriptionTooLong'
            : 'complaints.errors.answerRequired',
        ],
      },
      messageValues: { max: DESCRIPTION_MAX, length: parsed.data.body.length },
      values,
    };
  return {
    status: 'error',
    message:
      result.error === 'same' ? 'complaints.errors.sameStatus' : 'complaints.errors.caseClosed',
    values,
  };
}

/** Assign (plain form, redirect with the outcome). */
export async function assignComplaintAction(formData: FormData): Promise<void> {
  const actor = await requirePermission('handle:complaint:any');
  const parsed = ZAssignSchema.safeParse({
    complaintId: formData.get('complaintId'),
    assigneeUserId: formData.get('assigneeUserId') ?? '',
  });
  if (!parsed.success) pageNotFound();
  const result = await assignComplaint({ actor, ...parsed.data });
  if (!result.ok && result.error === 'not_found') pageNotFound();
  redirect(caseUrl(parsed.data.complaintId, result.ok ? 'saved=1' : `error=${result.error}`));
}

/** Route to another department (plain form, redirect with the outcome). */
export async function routeComplaintAction(formData: FormData): Promise<void> {
  const actor = await requirePermission('handle:complaint:any');
  const parsed = ZRouteSchema.safeParse({
    complaintId: formData.get('complaintId'),
    department: formData.get('department') ?? '',
  });
  if (!parsed.success) pageNotFound();
  const result = await routeComplaint({ actor, ...parsed.data });
  if (!result.ok && result.error === 'not_found') pageNotFound();
  redirect(caseUrl(parsed.data.complaintId, result.ok ? 'saved=1' : `error=${result.error}`));
}
