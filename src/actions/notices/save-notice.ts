'use server';

import { redirect } from 'next/navigation';
import { fieldErrorsFrom, safeValues, type TFormState } from '@/actions/form-state';
import { pageNotFound } from '@/lib/page-not-found';
import { PermissionError, requireStaff } from '@/server/auth';
import { saveNotice } from '@/server/notices';
import { NOTICE_BODY_MAX, ZSaveNoticeSchema } from './save-notice.schema';

/**
 * Saves the notice form as a draft or publishes it. Errors come back beside their fields
 * (lead time, end before start, unknown accounts) with everything typed kept; works without
 * JavaScript (React posts the form and renders the returned state).
 */
export async function saveNoticeAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await requireStaff();
  const long = (name: string) => String(formData.get(name) ?? '').slice(0, NOTICE_BODY_MAX + 1_000);
  const values = {
    ...safeValues(formData),
    // safeValues cuts at 500 characters; the notice texts are kept whole so nothing is lost.
    bodyZh: long('bodyZh'),
    bodyEn: long('bodyEn'),
    // safeValues keeps one value per name; the ticked districts are a list.
    districtIds: formData.getAll('districtIds').map(String).join(','),
    accountNumbers: String(formData.get('accountNumbers') ?? '').slice(0, 6_000),
  };
  const field = (name: string) => {
    const value = formData.get(name);
    return typeof value === 'string' ? value : '';
  };
  const parsed = ZSaveNoticeSchema.safeParse({
    noticeId: field('noticeId'),
    intent: field('intent'),
    kind: field('kind'),
    utility: field('utility'),
    titleZh: field('titleZh'),
    titleEn: field('titleEn'),
    bodyZh: field('bodyZh'),
    bodyEn: field('bodyEn'),
    startsAt: field('startsAt'),
    endsAt: field('endsAt'),
    emergency: field('emergency'),
    emergencyReason: field('emergencyReason'),
    districtIds: formData.getAll('districtIds').map(String),
    accountNumbers: field('accountNumbers'),
  });
  if (!parsed.success) {
    return { status: 'error', fieldErrors: fieldErrorsFrom(parsed.error), values };
  }
  const { noticeId, intent, ...notice } = parsed.data;
  let result;
  try {
    result = await saveNotice({ actor, noticeId, notice, publish: intent === 'publish' });
  } catch (error) {
    if (error instanceof PermissionError) pageNotFound();
    throw error;
  }
  if (!result.ok) {
    if (result.error === 'not_found') pageNotFound();
    const fieldErrors: Record<string, string[]> = {};
    const messageValues: Record<string, string | number> = {};
    for (const [name, problem] of Object.entries(result.fields)) {
      fieldErrors[name] = [`notices.errors.${problem.code}`];
      Object.assign(messageValues, problem.values ?? {});
    }
    return { status: 'error', fieldErrors, messageValues, values };
  }
  redirect(`/staff/notices/${result.noticeId}?done=${result.published ? 'published' : 'saved'}`);
}
