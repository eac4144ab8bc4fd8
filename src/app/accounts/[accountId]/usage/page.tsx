import type { Metadata } from 'next';
import { TableScroll } from '@/components/ui/table-scroll';
import Link from '@/components/ui/link';
import { getFormatter, getLocale, getTranslations } from '@/i18n/server';
import { pageNotFound } from '@/lib/page-not-found';
import { toLocale } from '@/lib/locale';
import { Field, FormMessage, PageTitle, SubmitButton } from '@/components/ui/form';
import { MonthlyBarChart } from '@/components/charts/monthly-bar-chart';
import { TierProgressBar } from '@/components/charts/tier-progress-bar';
import { dateOnly } from '@/components/accounts/readings-table';
import { requireUser } from '@/server/auth';
import { addMonths, getUsageOverview, type TUsageMonth, type TUsageOverview } from '@/server/usage';

type TProps = {
  params: Promise<{ accountId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

function parseAccountId(raw: string): number | null {
  return /^\d{1,9}$/.test(raw) ? Number(raw) : null;
}

function one(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('usage');
  return { title: t('metaTitle') };
}

export default async function UsagePage({ params, searchParams }: TProps) {
  const actor = await requireUser();
  const accountId = parseAccountId((await params).accountId);
  if (accountId === null) pageNotFound();
  const overview = await getUsageOverview({ actor, accountId });
  if (!overview) pageNotFound();
  const query = await searchParams;

  const t = await getTranslations('usage');
  const locale = toLocale(await getLocale());
  const zh = locale === 'zh-CN';
  const { account, months } = overview;
  const unit = t(`unit.${account.utility}`);

  return (
    <div className="space-y-10">
      <p>
        <Link href={`/accounts/${account.id}`}>← {t('back')}</Link>
      </p>
      <PageTitle
        lead={t('lead', {
          number: account.accountNumber,
          district: zh ? account.district.zh : account.district.en,
          people: account.householdSize,
        })}
      >
        {t('title', { utility: account.utility })}
      </PageTitle>

      {months.length === 0 ? (
        <p className="rounded-md bg-slate-50 p-4">{t('empty')}</p>
      ) : (
        <>
          <LatestMonth overview={overview} />
          <UsageChart overview={overview} />
          <PeerSection overview={overview} />
        </>
      )}
      <TierSection overview={overview} unit={unit} locale={locale} />
      <ExportSection
        overview={overview}
        error={one(query.exportError)}
        from={one(query.from)}
        to={one(query.to)}
      />
    </div>
  );
}

async function numberFormats(unit: string) {
  const t = await getTranslations('usage');
  const format = await getFormatter();
  const number = (value: string | number) =>
    format.number(Number(value), { minimumFractionDigits: 0, maximumFractionDigits: 2 });
  return {
    number,
    amount: (value: string | number) => t('amount', { value: number(value), unit }),
    month: (period: string) =>
      format.dateTime(dateOnly(period), { year: 'numeric', month: 'long' }),
    monthShort: (period: string) => format.dateTime(dateOnly(period), { month: 'short' }),
    date: (value: string) => format.dateTime(dateOnly(value), { dateStyle: 'long' }),
    percent: (ratio: number) =>
      format.number(ratio, { style: 'percent', maximumFractionDigits: 0 }),
  };
}

async function LatestMonth({ overview }: { overview: TUsageOverview }) {
  const t = await getTranslations('usage');
  const unit = t(`unit.${overview.account.utility}`);
  const { amount, month, percent } = await numberFormats(unit);
  // Chinese sentences follow each other without a space.
  const gap = (await getLocale()) === 'zh-CN' ? '' : ' ';
  const latest = overview.months.findLast((m) => m.usage !== null);
  const last = overview.months.at(-1);
  if (!latest?.usage) return null;
  const usage = Number(latest.usage);
  const lastYear = latest.lastYear === null ? null : Number(latest.lastYear);
  const change = lastYear ? (usage - lastYear) / lastYear : null;
  return (
    <section aria-labelledby="latest-heading" className="space-y-2">
      <h2 id="latest-heading" className="text-xl font-semibold">
        {t('summary.heading')}
      </h2>
      {last && last.status === 'missing' ? (
        <p className="rounded-md border-l-4 border-amber-500 bg-amber-50 px-3 py-2">
          {t('summary.missing', { month: month(last.period) })}
        </p>
      ) : null}
      <p className="text-lg">
        {t('summary.latest', { month: month(latest.period), amount: amount(latest.usage) })}
        {gap}
        {change === null
          ? t('summary.vsLastYearNone')
          : Math.abs(change) < 0.005
            ? t('summary.vsLastYearSame')
            : t('summary.vsLastYear', {
                direction: change > 0 ? 'up' : 'down',
                percent: percent(Math.abs(change)),
              })}
      </p>
      {latest.peers ? (
        <p>
          {t('summary.vsPeers', {
            median: amount(latest.peers.median),
            efficient: amount(latest.peers.efficient),
          })}
        </p>
      ) : null}
    </section>
  );
}

async function UsageChart({ overview }: { overview: TUsageOverview }) {
  const t = await getTranslations('usage');
  const format = await getFormatter();
  const unit = t(`unit.${overview.account.utility}`);
  const { amount, month, monthShort, number } = await numberFormats(unit);
  const { months } = overview;
  const first = months[0];
  const last = months.at(-1);
  if (!first || !last) return null;
  const hasPeers = months.some((m) => m.peers);
  const statusCell = (m: TUsageMonth) => (
    <>
      {m.status === 'actual' ? (
        t('status.actual')
      ) : (
        <span
          className={`rounded px-2 py-0.5 ${m.status === 'missing' ? 'bg-red-50 text-red-800' : 'bg-amber-100 text-amber-900'}`}
        >
          {t(`status.${m.status}`)}
        </span>
      )}
      {m.coversMissing ? (
        <span className="text-muted ml-2 text-sm">{t('table.coversMissing')}</span>
      ) : null}
    </>
  );
  return (
    <section aria-labelledby="chart-heading" className="space-y-4">
      <h2 id="chart-heading" className="text-xl font-semibold">
        {t('chart.heading', { count: months.length })}
      </h2>
      <MonthlyBarChart
        title={t('chart.heading', { count: months.length })}
        summary={t('chart.summary', {
          from: month(first.period),
          to: month(last.period),
          count: months.length,
          missing: months.filter((m) => m.status === 'missing').length,
        })}
        bars={months.map((m) => ({
          key: m.period,
          label: monthShort(m.period),
          value: m.usage === null ? null : Number(m.usage),
          tone: m.status === 'estimated' || m.status === 'customer' ? 'flag' : 'normal',
        }))}
        lines={[
          {
            key: 'last-year',
            label: t('chart.lastYear'),
            values: months.map((m) => (m.lastYear === null ? null : Number(m.lastYear))),
            style: 'dashed' as const,
          },
          ...(hasPeers
            ? [
                {
                  key: 'peers',
                  label: t('chart.peerMedian'),
                  values: months.map((m) => (m.peers ? Number(m.peers.median) : null)),
                  style: 'dotted' as const,
                },
              ]
            : []),
        ]}
        formatTick={(value) => format.number(value, { maximumFractionDigits: 0 })}
        missingLabel={t('chart.missingMark')}
        legend={{ bar: t('chart.bar'), flag: t('chart.flag'), missing: t('chart.missing') }}
      />
      <TableScroll label={t('table.caption', { unit })}>
        <table className="w-full min-w-[36rem] border-collapse text-left whitespace-nowrap">
          <caption className="text-muted mb-2 text-left text-sm">
            {t('table.caption', { unit })}
          </caption>
          <thead>
            <tr className="border-b-2 border-slate-300">
              <th scope="col" className="py-2 pr-4">
                {t('table.month')}
              </th>
              <th scope="col" className="py-2 pr-4 text-right">
                {t('table.usage')}
              </th>
              <th scope="col" className="py-2 pr-4">
                {t('table.status')}
              </th>
              <th scope="col" className="py-2 pr-4 text-right">
                {t('table.lastYear')}
              </th>
              {hasPeers ? (
                <>
                  <th scope="col" className="py-2 pr-4 text-right">
                    {t('table.peerMedian')}
                  </th>
                  <th scope="col" className="py-2 text-right">
                    {t('table.peerEfficient')}
                  </th>
                </>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {[...months].reverse().map((m) => (
              <tr key={m.period} className="border-b border-slate-200">
                <th scope="row" className="py-2 pr-4 font-medium">
                  {month(m.period)}
                </th>
                <td className="py-2 pr-4 text-right tabular-nums">
                  {m.usage === null ? t('table.none') : amount(m.usage)}
                </td>
                <td className="py-2 pr-4">{statusCell(m)}</td>
                <td className="py-2 pr-4 text-right tabular-nums">
                  {m.lastYear === null ? t('table.none') : number(m.lastYear)}
                </td>
                {hasPeers ? (
                  <>
                    <td className="py-2 pr-4 text-right tabular-nums">
                      {m.peers ? number(m.peers.median) : t('table.none')}
                    </td>
                    <td className="py-2 text-right tabular-nums">
                      {m.peers ? number(m.peers.efficient) : t('table.none')}
                    </td>
                  </>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

async function PeerSection({ overview }: { overview: TUsageOverview }) {
  const t = await getTranslations('usage');
  const zh = (await getLocale()) === 'zh-CN';
  const { account } = overview;
  return (
    <section aria-labelledby="peers-heading" className="space-y-2">
      <h2 id="peers-heading" className="text-xl font-semibold">
        {t('peers.heading')}
      </h2>
      <p className="max-w-prose">
        {overview.peerHouseholds === null
          ? t('peers.none')
          : t('peers.explain', {
              district: zh ? account.district.zh : account.district.en,
              people: account.householdSize,
              utility: t(`peers.utility.${account.utility}`),
              count: overview.peerHouseholds,
            })}
      </p>
    </section>
  );
}

async function TierSection({
  overview,
  unit,
  locale,
}: {
  overview: TUsageOverview;
  unit: string;
  locale: 'zh-CN' | 'en';
}) {
  const t = await getTranslations('usage');
  const { amount, number, date } = await numberFormats(unit);
  const progress = overview.tierProgress;
  // A unit price keeps its own decimals ("¥0.538", "¥8.40"), never rounded to the fen.
  const price = (yuan: string) => {
    const decimals = Math.max(2, yuan.split('.')[1]?.length ?? 0);
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: 'CNY',
      currencyDisplay: 'narrowSymbol',
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    }).format(yuan as unknown as number);
  };
  const tierName = (tier: number) => t('tiers.tier', { tier });
  const gap = locale === 'zh-CN' ? '' : ' ';
  if (!progress) {
    return (
      <section aria-labelledby="tiers-heading" className="space-y-2">
        <h2 id="tiers-heading" className="text-xl font-semibold">
          {t('tiers.heading')}
        </h2>
        <p>{t('tiers.none')}</p>
      </section>
    );
  }
  const last = progress.tiers.at(-1);
  const lastBound = progress.tiers.at(-2)?.upTo ?? '0';
  // The open top tier is drawn as wide as a quarter of the bounded ones (or the usage).
  const scaleEnd = Math.max(Number(lastBound) * 1.25, Number(progress.used) * 1.05, 1);
  const segments = progress.tiers.map((tier) => ({
    key: String(tier.tierNo),
    label:
      tier.upTo === null
        ? t('tiers.rangeOpen', {
            tier: tierName(tier.tierNo),
            from: number(tier.from),
            unit,
            price: price(tier.unitPrice),
          })
        : t('tiers.range', {
            tier: tierName(tier.tierNo),
            from: number(tier.from),
            to: number(tier.upTo),
            unit,
            price: price(tier.unitPrice),
          }),
    span: (tier.upTo === null ? scaleEnd : Number(tier.upTo)) - Number(tier.from),
  }));
  const nextTier = progress.tiers.find((tier) => tier.tierNo > progress.currentTier);
  const hasSurcharge = Number(progress.surchargePerUnit) > 0;
  return (
    <section aria-labelledby="tiers-heading" className="space-y-3">
      <h2 id="tiers-heading" className="text-xl font-semibold">
        {t('tiers.heading')}
      </h2>
      <p className="max-w-prose text-lg">
        {progress.tierPeriod === 'year'
          ? t('tiers.periodYear', { from: date(progress.periodStart), used: amount(progress.used) })
          : t('tiers.periodMonth', { used: amount(progress.used) })}
        {gap}
        {t('tiers.current', { tier: tierName(progress.currentTier) })}
        {gap}
        {progress.leftInTier !== null && nextTier
          ? t('tiers.left', {
              left: amount(progress.leftInTier),
              nextTier: tierName(nextTier.tierNo),
            })
          : t('tiers.top')}
      </p>
      <p className="max-w-prose">
        {hasSurcharge
          ? t('tiers.nextUnitWithSurcharge', {
              unitName: t(`unitName.${overview.account.utility}`),
              price: price(progress.nextUnitPrice),
              surcharge: price(progress.surchargePerUnit),
            })
          : t('tiers.nextUnit', {
              unitName: t(`unitName.${overview.account.utility}`),
              price: price(progress.nextUnitPrice),
            })}
        {gap}
        {t('tiers.resets', { date: date(progress.resetsOn) })}
      </p>
      <TierProgressBar
        segments={segments}
        position={
          Number(progress.used) / (Number(lastBound) + (last ? scaleEnd - Number(lastBound) : 0))
        }
        markerLabel={t('tiers.marker', {
          used: amount(progress.used),
          tier: tierName(progress.currentTier),
        })}
      />
      <ol className="space-y-1">
        {segments.map((segment, i) => {
          const tier = progress.tiers[i];
          const here = tier?.tierNo === progress.currentTier;
          return (
            <li
              key={segment.key}
              className={
                here
                  ? 'border-brand-600 bg-brand-50 rounded-md border-l-4 px-3 py-1 font-semibold'
                  : 'px-3 py-1'
              }
            >
              {segment.label}
              {here ? <span className="ml-2">{t('tiers.you')}</span> : null}
            </li>
          );
        })}
      </ol>
      <p className="text-muted text-sm">{t('tiers.note')}</p>
    </section>
  );
}

async function ExportSection({
  overview,
  error,
  from,
  to,
}: {
  overview: TUsageOverview;
  error: string | undefined;
  from: string | undefined;
  to: string | undefined;
}) {
  const t = await getTranslations('usage');
  const last = overview.months.at(-1)?.period;
  const defaultTo = (to ?? last ?? '').slice(0, 7);
  const defaultFrom = (from ?? (last ? addMonths(last, -11) : '')).slice(0, 7);
  const fromError = error === 'from' ? [t('export.errors.month')] : undefined;
  const toError =
    error === 'to'
      ? [t('export.errors.month')]
      : error === 'range'
        ? [t('export.errors.range')]
        : undefined;
  return (
    <section aria-labelledby="export-heading" id="export" className="space-y-3">
      <h2 id="export-heading" className="text-xl font-semibold">
        {t('export.heading')}
      </h2>
      <p className="max-w-prose">{t('export.lead')}</p>
      {error ? <FormMessage tone="error">{fromError?.[0] ?? toError?.[0]}</FormMessage> : null}
      <form
        method="get"
        action={`/accounts/${overview.account.id}/usage/export`}
        className="space-y-4"
      >
        <div className="flex flex-wrap gap-4">
          <Field
            id="export-from"
            name="from"
            type="month"
            label={t('export.from')}
            hint={t('export.monthHint')}
            defaultValue={defaultFrom}
            errors={fromError}
            focus={Boolean(fromError)}
            required
            pattern="\d{4}-\d{2}"
          />
          <Field
            id="export-to"
            name="to"
            type="month"
            label={t('export.to')}
            hint={t('export.monthHint')}
            defaultValue={defaultTo}
            errors={toError}
            focus={!fromError && Boolean(toError)}
            required
            pattern="\d{4}-\d{2}"
          />
        </div>
        <fieldset className="space-y-2">
          <legend className="font-medium">{t('export.format')}</legend>
          <label className="flex min-h-11 items-center gap-2">
            <input type="radio" name="format" value="csv" defaultChecked className="size-5" />
            {t('export.csv')}
          </label>
          <label className="flex min-h-11 items-center gap-2">
            <input type="radio" name="format" value="xml" className="size-5" />
            {t('export.xml')}
          </label>
        </fieldset>
        <SubmitButton>{t('export.submit')}</SubmitButton>
      </form>
    </section>
  );
}
