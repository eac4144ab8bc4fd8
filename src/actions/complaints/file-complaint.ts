'use server';

import { redirect } from 'next/navigation';
import { headers } from 'next/headers';
import { getLocale } from '@/i18n/server';
import { parseFormData, safeValues, type TFormState } from '@/actions/form-state';
import { toLocale } from '@/lib/locale';
import { getActor, requireUser } from '@/server/auth';
import { clientIpFrom } from '@/server/auth/client-ip';
import { fileComplaint, signReceipt } from '@/server/complaints';
import { ZFileComplaintSchema, ZReportSchema, DESCRIPTION_MAX } from './complaint-forms.schema';
import { chosenFiles, uploadErrorState } from './upload-error-state';

const DOMAIN_FIELD = {
  account: 'accountId',
  sub_type: 'subType',
  description: 'description',
  location: 'location',
  district: 'districtId',
} as const;

function tooLong(formData: FormData, values: Record<string, string>): TFormState | null {
  const description = String(formData.get('description') ?? '').trim();
  if (description.length <= DESCRIPTION_MAX) return null;
  return {
    status: 'error',
    fieldErrors: { description: ['complaints.errors.descriptionTooLong'] },
    messageValues: { max: DESCRIPTION_MAX, length: description.length },
    values,
  };
}

/**
 * A signed-in resident files a case (multipart form, works without JavaScript). On success the
 * case page opens with the acknowledgement (reference and deadline).
 */
export async function fileComplaintAction(
  _prev: TFormState,
  formData: FormData,
): Promise<TFormState> {
  const actor = await requireUser();
  // Descriptions are long: keep up to the limit (safeValues cuts fields at 500 characters).
  const values = {
    ...safeValues(formData),
    description: String(formData.get('description') ?? '').slice(0, DESCRIPTION_MAX),
  };
  const long = tooLong(formData, values);
  if (long) return long;
  const parsed = parseFormData(ZFileComplaintSchema, formData);
  if (!parsed.ok) return { ...parsed.state, values };
  const result = await fileComplaint({
    actor,
    ip: actor.ip,
    locale: toLocale(await getLocale()),
    ...parsed.data,
    location: parsed.data.location || null,
    contactEmail: null,
    files: chosenFiles(formData),
  });
  if (result.ok) redirect(`/complaints/${result.complaintId}?filed=1`);
  if (result.error === 'attachments') return uploadErrorState(result, values);
  if (result.error === 'throttled' || result.error === 'sign_in')
    return { status: 'error', message: 'complaints.errors.category', values };
  return {
    status: 'error',
    fieldErrors: {
      [DOMAIN_FIELD[result.error]]: [
        `complaints.errors.${result.error === 'sub_type' ? 'subType' : result.error}`,
      ],
    },
    values,
  };
}

/** An illegal-use report (违章举报) from anyone, signed in or not; throttled per IP. */
export async function fileReportAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await getActor();
  const values = {
    ...safeValues(formData),
    description: String(formData.get('description') ?? '').slice(0, DESCRIPTION_MAX),
  };
  const long = tooLong(formData, values);
  if (long) return long;
  const parsed = parseFormData(ZReportSchema, formData);
  if (!parsed.ok) return { ...parsed.state, values };
  const result = await fileComplaint({
    actor,
    ip: actor?.ip ?? clientIpFrom(await headers()),
    locale: toLocale(await getLocale()),
    category: 'illegal_use',
    subType: parsed.data.subType,
    accountId: null,
    reportedDistrictId: parsed.data.districtId,
    location: parsed.data.location,
    contactEmail: parsed.data.contactEmail || null,
    description: parsed.data.description,
    files: chosenFiles(formData),
  });
  if (result.ok) {
    if (actor) redirect(`/complaints/${result.complaintId}?filed=1`);
    const token = signReceipt(
      result.reference,
      result.answerDueAt,
      Boolean(parsed.data.contactEmail),
    );
    redirect(`/report/received?r=${encodeURIComponent(token)}`);
  }
  if (result.error === 'attachments') return uploadErrorState(result, values);
  if (result.error === 'throttled')
    return {
      status: 'error',
      message: 'complaints.errors.throttled',
      messageValues: { minutes: result.retryAfterMinutes },
      values,
    };
  const error =
    result.error === 'account' || result.error === 'sign_in' ? 'description' : result.error;
  return {
    status: 'error',
    fieldErrors: {
      [DOMAIN_FIELD[error]]: [`complaints.errors.${error === 'sub_type' ? 'subType' : error}`],
    },
    values,
  };
}
