import { useFormatter, useLocale, useTranslations } from '@/i18n/server';
import { FormMessage } from '@/components/ui/form';
import { toLocale } from '@/lib/locale';
import { compareBills, daysInPeriod, formatQuantity, type TBillDetail } from '@/server/bills';
import { BillComparison } from './bill-comparison';
import { BillLinesTable } from './bill-lines-table';
import { billDate, periodEnd } from './bill-dates';
import { EstimatedBadge } from './estimated-badge';

/**
 * What a bill is made of, in plain words: its period, readings, usage, household and tariff,
 * every stored line, the tiers it crossed and why it differs from the bill before. The
 * resident's bill page and the staff view of a bill both show it.
 */
export function BillExplanation({ bill }: { bill: TBillDetail }) {
  const t = useTranslations('bills');
  const format = useFormatter();
  const locale = toLocale(useLocale());
  const zh = locale === 'zh-CN';
  const long = (date: string) => format.dateTime(billDate(date), { dateStyle: 'long' });
  const unit = t(`unit.${bill.utility}`);
  const comparison = bill.previous ? compareBills(bill, bill.previous) : null;
  return (
    <>
      {bill.estimated ? <FormMessage tone="info">{t('detail.estimated')}</FormMessage> : null}

      <section aria-labelledby="facts-heading">
        <h2 id="facts-heading" className="sr-only">
          {t('detail.period')}
        </h2>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
          <dt className="text-muted">{t('detail.period')}</dt>
          <dd>
            {t('detail.periodRange', {
              from: long(bill.period),
              to: long(periodEnd(bill.period)),
              days: daysInPeriod(bill.period),
            })}
          </dd>
          {bill.readingFrom !== null && bill.readingTo !== null ? (
            <>
              <dt className="text-muted">{t('detail.readings')}</dt>
              <dd className="tabular-nums">
                {t('detail.readingsRange', {
                  from: formatQuantity(bill.readingFrom, locale),
                  to: formatQuantity(bill.readingTo, locale),
                })}
              </dd>
            </>
          ) : null}
          <dt className="text-muted">{t('detail.usage')}</dt>
          <dd className="tabular-nums">
            {formatQuantity(bill.usage, locale)} {unit}
            {bill.estimated ? <EstimatedBadge>{t('detail.estimatedBadge')}</EstimatedBadge> : null}
          </dd>
          <dt className="text-muted">{t('detail.householdSize')}</dt>
          <dd>{t('detail.people', { count: bill.account.householdSize })}</dd>
          {bill.tariff ? (
            <>
              <dt className="text-muted">{t('detail.tariff')}</dt>
              <dd>
                {zh ? bill.tariff.name.zh : bill.tariff.name.en}
                <span className="text-muted">
                  {zh ? '，' : '; '}
                  {t(`detail.tierPeriod.${bill.tariff.tierPeriod}`)}
                </span>
              </dd>
            </>
          ) : null}
        </dl>
      </section>

      <section aria-labelledby="lines-heading" className="space-y-3">
        <h2 id="lines-heading" className="text-xl font-semibold">
          {t('detail.lines')}
        </h2>
        <BillLinesTable bill={bill} />
        {bill.tiersCrossed.map((tier) => (
          <p key={tier} className="border-brand-600 bg-brand-50 rounded-md border-l-4 px-3 py-2">
            {t('detail.tiersCrossed', { tierName: t('tierName', { tier }) })}
          </p>
        ))}
        <p className="text-muted text-sm">{t('detail.rounding')}</p>
      </section>

      <BillComparison comparison={comparison} utility={bill.utility} currency={bill.currency} />
    </>
  );
}
