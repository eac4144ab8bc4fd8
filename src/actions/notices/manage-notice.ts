'use server';

import { redirect } from 'next/navigation';
import { pageNotFound } from '@/lib/page-not-found';
import { requireStaff } from '@/server/auth';
import { cancelNotice, publishNotice, withdrawNotice } from '@/server/notices';
import { ZCancelNoticeSchema, ZNoticeIdSchema, ZWithdrawNoticeSchema } from './save-notice.schema';
import { notFoundWithoutPermission } from '@/actions/not-found-without-permission';

/** Publishes a saved draft; a lead-time or timing problem comes back to the notice's page. */
export async function publishNoticeAction(formData: FormData): Promise<void> {
  const actor = await requireStaff();
  const parsed = ZNoticeIdSchema.safeParse({ noticeId: formData.get('noticeId') });
  if (!parsed.success) pageNotFound();
  const { noticeId } = parsed.data;
  const result = await publishNotice({ actor, noticeId }).catch(notFoundWithoutPermission);
  if (!result.ok) {
    if (result.error === 'not_found') pageNotFound();
    const [problem] = Object.values(result.fields);
    const params = new URLSearchParams({ error: problem?.code ?? 'generic' });
    redirect(`/staff/notices/${noticeId}?${params.toString()}`);
  }
  redirect(`/staff/notices/${noticeId}?done=published`);
}

/** Withdraws a published notice; the reason is required and kept. */
export async function withdrawNoticeAction(formData: FormData): Promise<void> {
  const actor = await requireStaff();
  const idOnly = ZNoticeIdSchema.safeParse({ noticeId: formData.get('noticeId') });
  if (!idOnly.success) pageNotFound();
  const parsed = ZWithdrawNoticeSchema.safeParse({
    noticeId: formData.get('noticeId'),
    reason: formData.get('reason') ?? '',
  });
  if (!parsed.success) {
    const code = String(parsed.error.issues[0]?.message ?? '').endsWith('tooLong')
      ? 'reasonTooLong'
      : 'withdrawReason';
    redirect(`/staff/notices/${idOnly.data.noticeId}?error=${code}`);
  }
  const result = await withdrawNotice({ actor, ...parsed.data }).catch(notFoundWithoutPermission);
  if (!result.ok) pageNotFound();
  redirect(`/staff/notices/${parsed.data.noticeId}?done=withdrawn`);
}

/**
 * Cancels a published notice with the reason residents will read; residents already told hear
 * of it. A notice that can no longer change (already cancelled, withdrawn, ended) says so.
 */
export async function cancelNoticeAction(formData: FormData): Promise<void> {
  const actor = await requireStaff();
  const idOnly = ZNoticeIdSchema.safeParse({ noticeId: formData.get('noticeId') });
  if (!idOnly.success) pageNotFound();
  const { noticeId } = idOnly.data;
  const parsed = ZCancelNoticeSchema.safeParse({
    noticeId,
    reason: formData.get('cancelReason') ?? '',
  });
  if (!parsed.success) {
    const code = String(parsed.error.issues[0]?.message ?? '').endsWith('tooLong')
      ? 'cancelReasonTooLong'
      : 'cancelReason';
    redirect(`/staff/notices/${noticeId}?error=${code}`);
  }
  const result = await cancelNotice({ actor, ...parsed.data }).catch(notFoundWithoutPermission);
  if (!result.ok) {
    if (result.error === 'not_found') pageNotFound();
    const code = result.error === 'reason' ? 'cancelReason' : `notRevisable.${result.reason}`;
    redirect(`/staff/notices/${noticeId}?error=${code}`);
  }
  redirect(`/staff/notices/${noticeId}?done=cancelled`);
}
