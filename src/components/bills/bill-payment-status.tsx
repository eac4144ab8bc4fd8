import { useFormatter, useLocale, useTranslations } from '@/i18n/server';
import { formatFen } from '@/lib/money';
import { toLocale } from '@/lib/locale';
import type { TBillPaymentState } from '@/server/bills';
import { billDate } from './bill-dates';

/** One bill's payment status in the bill list: paid, still to pay by a date, or overdue. */
export function BillPaymentStatus({
  payment,
  dueOn,
  currency,
}: {
  payment: TBillPaymentState;
  dueOn: string | null;
  currency: string;
}) {
  const t = useTranslations('bills');
  const format = useFormatter();
  const locale = toLocale(useLocale());
  if (payment.kind === 'nothing-to-pay' || dueOn === null) return <>{t('list.nothingToPay')}</>;
  if (payment.kind === 'paid') {
    return <span className="text-success font-semibold">✓ {t('list.status.paid')}</span>;
  }
  const values = {
    date: format.dateTime(billDate(dueOn), { dateStyle: 'medium' }),
    amount: formatFen(payment.openFen, locale, currency),
  };
  const key = `${payment.overdue ? 'overdue' : 'due'}${payment.partlyPaid ? 'Rest' : ''}` as const;
  // The state first and the date on its own line: in one sentence the state wrapped into a
  // column of single words beside a phone's narrow amount column.
  return (
    <span className={payment.overdue ? 'text-danger' : undefined}>
      <span className="font-semibold">{t(`list.status.${key}`, values)}</span>{' '}
      <span className="block text-sm">
        {t(`list.status.${payment.overdue ? 'overdueBy' : 'dueBy'}`, values)}
      </span>
    </span>
  );
}
