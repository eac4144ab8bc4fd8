import type { Metadata } from 'next';
import { getFormatter, getTranslations } from '@/i18n/server';
import { PageTitle } from '@/components/ui/form';
import { ShareTrendChart } from '@/components/complaints/share-trend-chart';
import { getServiceRatings } from '@/server/complaints';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('complaints');
  return { title: t('ratings.title') };
}

// Figures change as cases are answered; render on request (cheap: one grouped query).
export const dynamic = 'force-dynamic';

/** 万众评 — public, no sign-in, aggregates only. */
export default async function RatingsPage() {
  const [t, format, ratings] = await Promise.all([
    getTranslations('complaints'),
    getFormatter(),
    getServiceRatings(),
  ]);
  const monthDate = (m: string) => new Date(`${m}-15T00:00:00+08:00`);
  const monthLong = (m: string) =>
    format.dateTime(monthDate(m), { year: 'numeric', month: 'long' });
  const monthShort = (m: string) => format.dateTime(monthDate(m), { month: 'short' });
  const percent = (v: number | null) =>
    v === null
      ? t('ratings.none')
      : format.number(v, { style: 'percent', maximumFractionDigits: 0 });
  const stars = (v: number | null) =>
    v === null
      ? t('ratings.none')
      : t('ratings.stars', { value: format.number(v, { maximumFractionDigits: 1 }) });
  const latest = ratings.months.at(-1) ?? '';
  return (
    <div className="space-y-10">
      <PageTitle lead={t('ratings.lead')}>{t('ratings.title')}</PageTitle>

      <section aria-labelledby="this-month" className="space-y-3">
        <h2 id="this-month" className="text-xl font-semibold">
          {t('ratings.thisMonth')} · {monthLong(latest)}
        </h2>
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left" data-testid="ratings-summary">
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-4">
                  {t('staff.department')}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t('ratings.cases')}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t('ratings.onTime')}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t('ratings.satisfaction')}
                </th>
                <th scope="col" className="py-2">
                  {t('ratings.ratingsCount')}
                </th>
              </tr>
            </thead>
            <tbody>
              {ratings.departments.map((d) => {
                const m = d.months.at(-1);
                return (
                  <tr key={d.department} className="border-b border-slate-200">
                    <th scope="row" className="py-2 pr-4 font-medium">
                      {t(`department.${d.department}`)}
                    </th>
                    <td className="py-2 pr-4 tabular-nums">{format.number(m?.cases ?? 0)}</td>
                    <td className="py-2 pr-4 tabular-nums">{percent(m?.onTimeShare ?? null)}</td>
                    <td className="py-2 pr-4 tabular-nums">{stars(m?.averageRating ?? null)}</td>
                    <td className="py-2 tabular-nums">{format.number(m?.ratings ?? 0)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <p className="text-muted text-sm">{t('ratings.note')}</p>
      </section>

      {ratings.departments.map((d) => {
        const headingId = `dept-${d.department}`;
        const summary = d.months
          .map((m) => `${monthShort(m.month)} ${percent(m.onTimeShare)}`)
          .join(', ');
        return (
          <section key={d.department} aria-labelledby={headingId} className="space-y-3">
            <h2 id={headingId} className="text-xl font-semibold">
              {t(`department.${d.department}`)}
            </h2>
            <h3 className="font-medium">{t('ratings.trend')}</h3>
            <ShareTrendChart
              id={`chart-${d.department}`}
              title={t('ratings.trend')}
              summary={t('ratings.chartLabel', {
                department: t(`department.${d.department}`),
                summary,
              })}
              points={d.months.map((m) => ({
                key: m.month,
                label: monthShort(m.month),
                value: m.onTimeShare,
              }))}
            />
            <details>
              <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium">
                {t('ratings.month')} · {t('ratings.cases')} · {t('ratings.onTime')} ·{' '}
                {t('ratings.satisfaction')}
              </summary>
              <div className="overflow-x-auto">
                <table className="w-full border-collapse text-left">
                  <thead>
                    <tr className="border-b border-slate-300">
                      <th scope="col" className="py-2 pr-4">
                        {t('ratings.month')}
                      </th>
                      <th scope="col" className="py-2 pr-4">
                        {t('ratings.cases')}
                      </th>
                      <th scope="col" className="py-2 pr-4">
                        {t('ratings.onTime')}
                      </th>
                      <th scope="col" className="py-2">
                        {t('ratings.satisfaction')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.months.map((m) => (
                      <tr key={m.month} className="border-b border-slate-200">
                        <th scope="row" className="py-1 pr-4 font-normal">
                          {monthLong(m.month)}
                        </th>
                        <td className="py-1 pr-4 tabular-nums">{format.number(m.cases)}</td>
                        <td className="py-1 pr-4 tabular-nums">{percent(m.onTimeShare)}</td>
                        <td className="py-1 tabular-nums">{stars(m.averageRating)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
          </section>
        );
      })}

      <section aria-labelledby="commitments" className="space-y-2">
        <h2 id="commitments" className="text-xl font-semibold">
          {t('ratings.commitments')}
        </h2>
        <ul className="list-disc space-y-1 pl-6">
          {(['fault', 'complaint', 'billing_query', 'illegal_use'] as const).map((c) => (
            <li key={c}>{t(`ratings.commitmentList.${c}`)}</li>
          ))}
        </ul>
      </section>
    </div>
  );
}
