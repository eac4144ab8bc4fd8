import { useLocale, useTranslations } from '@/i18n/server';
import { formatFen } from '@/lib/money';
import { toLocale } from '@/lib/locale';
import { renderBillLine, type TBillDetail } from '@/server/bills';

/** Every stored line of a bill as a sentence with its amount, and the total. */
export function BillLinesTable({ bill }: { bill: TBillDetail }) {
  const t = useTranslations();
  const locale = toLocale(useLocale());
  const money = (fen: number) => formatFen(fen, locale, bill.currency);
  return (
    <table className="w-full border-collapse">
      <caption className="text-muted mb-2 text-left">{t('bills.detail.linesCaption')}</caption>
      <thead>
        <tr className="border-b-2 border-slate-300 text-left">
          <th scope="col" className="py-2 pr-4">
            {t('bills.detail.columns.item')}
          </th>
          <th scope="col" className="py-2 text-right">
            {t('bills.detail.columns.amount')}
          </th>
        </tr>
      </thead>
      <tbody>
        {bill.lines.map((line) => (
          <tr key={line.lineNo} className="border-b border-slate-200 align-top">
            <td className="py-2 pr-4">{renderBillLine(line, t, locale, bill.currency)}</td>
            <td className="py-2 text-right whitespace-nowrap tabular-nums">
              {money(line.amountFen)}
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr className="font-semibold">
          <th scope="row" className="py-2 pr-4 text-left">
            {t('bills.detail.linesTotal')}
          </th>
          <td className="py-2 text-right whitespace-nowrap tabular-nums">{money(bill.totalFen)}</td>
        </tr>
      </tfoot>
    </table>
  );
}
