import type { Metadata } from 'next';
import { TableScroll } from '@/components/ui/table-scroll';
import { getFormatter, getLocale, getTranslations } from '@/i18n/server';
import { PageTitle, SubmitButton } from '@/components/ui/form';
import { ShareTrendChart } from '@/components/complaints/share-trend-chart';
import { ShareSparkline } from '@/components/complaints/share-sparkline';
import { toLocale } from '@/lib/locale';
import {
  getServiceRatings,
  type TRatingMonth,
  type TServicePointRatings,
} from '@/server/complaints';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('complaints');
  return { title: t('ratings.title') };
}

// Figures change as cases are answered; render on request (one grouped query and the short
// list of service points, ~40–250 ms on a large history: ADR 015).
export const dynamic = 'force-dynamic';

/** Months of trend shown beside each service point. */
const POINT_TREND_MONTHS = 6;
const UTILITIES: readonly TServicePointRatings['utility'][] = ['electricity', 'water'];

/**
 * 万众评 — public, no sign-in, aggregates only: per department and per service point, for the
 * month the visitor picks (a GET form, no JavaScript needed) and the months before it.
 */
export default async function RatingsPage({
  searchParams,
}: {
  searchParams: Promise<{ month?: string | string[] }>;
}) {
  const query = await searchParams;
  const [t, format, locale, ratings] = await Promise.all([
    getTranslations('complaints'),
    getFormatter(),
    getLocale().then(toLocale),
    getServiceRatings({ month: typeof query.month === 'string' ? query.month : null }),
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
  const selected = (months: TRatingMonth[]) => months.at(-1);
  const name = (text: { zh: string; en: string }) => (locale === 'en' ? text.en : text.zh);
  const change = (months: TRatingMonth[]) => {
    const [previous, latest] = months.slice(-2).map((m) => m.onTimeShare);
    if (latest === null || latest === undefined || previous === null || previous === undefined)
      return t('ratings.changeNone');
    const points = Math.round((latest - previous) * 100);
    return points === 0
      ? t('ratings.changeSame')
      : t('ratings.change', {
          direction: points > 0 ? 'up' : 'down',
          points: format.number(Math.abs(points)),
        });
  };
  const monthCells = (m: TRatingMonth | undefined) => (
    <>
      <td className="py-2 pr-4 tabular-nums">{format.number(m?.cases ?? 0)}</td>
      <td className="py-2 pr-4 tabular-nums">{percent(m?.onTimeShare ?? null)}</td>
      <td className="py-2 pr-4 tabular-nums">{stars(m?.averageRating ?? null)}</td>
      <td className="py-2 pr-4 tabular-nums">{format.number(m?.ratings ?? 0)}</td>
    </>
  );
  const figureHeads = (
    <>
      <th scope="col" className="py-2 pr-4">
        {t('ratings.cases')}
      </th>
      <th scope="col" className="py-2 pr-4">
        {t('ratings.onTime')}
      </th>
      <th scope="col" className="py-2 pr-4">
        {t('ratings.satisfaction')}
      </th>
      <th scope="col" className="py-2 pr-4">
        {t('ratings.ratingsCount')}
      </th>
    </>
  );
  const unassigned = selected(ratings.unassigned);
  return (
    <div className="space-y-10">
      <PageTitle lead={t('ratings.lead')}>{t('ratings.title')}</PageTitle>

      <form method="get" action="/ratings" className="flex flex-wrap items-end gap-4">
        <div className="space-y-1">
          <label htmlFor="month" className="block font-medium">
            {t('ratings.pickMonth')}
          </label>
          <select
            id="month"
            name="month"
            defaultValue={ratings.month}
            className="block min-h-12 rounded-md border border-slate-400 px-3 text-base"
          >
            {ratings.selectableMonths.map((m) => (
              <option key={m} value={m}>
                {monthLong(m)}
              </option>
            ))}
          </select>
        </div>
        <SubmitButton>{t('ratings.show')}</SubmitButton>
      </form>

      <section aria-labelledby="departments" className="space-y-3">
        <h2 id="departments" className="text-xl font-semibold">
          {t('ratings.departmentsHeading', { month: monthLong(ratings.month) })}
        </h2>
        <TableScroll label={t('ratings.departmentsHeading', { month: monthLong(ratings.month) })}>
          <table className="w-full border-collapse text-left" data-testid="ratings-summary">
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-4">
                  {t('staff.department')}
                </th>
                {figureHeads}
              </tr>
            </thead>
            <tbody>
              {ratings.departments.map((d) => (
                <tr key={d.department} className="border-b border-slate-200">
                  <th scope="row" className="py-2 pr-4 font-medium">
                    {t(`department.${d.department}`)}
                  </th>
                  {monthCells(selected(d.months))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
        <p className="text-muted text-sm">{t('ratings.note')}</p>
      </section>

      <section aria-labelledby="service-points" className="space-y-4">
        <h2 id="service-points" className="text-xl font-semibold">
          {t('ratings.pointsHeading', { month: monthLong(ratings.month) })}
        </h2>
        <p className="text-muted max-w-prose">{t('ratings.pointsLead')}</p>
        {UTILITIES.map((utility) => {
          const points = ratings.servicePoints.filter((p) => p.utility === utility);
          if (points.length === 0) return null;
          return (
            <TableScroll key={utility} label={t(`ratings.pointsOf.${utility}`)}>
              <table
                className="w-full border-collapse text-left"
                data-testid={`ratings-points-${utility}`}
              >
                <caption className="mb-2 text-left text-lg font-semibold">
                  {t(`ratings.pointsOf.${utility}`)}
                </caption>
                <thead>
                  <tr className="border-b border-slate-300">
                    <th scope="col" className="py-2 pr-4">
                      {t('ratings.servicePoint')}
                    </th>
                    {figureHeads}
                    <th scope="col" className="py-2">
                      {t('ratings.pointTrend', { count: POINT_TREND_MONTHS })}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {points.map((p) => {
                    const recent = p.months.slice(-POINT_TREND_MONTHS);
                    const pointName = name(p.label);
                    return (
                      <tr key={p.id} className="border-b border-slate-200">
                        <th scope="row" className="py-2 pr-4 font-medium">
                          {pointName}
                        </th>
                        {monthCells(selected(p.months))}
                        <td className="py-2">
                          <span className="flex flex-wrap items-center gap-2">
                            <ShareSparkline
                              label={t('ratings.sparklineLabel', {
                                point: pointName,
                                summary: recent
                                  .map((m) => `${monthShort(m.month)} ${percent(m.onTimeShare)}`)
                                  .join(t('ratings.listJoiner')),
                              })}
                              points={recent.map((m) => ({ key: m.month, value: m.onTimeShare }))}
                            />
                            <span className="text-sm">{change(recent)}</span>
                          </span>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </TableScroll>
          );
        })}
        <p className="text-muted max-w-prose text-sm" data-testid="ratings-unassigned">
          {t('ratings.unassigned', { count: unassigned?.cases ?? 0 })}
        </p>
      </section>

      {ratings.departments.map((d) => {
        const headingId = `dept-${d.department}`;
        const summary = d.months
          .map((m) => `${monthShort(m.month)} ${percent(m.onTimeShare)}`)
          .join(t('ratings.listJoiner'));
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
              <TableScroll label={t(`department.${d.department}`)}>
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
              </TableScroll>
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
