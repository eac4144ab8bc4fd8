'use server';

import { redirect } from 'next/navigation';
import { requireStaff } from '@/server/auth';
import { startBillingRun } from '@/server/billing';
import { ZStartBillingRunSchema } from './billing-forms.schema';
import { notFoundWithoutPermission } from '@/actions/not-found-without-permission';

/** Starts (or joins) the run for a utility and month, then shows its progress. */
export async function startBillingRunAction(formData: FormData): Promise<void> {
  const actor = await requireStaff();
  const parsed = ZStartBillingRunSchema.safeParse({
    utility: formData.get('utility') ?? '',
    month: formData.get('month') ?? '',
  });
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? 'month');
    redirect(`/staff/billing?error=${field === 'utility' ? 'utility' : 'month'}`);
  }
  const result = await startBillingRun({
    actor,
    utility: parsed.data.utility,
    period: `${parsed.data.month}-01`,
  }).catch(notFoundWithoutPermission);
  if (!result.ok) {
    const code = result.error === 'billing.period_future' ? 'future' : 'month';
    redirect(`/staff/billing?error=${code}&month=${encodeURIComponent(parsed.data.month)}`);
  }
  redirect(`/staff/billing/runs/${result.runId}?started=${result.outcome}`);
}
