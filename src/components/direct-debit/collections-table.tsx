import { getFormatter, getLocale, getTranslations } from '@/i18n/server';
import { billDate } from '@/components/bills/bill-dates';
import { toLocale } from '@/lib/locale';
import { formatFen } from '@/lib/money';
import type { TCollectionSummary } from '@/server/direct-debit';

const KNOWN_FAILURES = [
  'generic_decline',
  'card_declined',
  'insufficient_funds',
  'no_account',
  'retries_exhausted',
];

/** Upcoming or past direct-debit collections: bill month, amount, date and what happened. */
export async function CollectionsTable({
  collections,
  kind,
}: {
  collections: readonly TCollectionSummary[];
  kind: 'upcoming' | 'history';
}) {
  const t = await getTranslations('directDebit');
  const format = await getFormatter();
  const locale = toLocale(await getLocale());
  const day = (value: string) => format.dateTime(billDate(value), { dateStyle: 'long' });
  const month = (value: string) =>
    format.dateTime(billDate(value), { year: 'numeric', month: 'long' });

  function state(c: TCollectionSummary): string {
    if (c.disputedAt) return t('history.disputed');
    switch (c.status) {
      case 'scheduled':
        return t('upcoming.scheduled', { date: day(c.collectOn) });
      case 'notified':
        return c.attemptCount > 0
          ? t('upcoming.retry', { attempt: c.attemptCount })
          : t('upcoming.notified');
      case 'processing':
        return t('upcoming.processing');
      case 'succeeded':
        return t('history.succeeded');
      case 'failed':
        return t('history.failed', {
          reason: t(
            `failure.${c.lastFailureCode && KNOWN_FAILURES.includes(c.lastFailureCode) ? c.lastFailureCode : 'other'}`,
          ),
        });
      case 'skipped':
        return t('history.skipped');
      case 'canceled':
        return t('history.canceled');
    }
  }

  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left">
        <caption className="text-muted mb-2 text-left">{t(`${kind}.caption`)}</caption>
        <thead>
          <tr className="border-b-2 border-slate-300">
            <th scope="col" className="py-2 pr-4">
              {t('upcoming.period')}
            </th>
            <th scope="col" className="py-2 pr-4 text-right">
              {t('upcoming.amount')}
            </th>
            <th scope="col" className="py-2 pr-4">
              {t('upcoming.date')}
            </th>
            <th scope="col" className="py-2">
              {kind === 'upcoming' ? t('upcoming.state') : t('history.result')}
            </th>
          </tr>
        </thead>
        <tbody>
          {collections.map((c) => (
            <tr key={c.id} className="border-b border-slate-200">
              <th scope="row" className="py-2 pr-4 font-normal">
                {month(c.billPeriod)}
              </th>
              <td className="py-2 pr-4 text-right whitespace-nowrap tabular-nums">
                {formatFen(c.amountFen, locale, c.currency)}
              </td>
              <td className="py-2 pr-4 whitespace-nowrap">
                {day(kind === 'upcoming' ? (c.nextAttemptOn ?? c.collectOn) : c.collectOn)}
              </td>
              <td className="py-2">{state(c)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
