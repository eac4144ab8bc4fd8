import 'server-only';
import { and, asc, desc, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import { Decimal } from '@/lib/decimal';
import { writeAudit } from '../audit';
import { assertCan } from '../auth/permissions';
import type { TActor } from '../auth/actor';
import { getDb } from '../db';
import { billingRuns, tariffs, tariffSurcharges, tariffTiers, type TUtility } from '../db/schema';

export type TNewTariffVersion = {
  utility: TUtility;
  code: string;
  nameZh: string;
  nameEn: string;
  /** YYYY-MM-DD, inclusive. */
  effectiveFrom: string;
  /** YYYY-MM-DD, exclusive; null = open-ended. */
  effectiveTo: string | null;
  tierPeriod: 'year' | 'month';
  baseHouseholdSize: number;
  fixedMonthlyFen: number;
  /** Tier 1 first; every tier but the last has an ascending upper bound, the last has none. */
  tiers: { upTo: string | null; extraPerPerson: string; unitPrice: string }[];
  surcharges: { code: string; nameZh: string; nameEn: string; unitPrice: string }[];
  /**
   * When the only version in the way is the open-ended one in force before `effectiveFrom`,
   * end it the day this one starts instead of refusing.
   */
  closeOpenVersion: boolean;
};

export type TTariffConflict = {
  id: number;
  code: string;
  effectiveFrom: string;
  effectiveTo: string | null;
};

export type TCreateTariffVersionResult =
  | { ok: true; id: number; closedVersionId: number | null }
  | { ok: false; error: 'overlap'; conflicts: TTariffConflict[] }
  | { ok: false; error: 'already_billed'; lastBilledPeriod: string };

/**
 * Billing staff add a tariff version (audited). Refused when its dates overlap another
 * version of the same utility, or when it would start in or before a month already billed
 * (issued bills are never re-priced). Creations for one utility are serialised by an advisory
 * lock, so two overlapping versions saved at the same moment cannot both get in.
 */
export async function createTariffVersion(input: {
  actor: TActor;
  version: TNewTariffVersion;
}): Promise<TCreateTariffVersionResult> {
  const { actor, version } = input;
  assertCan(actor, 'manage:tariff');
  assertTierLadder(version);
  const db = await getDb();
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`tariffs:${version.utility}`}))`);

    const [lastRun] = await tx
      .select({ period: billingRuns.period })
      .from(billingRuns)
      .where(eq(billingRuns.utility, version.utility))
      .orderBy(desc(billingRuns.period))
      .limit(1);
    // A run's period is the first of its month; the month ends a month later.
    if (lastRun && addMonth(lastRun.period) > version.effectiveFrom) {
      return { ok: false, error: 'already_billed', lastBilledPeriod: lastRun.period } as const;
    }

    const conflicts = await tx
      .select({
        id: tariffs.id,
        code: tariffs.code,
        effectiveFrom: tariffs.effectiveFrom,
        effectiveTo: tariffs.effectiveTo,
      })
      .from(tariffs)
      .where(
        and(
          eq(tariffs.utility, version.utility),
          version.effectiveTo === null ? undefined : lt(tariffs.effectiveFrom, version.effectiveTo),
          or(isNull(tariffs.effectiveTo), gt(tariffs.effectiveTo, version.effectiveFrom)),
        ),
      )
      .orderBy(asc(tariffs.effectiveFrom));

    let closedVersionId: number | null = null;
    const [only] = conflicts;
    const closable =
      version.closeOpenVersion &&
      conflicts.length === 1 &&
      only !== undefined &&
      only.effectiveTo === null &&
      only.effectiveFrom < version.effectiveFrom;
    if (closable) {
      await tx
        .update(tariffs)
        .set({ effectiveTo: version.effectiveFrom })
        .where(eq(tariffs.id, only.id));
      closedVersionId = only.id;
    } else if (conflicts.length > 0) {
      return { ok: false, error: 'overlap', conflicts } as const;
    }

    const [created] = await tx
      .insert(tariffs)
      .values({
        utility: version.utility,
        code: version.code,
        nameZh: version.nameZh,
        nameEn: version.nameEn,
        effectiveFrom: version.effectiveFrom,
        effectiveTo: version.effectiveTo,
        tierPeriod: version.tierPeriod,
        fixedMonthlyFen: version.fixedMonthlyFen,
        baseHouseholdSize: version.baseHouseholdSize,
        createdByUserId: actor.userId,
      })
      .returning({ id: tariffs.id });
    if (!created) throw new Error('tariff version not created');
    await tx.insert(tariffTiers).values(
      version.tiers.map((tier, index) => ({
        tariffId: created.id,
        tierNo: index + 1,
        upTo: tier.upTo,
        extraPerPerson: tier.extraPerPerson,
        unitPrice: tier.unitPrice,
      })),
    );
    if (version.surcharges.length > 0) {
      await tx
        .insert(tariffSurcharges)
        .values(version.surcharges.map((s) => ({ tariffId: created.id, ...s })));
    }

    const detail = { ...version, closeOpenVersion: undefined };
    await writeAudit(
      tx,
      actor,
      { action: 'tariff.create', subjectType: 'tariff', subjectId: created.id, detail },
      ...(closedVersionId === null
        ? []
        : [
            {
              action: 'tariff.close',
              subjectType: 'tariff',
              subjectId: closedVersionId,
              detail: { effectiveTo: version.effectiveFrom, supersededBy: created.id },
            },
          ]),
    );
    return { ok: true, id: created.id, closedVersionId } as const;
  });
}

/** The form validates all of this for people; here it guards against a caller's bug. */
function assertTierLadder(version: TNewTariffVersion): void {
  const { tiers } = version;
  if (tiers.length === 0) throw new Error('a tariff version needs at least one tier');
  let previous = new Decimal(0);
  for (const [index, tier] of tiers.entries()) {
    const isLast = index === tiers.length - 1;
    if (isLast !== (tier.upTo === null)) throw new Error('only the last tier is open-ended');
    if (tier.upTo !== null) {
      if (!new Decimal(tier.upTo).gt(previous)) throw new Error('tier bounds must ascend');
      previous = new Decimal(tier.upTo);
    }
  }
  if (version.effectiveTo !== null && version.effectiveTo <= version.effectiveFrom) {
    throw new Error('effectiveTo must be after effectiveFrom');
  }
}

function addMonth(firstOfMonth: string): string {
  const [year, month] = firstOfMonth.split('-').map(Number);
  if (year === undefined || month === undefined) throw new Error(`bad period ${firstOfMonth}`);
  const next = month === 12 ? [year + 1, 1] : [year, month + 1];
  return `${String(next[0]).padStart(4, '0')}-${String(next[1]).padStart(2, '0')}-01`;
}
