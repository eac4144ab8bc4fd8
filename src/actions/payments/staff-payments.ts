'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { fenFromYuan } from '@/lib/money';
import { pageNotFound } from '@/lib/page-not-found';
import { requirePermission } from '@/server/auth';
import { decideRefund, reconcilePayments, requestRefund } from '@/server/payments';

const ZPaymentId = z.string().regex(/^pay_[a-z2-7]{26}$/);
const ZRefundId = z.string().regex(/^rf_[a-z2-7]{26}$/);

const ZRequestRefundSchema = z.object({
  amount: z
    .string()
    .trim()
    .regex(/^\d{1,7}(\.\d{1,2})?$/, 'amount')
    .refine((v) => fenFromYuan(v) > 0, 'amount'),
  reason: z.string().trim().min(1, 'reason').max(500, 'reason'),
});

/** Billing staff refund part or all of a payment; the reason is required. */
export async function requestRefundAction(formData: FormData): Promise<void> {
  const actor = await requirePermission('refund:payment:any');
  const paymentId = ZPaymentId.safeParse(formData.get('paymentId'));
  if (!paymentId.success) pageNotFound();
  const page = `/staff/payments/${paymentId.data}`;
  const parsed = ZRequestRefundSchema.safeParse({
    amount: formData.get('amount') ?? '',
    reason: formData.get('reason') ?? '',
  });
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? 'amount');
    redirect(`${page}?error=${field === 'reason' ? 'reason' : 'amount'}`);
  }
  const result = await requestRefund({
    actor,
    paymentId: paymentId.data,
    amountFen: fenFromYuan(parsed.data.amount),
    reason: parsed.data.reason,
  });
  if (!result.ok) {
    if (result.error === 'not_found') pageNotFound();
    redirect(`${page}?error=${result.error === 'too_much' ? 'too_much' : result.error}`);
  }
  redirect(`${page}?refund=${result.status}`);
}

/** The second staff member approves or rejects a large refund. */
export async function decideRefundAction(formData: FormData): Promise<void> {
  const actor = await requirePermission('approve:refund:any');
  const refundId = ZRefundId.safeParse(formData.get('refundId'));
  if (!refundId.success) pageNotFound();
  const decision = formData.get('decision') === 'approve' ? 'approve' : 'reject';
  const note = String(formData.get('note') ?? '')
    .trim()
    .slice(0, 500);
  const result = await decideRefund({
    actor,
    refundId: refundId.data,
    decision,
    note: note || undefined,
  });
  if (!result.ok && result.error === 'not_found') pageNotFound();
  redirect(`/staff/payments?decided=${result.ok ? result.status : result.error}`);
}

/** Runs the reconciliation now (it also runs every 15 minutes) and shows its report. */
export async function reconcileNowAction(): Promise<void> {
  const actor = await requirePermission('reconcile:payment:any');
  const summary = await reconcilePayments({ startedByUserId: actor.userId });
  redirect(`/staff/payments?reconciled=${summary.id}#reconciliation`);
}
