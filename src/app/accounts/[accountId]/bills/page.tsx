import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { getLocale, getTranslations } from '@/i18n/server';
import { PageTitle } from '@/components/ui/form';
import { BalanceSummary } from '@/components/bills/balance-summary';
import { BillsTable } from '@/components/bills/bills-table';
import { BillsPager, parseBefore } from '@/components/bills/bills-pager';
import { parseId } from '@/components/bills/bill-dates';
import { toLocale } from '@/lib/locale';
import { pageNotFound } from '@/lib/page-not-found';
import { requireUser } from '@/server/auth';
import { listAccountBills } from '@/server/bills';
import { getPayOptions } from '@/server/payments';
import { PayPanel } from '@/components/payments/pay-panel';

type TProps = {
  params: Promise<{ accountId: string }>;
  searchParams: Promise<{ before?: string; payment?: string }>;
};

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('bills');
  return { title: t('list.metaTitle') };
}

export default async function AccountBillsPage({ params, searchParams }: TProps) {
  const actor = await requireUser();
  const accountId = parseId((await params).accountId);
  if (accountId === null) pageNotFound();
  const query = await searchParams;
  const before = parseBefore(query.before);
  const [result, payOptions] = await Promise.all([
    listAccountBills({ actor, accountId, before }),
    getPayOptions({ actor, accountId }),
  ]);
  if (!result || !payOptions) pageNotFound();

  const t = await getTranslations('bills');
  const locale = toLocale(await getLocale());
  const { account, bills } = result;

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
        {/* Paying is where the balance is: a resident reading an overdue line should not have
            to go back to the dashboard for the button. */}
        <div className="mt-4">
          <PayPanel
            options={payOptions}
            returnTo={`/accounts/${account.id}/bills`}
            notice={query.payment}
          />
        </div>
      </section>

      {bills.length === 0 ? (
        <p className="rounded-xl border-2 border-dashed border-slate-300 p-6">{t('list.empty')}</p>
      ) : (
        <BillsTable bills={bills} utility={account.utility} billHref={(id) => `/bills/${id}`} />
      )}

      <BillsPager
        href={`/accounts/${account.id}/bills`}
        olderBefore={result.olderBefore}
        before={before}
      />
    </div>
  );
}
