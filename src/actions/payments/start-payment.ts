'use server';

import { redirect } from 'next/navigation';
import { requestOrigin } from '@/actions/request-origin';
import { pageNotFound } from '@/lib/page-not-found';
import { requireUser } from '@/server/auth';
import { startCheckoutPayment } from '@/server/payments';
import { safeReturnPath, ZStartPaymentSchema } from './payment-forms.schema';

/**
 * "Pay this bill" / "Pay the whole balance": the server works out the amount and sends the
 * payer to Checkout by a full redirect (303). Nothing is paid until the provider says so.
 */
export async function startPaymentAction(formData: FormData): Promise<void> {
  const actor = await requireUser();
  const back = safeReturnPath(formData.get('returnTo'));
  const parsed = ZStartPaymentSchema.safeParse({
    accountId: formData.get('accountId') ?? '',
    scope: formData.get('scope') ?? '',
    billId: formData.get('billId') ?? '',
  });
  if (!parsed.success) pageNotFound();
  const { accountId, scope, billId } = parsed.data;
  const { locale } = await requestOrigin();
  const result = await startCheckoutPayment({
    payer: { kind: 'resident', actor },
    accountId,
    scope,
    billId: typeof billId === 'number' ? billId : undefined,
    locale,
  });
  if (result.ok) redirect(result.redirectTo);
  if (result.error === 'not_found') pageNotFound();
  if (result.error === 'in_progress') redirect(`/payments/${result.paymentId}`);
  redirect(`${back}?payment=${result.error}`);
}
