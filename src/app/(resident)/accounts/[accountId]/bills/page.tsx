import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { getFormatter, getLocale, getTranslations } from '@/i18n/server';
import { PageTitle } from '@/components/ui/form';
import { BalanceSummary } from '@/components/bills/balance-summary';
import { BillPaymentStatus } from '@/components/bills/bill-payment-status';
import { EstimatedBadge } from '@/components/bills/estimated-badge';
import { billDate, parseId } from '@/components/bills/bill-dates';
import { formatFen } from '@/lib/money';
import { toLocale } from '@/lib/locale';
import { pageNotFound } from '@/lib/page-not-found';
import { requireUser } from '@/server/auth';
import { formatQuantity, listAccountBills } from '@/server/bills';

type TProps = {
  params: Promise<{ accountId: string }>;
  searchParams: Promise<{ before?: string }>;
};

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('bills');
  return { title: t('list.metaTitle') };
}

export default async function AccountBillsPage({ params, searchParams }: TProps) {
  const actor = await requireUser();
  const accountId = parseId((await params).accountId);
  if (accountId === null) pageNotFound();
  const { before: rawBefore } = await searchParams;
  const before = rawBefore && /^\d{4}-\d{2}-01$/.test(rawBefore) ? rawBefore : undefined;
  const result = await listAccountBills({ actor, accountId, before });
  if (!result) pageNotFound();

  const t = await getTranslations('bills');
  const format = await getFormatter();
  const locale = toLocale(await getLocale());
  const { account, bills } = result;
  const month = (period: string) =>
    format.dateTime(billDate(period), { year: 'numeric', month: 'long' });
  const unit = t(`unit.${account.utility}`);

  return (
    <div className="space-y-8">
      <p>
        <Link href={`/accounts/${account.id}`}>← {t('list.back')}</Link>
      </p>
      <PageTitle
        lead={t('list.lead', {
          number: account.accountNumber,
          address: locale === 'zh-CN' ? account.address.zh : account.address.en,
        })}
      >
        {t('list.title', { utility: t(`utility.${account.utility}`) })}
      </PageTitle>

      <section
        className="rounded-xl border border-slate-200 bg-white p-5"
        aria-label={t('list.balance')}
      >
        <BalanceSummary
          balanceFen={result.balanceFen}
          currency={result.currency}
          label={t('list.balance')}
        />
      </section>

      {bills.length === 0 ? (
        <p className="rounded-xl border-2 border-dashed border-slate-300 p-6">{t('list.empty')}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse">
            <caption className="text-muted mb-2 text-left">{t('list.caption')}</caption>
            <thead>
              <tr className="border-b-2 border-slate-300 text-left">
                <th scope="col" className="py-2 pr-4">
                  {t('list.columns.period')}
                </th>
                <th scope="col" className="py-2 pr-4 text-right">
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
                  <th scope="row" className="py-2 pr-4 text-left font-normal">
                    <Link
                      href={`/bills/${bill.id}`}
                      className="link-action"
                      aria-label={t('list.open', { period: month(bill.period) })}
                    >
                      {month(bill.period)}
                    </Link>
                  </th>
                  <td className="py-2 pr-4 text-right whitespace-nowrap tabular-nums">
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
      )}

      {result.olderBefore || before ? (
        <nav aria-label={t('list.caption')} className="flex flex-wrap gap-4">
          {result.olderBefore ? (
            <Link
              href={`/accounts/${account.id}/bills?before=${result.olderBefore}`}
              className="inline-flex min-h-11 items-center"
            >
              {t('list.older')}
            </Link>
          ) : null}
          {before ? (
            <Link
              href={`/accounts/${account.id}/bills`}
              className="inline-flex min-h-11 items-center"
            >
              {t('list.newest')}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
