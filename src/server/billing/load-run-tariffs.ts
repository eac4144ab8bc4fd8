import 'server-only';
import { and, asc, eq, gt, inArray, isNull, lt, or } from 'drizzle-orm';
import { getDb } from '../db';
import { tariffs, tariffSurcharges, tariffTiers, type TUtility } from '../db/schema';
import type { TTariffVersion } from '../tariffs';

/**
 * The utility's tariff versions in force at any time in [from, to) — what a run prices one
 * month with. Read once per run, not per account.
 */
export async function loadRunTariffs(input: {
  utility: TUtility;
  from: string;
  to: string;
}): Promise<TTariffVersion[]> {
  const db = await getDb();
  const versions = await db
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
        lt(tariffs.effectiveFrom, input.to),
        or(isNull(tariffs.effectiveTo), gt(tariffs.effectiveTo, input.from)),
      ),
    )
    .orderBy(asc(tariffs.effectiveFrom));
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
      .orderBy(asc(tariffTiers.tierNo)),
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
      .orderBy(asc(tariffSurcharges.code)),
  ]);
  return versions.map((v) => ({
    ...v,
    tiers: tiers
      .filter((t) => t.tariffId === v.id)
      .map(({ tierNo, upTo, extraPerPerson, unitPrice }) => ({
        tierNo,
        upTo,
        extraPerPerson,
        unitPrice,
      })),
    surcharges: surcharges
      .filter((s) => s.tariffId === v.id)
      .map(({ code, nameZh, nameEn, unitPrice }) => ({ code, nameZh, nameEn, unitPrice })),
  }));
}
