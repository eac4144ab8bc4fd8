import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { getLocale, getTranslations } from '@/i18n/server';
import { PageTitle } from '@/components/ui/form';
import { StatusBadge } from '@/components/accounts/status-badge';
import { requirePermission } from '@/server/auth';
import { searchServiceAccounts } from '@/server/staff';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('staff');
  return { title: t('accounts.title') };
}

export default async function StaffAccountSearchPage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string | string[]; after?: string | string[] }>;
}) {
  const actor = await requirePermission('search:account:any');
  const params = await searchParams;
  const query = typeof params.q === 'string' ? params.q : '';
  const after = typeof params.after === 'string' ? params.after : null;
  const result = await searchServiceAccounts({ actor, query, after });
  const t = await getTranslations('staff');
  const ta = await getTranslations('accounts');
  const zh = (await getLocale()) === 'zh-CN';

  return (
    <div className="space-y-6">
      <PageTitle lead={t('accounts.lead')}>{t('accounts.title')}</PageTitle>
      <form method="get" role="search" className="flex flex-wrap items-end gap-3">
        <div className="min-w-64 flex-1 space-y-1">
          <label htmlFor="q" className="block font-medium">
            {t('accounts.searchLabel')}
          </label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={query}
            maxLength={100}
            className="block min-h-11 w-full rounded-md border border-slate-400 px-3 py-2"
          />
        </div>
        <button
          type="submit"
          className="bg-brand-600 hover:bg-brand-700 inline-flex min-h-11 items-center rounded-lg px-5 font-semibold text-white"
        >
          {t('accounts.search')}
        </button>
      </form>

      {result.kind !== 'empty' ? (
        <section aria-labelledby="results-heading" className="space-y-3">
          <h2 id="results-heading" className="text-xl font-semibold">
            {t('accounts.resultsTitle')}
          </h2>
          {result.hits.length === 0 ? (
            <p role="status">{t('accounts.none', { query })}</p>
          ) : (
            <>
              <p role="status" className="text-muted">
                {t('accounts.pageCount', { count: result.hits.length })}
              </p>
              <div className="overflow-x-auto">
                <table className="w-full min-w-[40rem] border-collapse text-left">
                  <thead>
                    <tr className="border-b-2 border-slate-300">
                      <th scope="col" className="py-2 pr-3">
                        {t('accounts.columns.accountNumber')}
                      </th>
                      <th scope="col" className="py-2 pr-3">
                        {t('accounts.columns.utility')}
                      </th>
                      <th scope="col" className="py-2 pr-3">
                        {t('accounts.columns.holder')}
                      </th>
                      <th scope="col" className="py-2 pr-3">
                        {t('accounts.columns.address')}
                      </th>
                      <th scope="col" className="py-2 pr-3">
                        {t('accounts.columns.district')}
                      </th>
                      <th scope="col" className="py-2">
                        {t('accounts.columns.status')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {result.hits.map((hit) => (
                      <tr key={hit.id} className="border-b border-slate-200">
                        <th scope="row" className="py-2 pr-3 font-medium tabular-nums">
                          <Link
                            href={`/staff/accounts/${hit.id}`}
                            aria-label={t('accounts.open', { number: hit.accountNumber })}
                          >
                            {hit.accountNumber}
                          </Link>
                        </th>
                        <td className="py-2 pr-3">{ta(`utility.${hit.utility}`)}</td>
                        <td className="py-2 pr-3">{hit.holderName}</td>
                        <td className="py-2 pr-3">{zh ? hit.address.zh : hit.address.en}</td>
                        <td className="py-2 pr-3">{zh ? hit.district.zh : hit.district.en}</td>
                        <td className="py-2">
                          <StatusBadge status={hit.status} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
          <nav aria-label={t('accounts.resultsTitle')} className="flex flex-wrap gap-4">
            {after ? (
              <Link href={`/staff/accounts?${new URLSearchParams({ q: query }).toString()}`}>
                {t('accounts.first')}
              </Link>
            ) : null}
            {result.nextAfter ? (
              <Link
                href={`/staff/accounts?${new URLSearchParams({ q: query, after: result.nextAfter }).toString()}`}
                className="font-semibold"
              >
                {t('accounts.next')}
              </Link>
            ) : null}
          </nav>
        </section>
      ) : null}
    </div>
  );
}
