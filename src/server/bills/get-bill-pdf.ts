import 'server-only';
import type { TLocale } from '@/lib/locale';
import type { TActor } from '../auth/actor';
import { getBill } from './get-bill';
import { renderBillPdf } from './render-bill-pdf';

/**
 * The actor's bill as a PDF in their language, with a file name that says what it is
 * (wanjia-electricity-2000000001-2025-07.pdf); null when the bill is not theirs.
 */
export async function getBillPdf(input: {
  actor: TActor;
  billId: number;
  locale: TLocale;
}): Promise<{ pdf: Buffer; fileName: string } | null> {
  const bill = await getBill({ actor: input.actor, billId: input.billId });
  if (!bill) return null;
  return {
    pdf: await renderBillPdf({ bill, locale: input.locale }),
    fileName: `wanjia-${bill.utility}-${bill.account.accountNumber}-${bill.period.slice(0, 7)}.pdf`,
  };
}
