import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { getFormatter, getLocale, getTranslations } from '@/i18n/server';
import { parseId } from '@/components/bills/bill-dates';
import { PayPanel } from '@/components/payments/pay-panel';
import { PaymentStatusText } from '@/components/payments/payment-status-text';
import { PageTitle } from '@/components/ui/form';
import { toLocale } from '@/lib/locale';
import { formatFen } from '@/lib/money';
import { pageNotFound } from '@/lib/page-not-found';
import { requireUser } from '@/server/auth';
import { getPayOptions, listAccountPayments } from '@/server/payments';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('payments');
  return { title: t('history.metaTitle') };
}

export default async function AccountPaymentsPage({
  params,
  searchParams,
}: {
  params: Promise<{ accountId: string }>;
  searchParams: Promise<{ before?: string; payment?: string }>;
}) {
  const actor = await requireUser();
  const accountId = parseId((await params).accountId);
  if (accountId === null) pageNotFound();
  const query = await searchParams;
  const before = query.before ? new Date(query.before) : undefined;
  const history = await listAccountPayments({
    actor,
    accountId,
    before: before && !Number.isNaN(before.getTime()) ? before : undefined,
  });
  const options = await getPayOptions({ actor, accountId });
  if (!history || !options) pageNotFound();
  const t = await getTranslations('payments');
  const format = await getFormatter();
  const locale = toLocale(await getLocale());
  return (
    <div className="space-y-6">
      <p>
        <Link href={`/accounts/${accountId}/bills`}>← {t('history.back')}</Link>
      </p>
      <PageTitle lead={t('history.lead', { number: history.account.accountNumber })}>
        {t('history.title')}
      </PageTitle>
      <PayPanel
        options={options}
        returnTo={`/accounts/${accountId}/payments`}
        notice={query.payment}
        historyLink={false}
      />
      {history.payments.length === 0 ? (
        <p>{t('history.empty')}</p>
      ) : (
        <table className="w-full border-collapse text-left">
          <caption className="sr-only">{t('history.title')}</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="py-2 pr-4">
                {t('history.date')}
              </th>
              <th scope="col" className="py-2 pr-4">
                {t('history.amount')}
              </th>
              <th scope="col" className="py-2 pr-4">
                {t('history.method')}
              </th>
              <th scope="col" className="py-2">
                {t('history.status')}
              </th>
            </tr>
          </thead>
          <tbody>
            {history.payments.map((p) => (
              <tr key={p.id} className="border-b border-slate-200">
                <td className="py-2 pr-4">
                  <Link href={`/payments/${p.id}`}>
                    {format.dateTime(p.succeededAt ?? p.createdAt, {
                      dateStyle: 'medium',
                      timeZone: 'Asia/Shanghai',
                    })}
                  </Link>
                </td>
                <td className="py-2 pr-4 tabular-nums">
                  {formatFen(p.amountFen, locale, p.currency)}
                </td>
                <td className="py-2 pr-4">
                  {p.channel === 'direct_debit'
                    ? t('method.direct_debit')
                    : p.methodType && t.has(`method.${p.methodType}`)
                      ? t(`method.${p.methodType}`)
                      : '—'}
                </td>
                <td className="py-2">
                  <PaymentStatusText status={p.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {history.olderBefore ? (
        <p>
          <Link
            href={`/accounts/${accountId}/payments?before=${encodeURIComponent(history.olderBefore)}`}
          >
            {t('history.older')}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
