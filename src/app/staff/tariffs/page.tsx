import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { getFormatter, getLocale, getTranslations } from '@/i18n/server';
import { FormMessage, PageTitle } from '@/components/ui/form';
import { toLocale } from '@/lib/locale';
import { formatFen, trimUnitPrice } from '@/lib/money';
import { requirePermission } from '@/server/auth';
import { listTariffVersions, tierBounds, type TTariffVersionListItem } from '@/server/tariffs';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('tariffs');
  return { title: t('title') };
}

const UTILITIES = ['electricity', 'water'] as const;

export default async function StaffTariffsPage({
  searchParams,
}: {
  searchParams: Promise<{ done?: string }>;
}) {
  const actor = await requirePermission('manage:tariff');
  const params = await searchParams;
  const versions = await listTariffVersions({ actor });
  const t = await getTranslations('tariffs');
  return (
    <div className="space-y-8">
      <PageTitle lead={t('lead')}>{t('title')}</PageTitle>
      {params.done === 'created' ? (
        <FormMessage tone="success">{t('done.created')}</FormMessage>
      ) : null}
      {UTILITIES.map((utility) => (
        <UtilitySection
          key={utility}
          utility={utility}
          versions={versions.filter((v) => v.utility === utility).reverse()}
        />
      ))}
    </div>
  );
}

async function UtilitySection({
  utility,
  versions,
}: {
  utility: (typeof UTILITIES)[number];
  versions: TTariffVersionListItem[];
}) {
  const t = await getTranslations('tariffs');
  const name = t(`utility.${utility}`);
  const headingId = `tariffs-${utility}`;
  return (
    <section aria-labelledby={headingId} className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h2 id={headingId} className="text-xl font-semibold">
          {name}
          <span className="text-muted ml-2 text-base font-normal">
            {t('list.versionCount', { count: versions.length })}
          </span>
        </h2>
        <Link href={`/staff/tariffs/new?utility=${utility}`} className="btn-primary">
          {t('list.newVersion', { utility })}
        </Link>
      </div>
      {versions.length === 0 ? <p>{t('list.none', { utility })}</p> : null}
      {versions.map((version) => (
        <TariffVersionCard key={version.id} version={version} />
      ))}
    </section>
  );
}

const STATUS_STYLE: Record<TTariffVersionListItem['status'], string> = {
  current: 'border-success bg-green-50 text-success',
  upcoming: 'border-brand-600 bg-brand-50 text-brand-800',
  past: 'border-slate-400 bg-slate-50 text-slate-700',
};

async function TariffVersionCard({ version }: { version: TTariffVersionListItem }) {
  const t = await getTranslations('tariffs');
  const format = await getFormatter();
  const locale = toLocale(await getLocale());
  const unit = t(`unit.${version.utility}`);
  const date = (value: string) =>
    format.dateTime(new Date(`${value}T00:00:00+08:00`), { dateStyle: 'long' });
  const quantity = (value: string) => `${format.number(Number(value))} ${unit}`;
  const price = (value: string) => `¥${trimUnitPrice(value)}`;
  // Bounds for the standard household: the tariff's own figures, laid out as ranges.
  const bounds = version.tiers.length > 0 ? tierBounds(version, version.baseHouseholdSize) : [];
  const headingId = `tariff-${version.id}-heading`;
  const name = locale === 'en' ? version.nameEn : version.nameZh;
  return (
    <article
      id={`tariff-${version.id}`}
      aria-labelledby={headingId}
      className="space-y-4 rounded-lg border border-slate-300 p-4"
    >
      <div className="flex flex-wrap items-center gap-3">
        <h3 id={headingId} className="text-lg font-semibold">
          {name}
        </h3>
        <span className={`pill px-3 font-semibold ${STATUS_STYLE[version.status]}`}>
          {t(`status.${version.status}`)}
        </span>
      </div>
      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium">{t('list.code')}</dt>
        <dd className="font-mono">{version.code}</dd>
        <dt className="font-medium">{t('list.effective')}</dt>
        <dd>
          {version.effectiveTo === null
            ? t('list.effectiveOpen', { from: date(version.effectiveFrom) })
            : t('list.effectiveRange', {
                from: date(version.effectiveFrom),
                to: date(lastDay(version.effectiveTo)),
              })}
        </dd>
        <dt className="font-medium">{t('list.tierPeriod')}</dt>
        <dd>{t(`tierPeriod.${version.tierPeriod}`)}</dd>
        <dt className="font-medium">{t('list.baseHousehold')}</dt>
        <dd>{t('list.baseHouseholdValue', { count: version.baseHouseholdSize })}</dd>
        <dt className="font-medium">{t('list.fixed')}</dt>
        <dd>
          {version.fixedMonthlyFen === 0
            ? t('list.noFixed')
            : formatFen(version.fixedMonthlyFen, locale)}
        </dd>
      </dl>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[36rem] border-collapse text-left">
          <caption className="mb-2 text-left font-semibold">{t('list.tiersCaption')}</caption>
          <thead>
            <tr className="border-b-2 border-slate-300">
              <th scope="col" className="py-2 pr-3">
                {t('list.columns.tier')}
              </th>
              <th scope="col" className="py-2 pr-3">
                {t('list.columns.range')}
              </th>
              <th scope="col" className="py-2 pr-3">
                {t('list.columns.unitPrice')}
              </th>
              <th scope="col" className="py-2">
                {t('list.columns.extraPerPerson')}
              </th>
            </tr>
          </thead>
          <tbody>
            {bounds.map((bound, index) => {
              const tier = version.tiers[index];
              const extra = tier && Number(tier.extraPerPerson) > 0 ? tier.extraPerPerson : null;
              return (
                <tr key={bound.tierNo} className="border-b border-slate-200">
                  <th scope="row" className="py-2 pr-3 font-medium">
                    {t('tierName', { tier: bound.tierNo })}
                  </th>
                  <td className="py-2 pr-3">
                    {bound.upTo === null
                      ? index === 0
                        ? t('list.rangeOnly')
                        : t('list.rangeTop', { from: quantity(bound.from) })
                      : index === 0
                        ? t('list.rangeFirst', { upTo: quantity(bound.upTo) })
                        : t('list.rangeMiddle', {
                            from: quantity(bound.from),
                            upTo: quantity(bound.upTo),
                          })}
                  </td>
                  <td className="py-2 pr-3">
                    {t('list.perUnit', { price: price(bound.unitPrice), unit })}
                  </td>
                  <td className="py-2">{extra === null ? t('list.noExtra') : quantity(extra)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div>
        <h4 className="font-semibold">{t('list.surcharges')}</h4>
        {version.surcharges.length === 0 ? (
          <p>{t('list.noSurcharges')}</p>
        ) : (
          <ul className="list-disc pl-6">
            {version.surcharges.map((s) => (
              <li key={s.code}>
                {t('list.surchargeItem', {
                  name: locale === 'en' ? s.nameEn : s.nameZh,
                  code: s.code,
                  price: price(s.unitPrice),
                  unit,
                })}
              </li>
            ))}
          </ul>
        )}
      </div>
    </article>
  );
}

/** effectiveTo is exclusive; people read the last day the version applies. */
function lastDay(exclusiveEnd: string): string {
  const date = new Date(`${exclusiveEnd}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}
