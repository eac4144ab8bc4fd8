import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { getTranslations } from '@/i18n/server';
import { ClientMessages } from '@/components/i18n/client-messages';
import { PageTitle } from '@/components/ui/form';
import { Decimal } from '@/lib/decimal';
import { yuanFromFen, trimUnitPrice } from '@/lib/money';
import { requirePermission } from '@/server/auth';
import { listTariffVersions, type TTariffVersionListItem } from '@/server/tariffs';
import { CreateTariffVersionForm } from './create-tariff-version-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('tariffs');
  return { title: t('new.title') };
}

export default async function NewTariffVersionPage({
  searchParams,
}: {
  searchParams: Promise<{ utility?: string }>;
}) {
  const actor = await requirePermission('manage:tariff');
  const params = await searchParams;
  const utility = params.utility === 'water' ? 'water' : 'electricity';
  const versions = await listTariffVersions({ actor });
  const latest = versions.filter((v) => v.utility === utility).at(-1);
  const t = await getTranslations('tariffs');
  return (
    <div className="max-w-3xl space-y-6">
      <PageTitle lead={t('new.lead')}>{t('new.title')}</PageTitle>
      <ClientMessages namespaces={['tariffs']}>
        <CreateTariffVersionForm
          defaults={formDefaults(utility, latest)}
          units={{ electricity: t('unit.electricity'), water: t('unit.water') }}
        />
      </ClientMessages>
      <p>
        <Link href="/staff/tariffs">{t('new.cancel')}</Link>
      </p>
    </div>
  );
}

/** The latest version of the utility as form values, so staff change only what changes. */
function formDefaults(
  utility: 'electricity' | 'water',
  latest: TTariffVersionListItem | undefined,
): Record<string, string> {
  const values: Record<string, string> = {
    utility,
    tierPeriod: 'year',
    baseHouseholdSize: '4',
    closeOpenVersion: 'on',
  };
  if (!latest) return values;
  Object.assign(values, {
    nameZh: latest.nameZh,
    nameEn: latest.nameEn,
    tierPeriod: latest.tierPeriod,
    baseHouseholdSize: String(latest.baseHouseholdSize),
    fixedMonthly: latest.fixedMonthlyFen === 0 ? '' : yuanFromFen(latest.fixedMonthlyFen),
  });
  for (const [index, tier] of latest.tiers.entries()) {
    const n = index + 1;
    values[`tier${n}UpTo`] = tier.upTo === null ? '' : new Decimal(tier.upTo).toFixed();
    values[`tier${n}ExtraPerPerson`] = new Decimal(tier.extraPerPerson).isZero()
      ? ''
      : new Decimal(tier.extraPerPerson).toFixed();
    values[`tier${n}UnitPrice`] = trimUnitPrice(tier.unitPrice);
  }
  for (const [index, surcharge] of latest.surcharges.entries()) {
    const n = index + 1;
    values[`surcharge${n}Code`] = surcharge.code;
    values[`surcharge${n}NameZh`] = surcharge.nameZh;
    values[`surcharge${n}NameEn`] = surcharge.nameEn;
    values[`surcharge${n}UnitPrice`] = trimUnitPrice(surcharge.unitPrice);
  }
  return values;
}
