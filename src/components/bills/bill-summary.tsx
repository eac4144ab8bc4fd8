import { useFormatter, useLocale, useTranslations } from '@/i18n/server';
import { formatFen } from '@/lib/money';
import { toLocale } from '@/lib/locale';
import type { TBillDetail, TBillPaymentState } from '@/server/bills';
import { BalanceSummary } from './balance-summary';
import { billDate } from './bill-dates';

/**
 * The top of a bill: its total, the date to pay by (in red when overdue, with what is still
 * owed), the issue date and the account's balance; `children` (the resident's pay panel and
 * PDF link) below. `nothingToPayElsewhere` leaves "nothing to pay" to a pay panel that says so.
 */
export function BillSummary({
  bill,
  payment,
  nothingToPayElsewhere = false,
  children,
}: {
  bill: TBillDetail;
  payment?: TBillPaymentState;
  nothingToPayElsewhere?: boolean;
  children?: React.ReactNode;
}) {
  const t = useTranslations('bills');
  const format = useFormatter();
  const locale = toLocale(useLocale());
  const long = (date: string) => format.dateTime(billDate(date), { dateStyle: 'long' });
  const money = (fen: number) => formatFen(fen, locale, bill.currency);
  return (
    <section
      aria-labelledby="summary-heading"
      className="grid gap-6 rounded-xl border border-slate-200 bg-white p-5 sm:grid-cols-2"
    >
      <h2 id="summary-heading" className="sr-only">
        {t('detail.summary')}
      </h2>
      <div>
        <p className="text-muted">{t('detail.total')}</p>
        <p className="text-3xl font-bold tabular-nums" data-testid="bill-total">
          {money(bill.totalFen)}
        </p>
        {bill.dueOn ? (
          <p className="mt-1">
            {t.rich('detail.dueOnValue', {
              date: long(bill.dueOn),
              strong: (chunks) => <strong>{chunks}</strong>,
            })}
            {payment?.kind === 'owed' && payment.overdue ? (
              <span className="text-danger block font-semibold" data-testid="bill-overdue">
                {t('detail.overdue', { amount: money(payment.openFen) })}
              </span>
            ) : null}
          </p>
        ) : nothingToPayElsewhere ? null : (
          <p className="mt-1 font-semibold">{t('detail.nothingToPay')}</p>
        )}
        <p className="text-muted">{t('detail.issuedOnValue', { date: long(bill.issuedOn) })}</p>
      </div>
      <BalanceSummary
        balanceFen={bill.balanceFen}
        currency={bill.currency}
        label={t('detail.balance')}
        hint={t('detail.balanceHint')}
      />
      {children}
    </section>
  );
}
