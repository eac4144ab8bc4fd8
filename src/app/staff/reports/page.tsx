import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { getFormatter, getTranslations } from '@/i18n/server';
import { FormMessage, PageTitle } from '@/components/ui/form';
import { ClientMessages } from '@/components/i18n/client-messages';
import { requirePermission } from '@/server/auth';
import { listReportRuns } from '@/server/reports';
import { StartReportRunForm } from './start-report-run-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('reports');
  return { title: t('staff.title') };
}

type TProps = { searchParams: Promise<{ started?: string; watch?: string }> };

/** Billing staff start a year's annual reports for every account and follow the progress. */
export default async function StaffReportsPage({ searchParams }: TProps) {
  const actor = await requirePermission('run:billing');
  const runs = await listReportRuns({ actor });
  const t = await getTranslations('reports');
  const format = await getFormatter();
  const query = await searchParams;
  const started = Number(query.started);
  const watching = query.watch === '1';
  const startedRun = runs.find((r) => r.id === started);
  const running = runs.some((r) => r.status !== 'completed');
  const lastYear =
    Number(
      new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Asia/Shanghai' }).format(
        new Date(),
      ),
    ) - 1;

  return (
    <div className="space-y-8">
      {/* Progress without JavaScript. The page reloads itself only when staff asked for it: an
          unasked-for timed refresh fails WCAG 2.2.1. */}
      {running && watching ? <meta httpEquiv="refresh" content="10" /> : null}
      <PageTitle lead={t('staff.lead')}>{t('staff.title')}</PageTitle>
      {startedRun ? (
        <FormMessage tone="success">{t('staff.started', { year: startedRun.year })}</FormMessage>
      ) : null}
      <section aria-labelledby="start-heading" className="max-w-md">
        <h2 id="start-heading" className="sr-only">
          {t('staff.start')}
        </h2>
        <ClientMessages namespaces={['reports']}>
          <StartReportRunForm defaultYear={lastYear} />
        </ClientMessages>
      </section>
      <section aria-labelledby="runs-heading" className="space-y-3">
        <h2 id="runs-heading" className="text-xl font-semibold">
          {t('staff.runs')}
        </h2>
        {running ? (
          <p className="flex flex-wrap items-center gap-x-4 gap-y-1">
            <Link href="/staff/reports" className="link-action">
              {t('staff.refresh')}
            </Link>
            {watching ? (
              <>
                <span className="text-muted">{t('staff.watching')}</span>
                <Link href="/staff/reports" className="inline-flex min-h-11 items-center">
                  {t('staff.stopWatching')}
                </Link>
              </>
            ) : (
              <Link href="/staff/reports?watch=1" className="inline-flex min-h-11 items-center">
                {t('staff.watch')}
              </Link>
            )}
          </p>
        ) : null}
        {runs.length === 0 ? (
          <p className="text-muted">{t('staff.runsEmpty')}</p>
        ) : (
          <table className="w-full max-w-3xl border-collapse text-left">
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-4">
                  {t('staff.runYear')}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t('staff.runStatus')}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t('staff.runProgress')}
                </th>
                <th scope="col" className="py-2">
                  {t('staff.runStarted')}
                </th>
              </tr>
            </thead>
            <tbody>
              {runs.map((run) => (
                <tr key={run.id} className="border-b border-slate-200">
                  <th scope="row" className="py-2 pr-4">
                    {run.year}
                  </th>
                  <td className="py-2 pr-4">{t(`staff.status.${run.status}`)}</td>
                  <td className="py-2 pr-4">
                    <progress
                      max={Math.max(run.total, 1)}
                      value={run.done + run.failed}
                      aria-label={t('staff.runProgress')}
                      className="mr-2 align-middle"
                    />
                    {t('staff.progressValue', {
                      done: format.number(run.done),
                      total: format.number(run.total),
                      failed: format.number(run.failed),
                    })}
                  </td>
                  <td className="py-2">
                    {format.dateTime(run.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
