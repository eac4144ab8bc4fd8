'use server';

import { redirect } from 'next/navigation';
import { pageNotFound } from '@/lib/page-not-found';
import { requireStaff } from '@/server/auth';
import { resolveBillingException } from '@/server/billing';
import { ZResolveBillingExceptionSchema } from './billing-forms.schema';
import { notFoundWithoutPermission } from '@/actions/not-found-without-permission';

/** Corrects or releases one held-back month; the account is billed at once. */
export async function resolveBillingExceptionAction(formData: FormData): Promise<void> {
  const actor = await requireStaff();
  const parsed = ZResolveBillingExceptionSchema.safeParse({
    exceptionId: formData.get('exceptionId') ?? '',
    runId: formData.get('runId') ?? '',
    action: formData.get('action') ?? '',
    usage: formData.get('usage') ?? '',
    note: formData.get('note') ?? '',
  });
  if (!parsed.success) {
    const runId = Number(formData.get('runId'));
    const exceptionId = Number(formData.get('exceptionId'));
    if (!Number.isInteger(runId) || runId <= 0) pageNotFound();
    const field = String(parsed.error.issues[0]?.path[0] ?? 'usage');
    // No #fragment: a URL fragment makes the browser skip autofocus, and the field in error
    // must get the focus (autofocus scrolls it into view as well).
    redirect(
      `/staff/billing/runs/${runId}?error=${field === 'note' ? 'note' : 'usage'}&exception=${exceptionId}`,
    );
  }
  const { exceptionId, runId, action, usage, note } = parsed.data;
  const result = await resolveBillingException({
    actor,
    exceptionId,
    action,
    usage: action === 'correct' ? usage : undefined,
    note: note || null,
  }).catch(notFoundWithoutPermission);
  if (!result.ok) {
    if (result.error === 'billing.exception_not_found') pageNotFound();
    redirect(`/staff/billing/runs/${runId}?done=already`);
  }
  const done = result.billed ? (action === 'correct' ? 'corrected' : 'released') : 'unbilled';
  redirect(`/staff/billing/runs/${result.runId}?done=${done}`);
}
