import Link from '@/components/ui/link';
import { useFormatter, useLocale, useTranslations } from '@/i18n/server';
import { formatFen } from '@/lib/money';
import { toLocale } from '@/lib/locale';
import type { TAccountBillingSummary } from '@/server/bills';
import { billDate } from './bill-dates';
import { EstimatedBadge } from './estimated-badge';

/** The money part of a dashboard account card: balance, latest bill and its due date. */
export function AccountCardBilling({ summary }: { summary: TAccountBillingSummary | undefined }) {
  const t = useTranslations('bills');
  const format = useFormatter();
  const locale = toLocale(useLocale());
  const money = (fen: number) => formatFen(fen, locale, summary?.currency ?? 'CNY');
  const bill = summary?.latestBill ?? null;
  return (
    <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 rounded-md bg-slate-50 px-3 py-2">
      <dt className="text-muted">{t('dashboard.balance')}</dt>
      <dd className="font-semibold tabular-nums">{money(summary?.balanceFen ?? 0)}</dd>
      <dt className="text-muted">{t('dashboard.latestBill')}</dt>
      <dd>
        {bill ? (
          <>
            <Link href={`/bills/${bill.id}`} className="tabular-nums">
              {t('dashboard.latestBillValue', {
                period: format.dateTime(billDate(bill.period), { year: 'numeric', month: 'long' }),
                amount: money(bill.totalFen),
              })}
            </Link>
            {bill.estimated ? <EstimatedBadge>{t('list.estimated')}</EstimatedBadge> : null}
            {summary?.overdue && bill.dueOn ? (
              <span className="text-danger block text-sm font-semibold">
                {t('dashboard.overdue', {
                  date: format.dateTime(billDate(bill.dueOn), { dateStyle: 'medium' }),
                })}
              </span>
            ) : (
              <span className="text-muted block text-sm">
                {bill.dueOn
                  ? t('dashboard.dueOn', {
                      date: format.dateTime(billDate(bill.dueOn), { dateStyle: 'medium' }),
                    })
                  : t('dashboard.nothingToPay')}
              </span>
            )}
          </>
        ) : (
          t('dashboard.noBills')
        )}
      </dd>
    </dl>
  );
}
