import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { getFormatter, getTranslations } from '@/i18n/server';
import { FormMessage, PageTitle } from '@/components/ui/form';
import { ClientMessages } from '@/components/i18n/client-messages';
import { requirePermission } from '@/server/auth';
import { formatCalendarDays, listCalendarYears } from '@/server/calendar';
import { shanghaiDay } from '@/lib/dates';
import { CalendarForm } from './calendar-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('calendar');
  return { title: t('title') };
}

/**
 * The working-day calendar complaint deadlines and direct-debit collection days count on:
 * every year's holidays and make-up working days, and the form to enter the next year when the
 * State Council publishes it (each November) or to correct one.
 */
export default async function WorkingCalendarPage({
  searchParams,
}: {
  searchParams: Promise<{ year?: string; saved?: string }>;
}) {
  await requirePermission('manage:calendar');
  const [params, years, t, format] = await Promise.all([
    searchParams,
    listCalendarYears(),
    getTranslations('calendar'),
    getFormatter(),
  ]);
  const today = shanghaiDay(new Date());
  const thisYear = Number(today.slice(0, 4));
  const nextYear = thisYear + 1;
  const missing = [thisYear, nextYear].filter((y) => !years.some((e) => e.year === y));
  const wanted = Number(params.year);
  const editing = years.find((y) => y.year === wanted);
  const formYear = editing?.year ?? (Number.isInteger(wanted) && wanted > 2000 ? wanted : nextYear);

  return (
    <div className="space-y-8">
      <PageTitle lead={t('lead')}>{t('title')}</PageTitle>
      {params.saved ? (
        <FormMessage tone="success">{t('saved', { year: params.saved })}</FormMessage>
      ) : null}
      {missing.map((year) => (
        <FormMessage key={year} tone="error">
          {t('missingYear', { year })}
        </FormMessage>
      ))}

      <section aria-labelledby="years-heading" className="space-y-3">
        <h2 id="years-heading" className="text-xl font-semibold">
          {t('years.title')}
        </h2>
        {years.length === 0 ? (
          <p>{t('years.none')}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-left">
              <caption className="sr-only">{t('years.title')}</caption>
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="py-2 pr-4">
                    {t('years.year')}
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    {t('years.holidays')}
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    {t('years.workdays')}
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    {t('years.source')}
                  </th>
                  <th scope="col" className="py-2">
                    <span className="sr-only">{t('years.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {years.map((y) => (
                  <tr key={y.year} className="border-b border-slate-200 align-top">
                    <th scope="row" className="py-2 pr-4 tabular-nums">
                      {y.year}
                    </th>
                    <td className="py-2 pr-4 text-sm whitespace-pre-line tabular-nums">
                      {formatCalendarDays(y.holidays) || t('years.noDays')}
                    </td>
                    <td className="py-2 pr-4 text-sm whitespace-pre-line tabular-nums">
                      {formatCalendarDays(y.workdays) || t('years.noDays')}
                    </td>
                    <td className="py-2 pr-4 text-sm">
                      <p>{y.source}</p>
                      <p className="text-muted">
                        {y.origin === 'code'
                          ? t('years.builtIn')
                          : t('years.entered', {
                              when: format.dateTime(y.updatedAt ?? new Date(), {
                                dateStyle: 'medium',
                                timeStyle: 'short',
                              }),
                            })}
                      </p>
                    </td>
                    <td className="py-2">
                      <Link href={`/staff/calendar?year=${y.year}#calendar-form-heading`}>
                        {t('years.edit', { year: y.year })}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="calendar-form-heading" className="max-w-2xl space-y-3">
        <h2 id="calendar-form-heading" className="text-xl font-semibold">
          {editing ? t('form.titleEdit', { year: editing.year }) : t('form.titleNew')}
        </h2>
        <p className="text-muted">{t('form.lead')}</p>
        <ClientMessages namespaces={['calendar']}>
          <CalendarForm
            key={formYear}
            initial={{
              year: String(formYear),
              source: editing?.source ?? '',
              holidays: editing ? formatCalendarDays(editing.holidays) : '',
              workdays: editing ? formatCalendarDays(editing.workdays) : '',
            }}
          />
        </ClientMessages>
      </section>
    </div>
  );
}
