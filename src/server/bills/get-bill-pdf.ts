import 'server-only';
import type { TLocale } from '@/lib/locale';
import type { TActor } from '../auth/actor';
import { getBill } from './get-bill';
import { renderBillPdf } from './render-bill-pdf';

/** The actor's bill as a PDF in their language; null when the bill is not theirs. */
export async function getBillPdf(input: {
  actor: TActor;
  billId: number;
  locale: TLocale;
}): Promise<Buffer | null> {
  const bill = await getBill({ actor: input.actor, billId: input.billId });
  if (!bill) return null;
  return renderBillPdf({ bill, locale: input.locale });
}
