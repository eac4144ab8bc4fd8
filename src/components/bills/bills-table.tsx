import Link from '@/components/ui/link';
import { useFormatter, useLocale, useTranslations } from '@/i18n/server';
import { formatFen } from '@/lib/money';
import { toLocale } from '@/lib/locale';
import { formatQuantity, type TAccountBills } from '@/server/bills';
import { billDate } from './bill-dates';
import { BillPaymentStatus } from './bill-payment-status';
import { EstimatedBadge } from './estimated-badge';

/**
 * An account's bills, newest first: month, usage, amount and where each stands with payment.
 * Each month opens the bill at `billHref` (the resident's page, or the staff view). On a phone
 * the usage column gives way (it is on each bill and the usage page), so where a bill stands
 * stays on screen instead of past its right edge.
 */
export function BillsTable({
  bills,
  utility,
  billHref,
}: {
  bills: TAccountBills['bills'];
  utility: TAccountBills['account']['utility'];
  billHref: (billId: number) => string;
}) {
  const t = useTranslations('bills');
  const format = useFormatter();
  const locale = toLocale(useLocale());
  const month = (period: string) =>
    format.dateTime(billDate(period), { year: 'numeric', month: 'long' });
  const unit = t(`unit.${utility}`);
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse">
        <caption className="text-muted mb-2 text-left">{t('list.caption')}</caption>
        <thead>
          <tr className="border-b-2 border-slate-300 text-left">
            <th scope="col" className="py-2 pr-4">
              {t('list.columns.period')}
            </th>
            <th scope="col" className="hidden py-2 pr-4 text-right sm:table-cell">
              {t('list.columns.usage')}
            </th>
            <th scope="col" className="py-2 pr-4 text-right">
              {t('list.columns.amount')}
            </th>
            <th scope="col" className="py-2">
              {t('list.columns.status')}
            </th>
          </tr>
        </thead>
        <tbody>
          {bills.map((bill) => (
            <tr key={bill.id} className="border-b border-slate-200">
              <th scope="row" className="py-2 pr-4 text-left font-normal whitespace-nowrap">
                <Link
                  href={billHref(bill.id)}
                  className="link-action"
                  aria-label={t('list.open', { period: month(bill.period) })}
                >
                  {month(bill.period)}
                </Link>
              </th>
              <td className="hidden py-2 pr-4 text-right whitespace-nowrap tabular-nums sm:table-cell">
                {formatQuantity(bill.usage, locale)} {unit}
                {bill.estimated ? <EstimatedBadge>{t('list.estimated')}</EstimatedBadge> : null}
              </td>
              <td className="py-2 pr-4 text-right whitespace-nowrap tabular-nums">
                {formatFen(bill.totalFen, locale, bill.currency)}
              </td>
              <td className="py-2">
                <BillPaymentStatus
                  payment={bill.payment}
                  dueOn={bill.dueOn}
                  currency={bill.currency}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
