import type { Metadata } from 'next';
import { TableScroll } from '@/components/ui/table-scroll';
import Link from '@/components/ui/link';
import { getLocale, getTranslations } from '@/i18n/server';
import { pageNotFound } from '@/lib/page-not-found';
import { toLocale } from '@/lib/locale';
import { formatFen } from '@/lib/money';
import { PageTitle } from '@/components/ui/form';
import { MonthlyBarChart } from '@/components/charts/monthly-bar-chart';
import { requireUser } from '@/server/auth';
import {
  formatMonth,
  formatPercent,
  formatUsage,
  getAnnualReport,
  changeOnLastYear,
  USAGE_UNIT,
} from '@/server/reports';
import { parseAccountId, parseYear } from '../parse-report-params';

type TParams = { params: Promise<{ accountId: string; year: string }> };

export async function generateMetadata({ params }: TParams): Promise<Metadata> {
  const t = await getTranslations('reports');
  const year = parseYear((await params).year);
  return { title: year ? `${t('list.title')} ${year}` : t('list.title') };
}

/** One year's report as a page: the same figures as the PDF, chart with a table beside it. */
export default async function AnnualReportPage({ params }: TParams) {
  const actor = await requireUser();
  const raw = await params;
  const accountId = parseAccountId(raw.accountId);
  const year = parseYear(raw.year);
  if (accountId === null || year === null) pageNotFound();
  const report = await getAnnualReport({ actor, accountId, year });
  if (!report) pageNotFound();

  const t = await getTranslations('reports');
  const locale = toLocale(await getLocale());
  const zh = locale === 'zh-CN';
  const usage = (value: string) => formatUsage(value, report.utility, locale);
  const title = t('report.title', { year, utility: report.utility });
  const listHref = `/accounts/${accountId}/reports`;
  const lead = [
    t('report.account', { number: report.accountNumber }),
    zh ? report.address.zh : report.address.en,
    t('report.householdSize', { count: report.householdSize }),
  ].join(' · ');

  if (report.monthsWithData === 0) {
    return (
      <div className="space-y-6">
        <p>
          <Link href={listHref}>← {t('report.backToList')}</Link>
        </p>
        <PageTitle lead={lead}>{title}</PageTitle>
        <section
          aria-labelledby="no-data-heading"
          className="max-w-prose space-y-3 rounded-md border-l-4 border-amber-500 bg-amber-50 p-4"
        >
          <h2 id="no-data-heading" className="text-xl font-semibold">
            {t('report.noData.title', { year })}
          </h2>
          <p>{t('report.noData.body', { year, utility: report.utility })}</p>
          <p>
            <Link href={listHref} className="font-semibold">
              {t('report.noData.others')}
            </Link>
          </p>
        </section>
      </div>
    );
  }

  const { change, months: comparedMonths } = changeOnLastYear(report);
  const changeText =
    change === null
      ? t('report.figures.lastYearNone')
      : change === 0
        ? t('report.figures.same')
        : t(change > 0 ? 'report.figures.up' : 'report.figures.down', {
            percent: formatPercent(change, locale),
          });
  const unit = USAGE_UNIT[report.utility];
  const tickFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });

  return (
    <div className="space-y-8">
      <p>
        <Link href={listHref}>← {t('report.backToList')}</Link>
      </p>
      <PageTitle lead={lead}>{title}</PageTitle>

      <p className="flex flex-wrap items-center gap-x-4 gap-y-1">
        <a href={`/accounts/${accountId}/reports/${year}/pdf`} className="btn-primary">
          {t('report.download')}
        </a>
        <span className="text-muted">{t('report.downloadHint')}</span>
      </p>

      {report.monthsWithData < 12 ? (
        <p className="rounded-md border-l-4 border-amber-500 bg-amber-50 px-3 py-2">
          {t('report.partial', { count: report.monthsWithData })}
        </p>
      ) : null}

      <section aria-labelledby="figures-heading" className="space-y-3">
        <h2 id="figures-heading" className="text-xl font-semibold">
          {t('report.figures.heading')}
        </h2>
        <dl className="grid gap-3 sm:grid-cols-2">
          <div className="rounded-xl border border-slate-200 p-4">
            <dt className="text-muted">{t('report.figures.total')}</dt>
            <dd className="text-2xl font-bold">{usage(report.total)}</dd>
          </div>
          <div className="rounded-xl border border-slate-200 p-4">
            <dt className="text-muted">{t('report.figures.cost', { utility: report.utility })}</dt>
            {report.cost ? (
              <dd>
                <span className="block text-2xl font-bold">
                  {formatFen(report.cost.totalFen, locale, report.cost.currency)}
                </span>
                <span className="text-muted">
                  {t('report.figures.bills', { count: report.cost.bills })}
                </span>
              </dd>
            ) : (
              <dd>
                <span className="block text-xl font-semibold">{t('report.figures.costNone')}</span>
                <span className="text-muted">{t('report.figures.costNoneDetail')}</span>
              </dd>
            )}
          </div>
          <div className="rounded-xl border border-slate-200 p-4">
            <dt className="text-muted">{t('report.figures.lastYear')}</dt>
            <dd>
              <span className="block text-xl font-semibold">{changeText}</span>
              {change !== null && report.lastYearTotal !== null ? (
                <span className="text-muted">
                  {comparedMonths < 12
                    ? t('report.figures.lastYearMonths', { count: comparedMonths })
                    : t('report.figures.lastYearTotal', { value: usage(report.lastYearTotal) })}
                </span>
              ) : null}
            </dd>
          </div>
          <div className="rounded-xl border border-slate-200 p-4">
            <dt className="text-muted">{t('report.figures.similar')}</dt>
            {report.similar ? (
              <dd>
                <span className="block text-xl font-semibold">
                  {t('report.figures.median', { value: usage(report.similar.median) })}
                </span>
                <span className="text-muted block">
                  {t('report.figures.efficient', { value: usage(report.similar.efficient) })}
                </span>
                <span className="text-muted block text-sm">
                  {t('report.figures.similarLead', {
                    count: report.similar.households,
                    size: report.householdSize,
                  })}
                </span>
              </dd>
            ) : (
              <dd className="text-xl font-semibold">{t('report.figures.similarNone')}</dd>
            )}
          </div>
        </dl>
      </section>

      <section aria-labelledby="chart-heading" className="space-y-3">
        <h2 id="chart-heading" className="text-xl font-semibold">
          {t('report.chart.heading')}
        </h2>
        <MonthlyBarChart
          title={t('report.chart.heading')}
          summary={t('report.chart.description', { year })}
          bars={report.months.map((m) => ({
            key: m.period,
            label: formatMonth(m.period, locale, true),
            value: m.usage === null ? null : Number(m.usage),
            tone: m.estimated ? 'flag' : 'normal',
          }))}
          lines={
            report.lastYearTotal === null
              ? []
              : [
                  {
                    key: 'last-year',
                    label: t('report.chart.lastYear', { year: year - 1 }),
                    values: report.months.map((m) =>
                      m.lastYearUsage === null ? null : Number(m.lastYearUsage),
                    ),
                    style: 'dashed',
                  },
                ]
          }
          formatTick={(v) => tickFormat.format(v)}
          missingLabel="?"
          legend={{
            bar: t('report.chart.thisYear', { year }),
            flag: t('report.chart.estimated'),
            missing: t('report.chart.missing'),
          }}
        />
        <TableScroll label={t('report.chart.tableCaption', { year, unit })}>
          <table className="w-full max-w-2xl border-collapse text-left">
            <caption className="mb-2 text-left font-medium">
              {t('report.chart.tableCaption', { year, unit })}
            </caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-4">
                  {t('report.chart.month')}
                </th>
                <th scope="col" className="py-2 pr-4 text-right">
                  {t('report.chart.usage')}
                </th>
                <th scope="col" className="py-2 text-right">
                  {t('report.chart.lastYearUsage')}
                </th>
              </tr>
            </thead>
            <tbody>
              {report.months.map((m) => (
                <tr key={m.period} className="border-b border-slate-200">
                  <th scope="row" className="py-2 pr-4 font-normal">
                    {formatMonth(m.period, locale)}
                  </th>
                  <td className="py-2 pr-4 text-right tabular-nums">
                    {m.usage === null ? (
                      <span className="text-danger">{t('report.chart.noReading')}</span>
                    ) : (
                      <>
                        {usage(m.usage)}
                        {m.estimated ? (
                          <span className="ml-2 rounded bg-amber-100 px-1.5 text-sm text-amber-900">
                            {t('report.chart.estimated')}
                          </span>
                        ) : null}
                      </>
                    )}
                  </td>
                  <td className="text-muted py-2 text-right tabular-nums">
                    {m.lastYearUsage === null ? '—' : usage(m.lastYearUsage)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
        {report.months.some((m) => m.estimated) ? (
          <p className="text-muted">{t('report.estimatedNote')}</p>
        ) : null}
      </section>

      <div className="grid gap-6 md:grid-cols-3">
        <section aria-labelledby="peaks-heading" className="space-y-2">
          <h2 id="peaks-heading" className="text-lg font-semibold">
            {t('report.peaks.heading')}
          </h2>
          {report.peakMonths.length ? (
            <ol className="space-y-1">
              {report.peakMonths.map((period) => (
                <li key={period}>
                  {t('report.peaks.item', {
                    month: formatMonth(period, locale),
                    usage: usage(report.months.find((m) => m.period === period)?.usage ?? '0'),
                  })}
                </li>
              ))}
            </ol>
          ) : (
            <p className="text-muted">{t('report.peaks.none')}</p>
          )}
        </section>
        <section aria-labelledby="tiers-heading" className="space-y-2">
          <h2 id="tiers-heading" className="text-lg font-semibold">
            {t('report.tiers.heading')}
          </h2>
          {report.tierMonths.length ? (
            <>
              <ul className="space-y-1">
                {report.tierMonths.map((tier) => (
                  <li key={tier.tierNo}>
                    {t('report.tiers.item', {
                      tier: t('tierName', { tier: String(tier.tierNo) }),
                      count: tier.months,
                    })}
                  </li>
                ))}
              </ul>
              <p className="text-muted text-sm">{t('report.tiers.lead')}</p>
            </>
          ) : (
            <p className="text-muted">{t('report.tiers.none')}</p>
          )}
        </section>
        <section aria-labelledby="waivers-heading" className="space-y-2">
          <h2 id="waivers-heading" className="text-lg font-semibold">
            {t('report.waivers.heading')}
          </h2>
          <p className={report.waivers.lines ? undefined : 'text-muted'}>
            {report.waivers.lines
              ? t('report.waivers.some', {
                  count: report.waivers.lines,
                  amount: formatFen(Math.abs(report.waivers.totalFen), locale),
                })
              : t('report.waivers.none')}
          </p>
          {report.waivers.lateCredits ? (
            <p className="text-muted text-sm">
              {t('report.waivers.lateCredits', { count: report.waivers.lateCredits })}
            </p>
          ) : null}
        </section>
      </div>

      <section
        aria-labelledby="advice-heading"
        className="bg-brand-50 max-w-prose space-y-3 rounded-xl p-5"
      >
        <h2 id="advice-heading" className="text-xl font-semibold">
          {t('report.advice.heading')}
        </h2>
        <ul className="list-disc space-y-2 pl-5">
          {report.advice.map((code) => (
            <li key={code}>{t(`report.advice.${code}`)}</li>
          ))}
        </ul>
      </section>
    </div>
  );
}
