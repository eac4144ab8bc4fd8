import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { getFormatter, getTranslations } from '@/i18n/server';
import { startBillingRunAction } from '@/actions/billing/start-billing-run';
import { Field, FormMessage, PageTitle, SubmitButton } from '@/components/ui/form';
import { requirePermission } from '@/server/auth';
import { listBillingRuns } from '@/server/billing';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('billing');
  return { title: t('title') };
}

const ERRORS = ['utility', 'month', 'future'] as const;

export default async function BillingRunsPage({
  searchParams,
}: {
  searchParams: Promise<{ error?: string; month?: string }>;
}) {
  const actor = await requirePermission('run:billing');
  const t = await getTranslations('billing');
  const format = await getFormatter();
  const params = await searchParams;
  const error = ERRORS.find((e) => e === params.error);
  const runs = await listBillingRuns({ actor });
  const monthLabel = (period: string) =>
    format.dateTime(new Date(`${period}T00:00:00+08:00`), { year: 'numeric', month: 'long' });
  const monthError = error === 'month' || error === 'future' ? [t(`errors.${error}`)] : undefined;
  return (
    <div className="space-y-8">
      <PageTitle lead={t('lead')}>{t('title')}</PageTitle>

      <section aria-labelledby="start-heading" className="max-w-xl space-y-4">
        <h2 id="start-heading" className="text-xl font-semibold">
          {t('start.heading')}
        </h2>
        <form action={startBillingRunAction} className="space-y-5">
          <fieldset
            className="space-y-2"
            aria-describedby={error === 'utility' ? 'utility-error' : undefined}
          >
            <legend className="font-medium">{t('start.utility')}</legend>
            {error === 'utility' ? (
              <p id="utility-error" className="text-danger text-sm font-medium">
                {t('errors.utility')}
              </p>
            ) : null}
            {(['electricity', 'water'] as const).map((utility, index) => (
              <label key={utility} className="flex min-h-11 items-center gap-3">
                <input
                  type="radio"
                  name="utility"
                  value={utility}
                  defaultChecked={index === 0}
                  autoFocus={error === 'utility' && index === 0}
                  className="size-5"
                />
                {t(`utility.${utility}`)}
              </label>
            ))}
          </fieldset>
          <Field
            id="month"
            type="month"
            label={t('start.month')}
            hint={t('start.monthHint')}
            placeholder="2025-01"
            pattern="\d{4}-\d{2}"
            required
            defaultValue={params.month?.slice(0, 7) ?? ''}
            errors={monthError}
            focus={Boolean(monthError)}
          />
          <SubmitButton>{t('start.submit')}</SubmitButton>
        </form>
      </section>

      <section aria-labelledby="runs-heading" className="space-y-3">
        <h2 id="runs-heading" className="text-xl font-semibold">
          {t('runs.heading')}
        </h2>
        {runs.length === 0 ? (
          <FormMessage tone="info">{t('runs.empty')}</FormMessage>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-left">
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="py-2 pr-4">
                    {t('runs.period')}
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    {t('runs.utility')}
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    {t('runs.status')}
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    {t('runs.progress')}
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    {t('runs.exceptions')}
                  </th>
                  <th scope="col" className="py-2">
                    <span className="sr-only">{t('runs.open')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {runs.map((run) => (
                  <tr key={run.id} className="border-b border-slate-200">
                    <td className="py-2 pr-4">{monthLabel(run.period)}</td>
                    <td className="py-2 pr-4">{t(`utility.${run.utility}`)}</td>
                    <td className="py-2 pr-4">{t(`status.${run.status}`)}</td>
                    <td className="py-2 pr-4 tabular-nums">
                      {format.number(run.done)} / {format.number(run.total)}
                    </td>
                    <td className="py-2 pr-4 tabular-nums">{format.number(run.exceptions)}</td>
                    <td className="py-2">
                      <Link
                        href={`/staff/billing/runs/${run.id}`}
                        aria-label={t('runs.openLabel', {
                          period: monthLabel(run.period),
                          utility: t(`utility.${run.utility}`),
                        })}
                        className="link-action"
                      >
                        {t('runs.open')}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
