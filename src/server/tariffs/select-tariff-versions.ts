import 'server-only';
import { asc, inArray, type SQL } from 'drizzle-orm';
import type { TDb } from '../db';
import { tariffs, tariffSurcharges, tariffTiers } from '../db/schema';
import type { TTariffVersion } from './compute-bill-lines';

export type TTariffVersionRow = TTariffVersion & {
  code: string;
  nameZh: string;
  nameEn: string;
  currency: string;
};

type TReader = Pick<TDb, 'select'>;

/**
 * Tariff versions matching `where`, oldest first, each with its tiers (by tier number) and
 * surcharges: three queries, whatever the number of versions.
 */
export async function selectTariffVersions(
  db: TReader,
  where: SQL | undefined,
): Promise<TTariffVersionRow[]> {
  const versions = await db
    .select({
      id: tariffs.id,
      utility: tariffs.utility,
      code: tariffs.code,
      nameZh: tariffs.nameZh,
      nameEn: tariffs.nameEn,
      currency: tariffs.currency,
      effectiveFrom: tariffs.effectiveFrom,
      effectiveTo: tariffs.effectiveTo,
      tierPeriod: tariffs.tierPeriod,
      baseHouseholdSize: tariffs.baseHouseholdSize,
      fixedMonthlyFen: tariffs.fixedMonthlyFen,
    })
    .from(tariffs)
    .where(where)
    .orderBy(asc(tariffs.utility), asc(tariffs.effectiveFrom), asc(tariffs.id));
  if (versions.length === 0) return [];
  const ids = versions.map((v) => v.id);
  const [tiers, surcharges] = await Promise.all([
    db
      .select({
        tariffId: tariffTiers.tariffId,
        tierNo: tariffTiers.tierNo,
        upTo: tariffTiers.upTo,
        extraPerPerson: tariffTiers.extraPerPerson,
        unitPrice: tariffTiers.unitPrice,
      })
      .from(tariffTiers)
      .where(inArray(tariffTiers.tariffId, ids))
      .orderBy(asc(tariffTiers.tariffId), asc(tariffTiers.tierNo)),
    db
      .select({
        tariffId: tariffSurcharges.tariffId,
        code: tariffSurcharges.code,
        nameZh: tariffSurcharges.nameZh,
        nameEn: tariffSurcharges.nameEn,
        unitPrice: tariffSurcharges.unitPrice,
      })
      .from(tariffSurcharges)
      .where(inArray(tariffSurcharges.tariffId, ids))
      .orderBy(asc(tariffSurcharges.tariffId), asc(tariffSurcharges.code)),
  ]);
  return versions.map((version) => ({
    ...version,
    tiers: tiers
      .filter((t) => t.tariffId === version.id)
      .map(({ tierNo, upTo, extraPerPerson, unitPrice }) => ({
        tierNo,
        upTo,
        extraPerPerson,
        unitPrice,
      })),
    surcharges: surcharges
      .filter((s) => s.tariffId === version.id)
      .map(({ code, nameZh, nameEn, unitPrice }) => ({ code, nameZh, nameEn, unitPrice })),
  }));
}
