import { useFormatter, useLocale, useTranslations } from '@/i18n/server';
import { TableScroll } from '@/components/ui/table-scroll';
import { formatFen } from '@/lib/money';
import { toLocale } from '@/lib/locale';
import {
  formatQuantity,
  formatUnitPrice,
  type TBillComparison,
  type TDifferenceReason,
  type TLineGroupChange,
} from '@/server/bills';
import type { TBillDetail } from '@/server/bills';
import { billDate } from './bill-dates';

/** "Why is this bill different": the reasons in words, then the lines side by side. */
export function BillComparison({
  comparison,
  utility,
  currency,
}: {
  comparison: TBillComparison | null;
  utility: TBillDetail['utility'];
  currency: string;
}) {
  const t = useTranslations('bills');
  const format = useFormatter();
  const locale = toLocale(useLocale());
  const money = (fen: number) => formatFen(fen, locale, currency);
  const signed = (fen: number) => (fen > 0 ? `+${money(fen)}` : money(fen));
  const quantity = (value: string) => formatQuantity(value, locale);
  const unit = t(`unit.${utility}`);
  const tierName = (tier: number) => t('tierName', { tier });

  if (!comparison) {
    return (
      <section aria-labelledby="compare-heading" className="space-y-2">
        <h2 id="compare-heading" className="text-xl font-semibold">
          {t('compare.heading')}
        </h2>
        <p>{t('compare.first')}</p>
      </section>
    );
  }

  const reasonText = (reason: TDifferenceReason): string => {
    switch (reason.code) {
      case 'usage_up':
      case 'usage_down': {
        const values = {
          change: quantity(reason.change),
          before: quantity(reason.before),
          after: quantity(reason.after),
          unit,
        };
        return reason.percent === null
          ? t(`compare.reason.${reason.code}`, values)
          : t(`compare.reason.${reason.code}Percent`, { ...values, percent: reason.percent });
      }
      case 'usage_same':
        return t('compare.reason.usage_same', { usage: quantity(reason.usage), unit });
      case 'days':
        return t('compare.reason.days', { before: reason.before, after: reason.after });
      case 'new_tier':
      case 'left_tier':
        return t(`compare.reason.${reason.code}`, { tierName: tierName(reason.tier) });
      case 'price':
        return t('compare.reason.price', {
          tierName: tierName(reason.tier),
          before: formatUnitPrice(reason.before, locale, currency),
          after: formatUnitPrice(reason.after, locale, currency),
        });
      case 'fixed':
      case 'reductions':
        return t(`compare.reason.${reason.code}`, {
          before: money(reason.beforeFen),
          after: money(reason.afterFen),
        });
      case 'estimated_now':
      case 'estimated_before':
        return t(`compare.reason.${reason.code}`);
    }
  };

  const groupName = (group: TLineGroupChange): string => {
    if (group.kind === 'tier' && group.tierNo !== null) return tierName(group.tierNo);
    if (group.kind === 'surcharge' && group.name) {
      return locale === 'zh-CN' ? group.name.zh : group.name.en;
    }
    return t(`kind.${group.kind}`);
  };

  const change = comparison.totalChangeFen;
  const previous = format.dateTime(billDate(comparison.previousPeriod), {
    year: 'numeric',
    month: 'long',
  });
  const { before: avgBefore, after: avgAfter } = comparison.averagePrice;

  return (
    <section aria-labelledby="compare-heading" className="space-y-3">
      <h2 id="compare-heading" className="text-xl font-semibold">
        {t('compare.heading')}
      </h2>
      <p className="font-semibold">
        {change > 0
          ? t('compare.total.up', { amount: money(change) })
          : change < 0
            ? t('compare.total.down', { amount: money(-change) })
            : t('compare.total.same')}
      </p>
      <p>{t('compare.lead', { period: previous })}</p>
      <ul className="list-disc space-y-1 pl-6">
        {comparison.reasons.map((reason, i) => (
          <li key={`${reason.code}-${i}`}>{reasonText(reason)}</li>
        ))}
      </ul>
      {avgBefore !== null && avgAfter !== null ? (
        <p className="text-muted">
          {t('compare.averagePrice', {
            before: formatUnitPrice(avgBefore, locale, currency),
            after: formatUnitPrice(avgAfter, locale, currency),
            unit,
          })}
        </p>
      ) : null}
      <TableScroll label={t('compare.table.caption')}>
        <table className="w-full border-collapse">
          <caption className="text-muted mb-2 text-left">{t('compare.table.caption')}</caption>
          <thead>
            <tr className="border-b-2 border-slate-300 text-left">
              <th scope="col" className="py-2 pr-4">
                {t('compare.table.item')}
              </th>
              <th scope="col" className="py-2 pr-4 text-right">
                {t('compare.table.before')}
              </th>
              <th scope="col" className="py-2 pr-4 text-right">
                {t('compare.table.after')}
              </th>
              <th scope="col" className="py-2 text-right">
                {t('compare.table.change')}
              </th>
            </tr>
          </thead>
          <tbody>
            {comparison.lineGroups.map((group) => (
              <tr key={group.key} className="border-b border-slate-200">
                <th scope="row" className="py-2 pr-4 text-left font-normal">
                  {groupName(group)}
                </th>
                <td className="py-2 pr-4 text-right tabular-nums">{money(group.beforeFen)}</td>
                <td className="py-2 pr-4 text-right tabular-nums">{money(group.afterFen)}</td>
                <td className="py-2 text-right tabular-nums">
                  {signed(group.afterFen - group.beforeFen)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
