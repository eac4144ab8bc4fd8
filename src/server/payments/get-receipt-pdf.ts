import 'server-only';
import type { TLocale } from '@/lib/locale';
import type { TActor } from '../auth/actor';
import type { TPaymentView } from './dto';
import { getPayment } from './get-payment';
import { getPaymentByReceiptToken } from './get-payment-by-receipt-token';
import { runOutsideRequests } from '../process/outside-requests';

const RECEIPT_STATUSES: readonly TPaymentView['status'][] = [
  'succeeded',
  'partially_refunded',
  'refunded',
];

/**
 * The receipt PDF of a payment that went through — the actor's own (by id) or a guest's (by
 * receipt token). Null when it is not theirs, unknown, or not paid (no receipt for money that
 * has not arrived).
 */
export async function getReceiptPdf(
  input: ({ actor: TActor; paymentId: string } | { receiptToken: string }) & { locale: TLocale },
): Promise<{ pdf: Buffer; fileName: string } | null> {
  const payment =
    'receiptToken' in input
      ? await getPaymentByReceiptToken(input.receiptToken)
      : await getPayment({ actor: input.actor, paymentId: input.paymentId });
  if (!payment || !RECEIPT_STATUSES.includes(payment.status)) return null;
  // react-pdf loads on demand, outside the request: why in ../bills/get-bill-pdf.ts.
  const { renderReceiptPdf } = await runOutsideRequests(() => import('./render-receipt-pdf'));
  return {
    pdf: await renderReceiptPdf({ payment, locale: input.locale }),
    fileName: `wanjia-receipt-${payment.account.accountNumber}-${payment.id.slice(4, 12)}.pdf`,
  };
}
