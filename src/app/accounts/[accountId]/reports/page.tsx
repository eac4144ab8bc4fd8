import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { getTranslations } from '@/i18n/server';
import { pageNotFound } from '@/lib/page-not-found';
import { PageTitle } from '@/components/ui/form';
import { requireUser } from '@/server/auth';
import { listReportYears } from '@/server/reports';
import { parseAccountId } from './parse-report-params';

type TParams = { params: Promise<{ accountId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('reports');
  return { title: t('list.title') };
}

/** Every year this account has readings for, each with its web report and PDF. */
export default async function AccountReportsPage({ params }: TParams) {
  const actor = await requireUser();
  const accountId = parseAccountId((await params).accountId);
  if (accountId === null) pageNotFound();
  const years = await listReportYears({ actor, accountId });
  if (!years) pageNotFound();
  const t = await getTranslations('reports');
  const currentYear = Number(
    new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Asia/Shanghai' }).format(
      new Date(),
    ),
  );

  return (
    <div className="space-y-6">
      <p>
        <Link href={`/accounts/${accountId}`}>← {t('list.back')}</Link>
      </p>
      <PageTitle lead={t('list.lead')}>{t('list.title')}</PageTitle>
      {years.length === 0 ? (
        <p className="rounded-md border-l-4 border-amber-500 bg-amber-50 px-3 py-2">
          {t('list.empty')}
        </p>
      ) : (
        <table className="w-full max-w-2xl border-collapse text-left">
          <caption className="sr-only">{t('list.caption')}</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="py-2 pr-4">
                {t('list.year')}
              </th>
              <th scope="col" className="py-2 pr-4">
                {t('list.months')}
              </th>
              <th scope="col" className="py-2">
                {t('list.actions')}
              </th>
            </tr>
          </thead>
          <tbody>
            {years.map((y) => (
              <tr key={y.year} className="border-b border-slate-200 align-top">
                <th scope="row" className="py-3 pr-4 font-semibold">
                  {y.year}
                  {y.year >= currentYear ? (
                    <span className="text-muted block text-sm font-normal">
                      {t('list.inProgress')}
                    </span>
                  ) : null}
                </th>
                <td className="py-3 pr-4">{t('list.monthsValue', { count: y.monthsWithData })}</td>
                <td className="py-3">
                  <ul className="flex flex-wrap gap-x-4 gap-y-2">
                    <li>
                      <Link
                        href={`/accounts/${accountId}/reports/${y.year}`}
                        className="link-action"
                      >
                        {t('list.view', { year: y.year })}
                      </Link>
                    </li>
                    <li>
                      <a
                        href={`/accounts/${accountId}/reports/${y.year}/pdf`}
                        className="inline-flex min-h-11 items-center"
                      >
                        {t('list.download', { year: y.year })}
                      </a>
                    </li>
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
