import 'server-only';
import { and, asc, desc, eq, gt, isNull, lte, or } from 'drizzle-orm';
import type { TDb } from '../db';
import { tariffs, tariffSurcharges, tariffTiers, type TUtility } from '../db/schema';
import type { TTariffVersion } from '../tariffs/compute-bill-lines';

/** The utility's tariff version in effect on a day (YYYY-MM-DD), with tiers and surcharges. */
export async function selectTariffInEffect(
  db: TDb,
  input: { utility: TUtility; on: string },
): Promise<TTariffVersion | null> {
  const [tariff] = await db
    .select({
      id: tariffs.id,
      utility: tariffs.utility,
      effectiveFrom: tariffs.effectiveFrom,
      effectiveTo: tariffs.effectiveTo,
      tierPeriod: tariffs.tierPeriod,
      baseHouseholdSize: tariffs.baseHouseholdSize,
      fixedMonthlyFen: tariffs.fixedMonthlyFen,
    })
    .from(tariffs)
    .where(
      and(
        eq(tariffs.utility, input.utility),
        lte(tariffs.effectiveFrom, input.on),
        or(isNull(tariffs.effectiveTo), gt(tariffs.effectiveTo, input.on)),
      ),
    )
    .orderBy(desc(tariffs.effectiveFrom))
    .limit(1);
  if (!tariff) return null;
  const [tiers, surcharges] = await Promise.all([
    db
      .select({
        tierNo: tariffTiers.tierNo,
        upTo: tariffTiers.upTo,
        extraPerPerson: tariffTiers.extraPerPerson,
        unitPrice: tariffTiers.unitPrice,
      })
      .from(tariffTiers)
      .where(eq(tariffTiers.tariffId, tariff.id))
      .orderBy(asc(tariffTiers.tierNo)),
    db
      .select({
        code: tariffSurcharges.code,
        nameZh: tariffSurcharges.nameZh,
        nameEn: tariffSurcharges.nameEn,
        unitPrice: tariffSurcharges.unitPrice,
      })
      .from(tariffSurcharges)
      .where(eq(tariffSurcharges.tariffId, tariff.id)),
  ]);
  return { ...tariff, tiers, surcharges };
}
