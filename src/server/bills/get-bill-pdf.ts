import 'server-only';
import type { TLocale } from '@/lib/locale';
import type { TActor } from '../auth/actor';
import { getBill } from './get-bill';
import { runOutsideRequests } from '../process/outside-requests';

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
  // react-pdf, its fonts and its hyphenation load when a PDF is first asked for, not with every
  // page that imports this capability (that made each such page an async module and loaded the
  // renderer on its first view); outside the request, so the module the process keeps does not
  // keep this request (src/server/process/outside-requests.ts).
  const { renderBillPdf } = await runOutsideRequests(() => import('./render-bill-pdf'));
  return {
    pdf: await renderBillPdf({ bill, locale: input.locale }),
    fileName: `wanjia-${bill.utility}-${bill.account.accountNumber}-${bill.period.slice(0, 7)}.pdf`,
  };
}
