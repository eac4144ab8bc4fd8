import 'server-only';
import { Decimal } from '@/lib/decimal';
import { fenFromYuan, trimUnitPrice } from '@/lib/money';

/**
 * Tier maths for one account and one billing period (ADR 007). Pure: no database, no clock.
 * Every price and quantity is a decimal string; every amount integer fen, rounded half-up once
 * per line; the total is the sum of the lines.
 */

export type TTariffVersion = {
  id: number;
  utility: 'water' | 'electricity';
  effectiveFrom: string;
  /** Exclusive; null = open-ended. */
  effectiveTo: string | null;
  tierPeriod: 'year' | 'month';
  baseHouseholdSize: number;
  fixedMonthlyFen: number;
  tiers: { tierNo: number; upTo: string | null; extraPerPerson: string; unitPrice: string }[];
  surcharges: { code: string; nameZh: string; nameEn: string; unitPrice: string }[];
};

export type TComputedLine = {
  kind: 'tier' | 'fixed' | 'surcharge';
  tierNo: number | null;
  quantity: string | null;
  unitPrice: string | null;
  amountFen: number;
  explanation: { key: string; values: Record<string, string | number> };
};

export type TComputeBillLinesInput = {
  /** The utility's tariff versions; those overlapping the period are used. */
  tariffs: TTariffVersion[];
  /** Inclusive, YYYY-MM-DD. */
  periodStart: string;
  /** Exclusive, YYYY-MM-DD. */
  periodEnd: string;
  /** This period's usage (kWh or m³), a non-negative decimal string. */
  usage: string;
  /** Usage already billed earlier in the same tier period (e.g. since 1 January for 'year'). */
  usedBeforeInTierPeriod: string;
  householdSize: number;
};

export type TComputedBill = { lines: TComputedLine[]; totalFen: number; tiersCrossed: number[] };

export type TTierBound = { tierNo: number; from: string; upTo: string | null; unitPrice: string };

export type TTariffErrorCode =
  'tariff.no_tiers' | 'tariff.not_covering_period' | 'tariff.bad_input';

/**
 * Bad input to the tier maths. A billing run turns it into a 'no_tariff' exception for staff
 * instead of a wrong bill; `code` says which.
 */
export class TariffComputationError extends Error {
  readonly code: TTariffErrorCode;
  constructor(code: TTariffErrorCode, detail: string) {
    super(`${code}: ${detail}`);
    this.name = 'TariffComputationError';
    this.code = code;
  }
}

/** Quantities are stored with two decimals (bill_lines.quantity numeric(12,2)). */
const QUANTITY_DP = 2;

const UNIT: Record<TTariffVersion['utility'], string> = { electricity: 'kWh', water: 'm³' };

/**
 * The tier thresholds that apply to a household: each tier's bound grows by its extraPerPerson
 * for every person above the tariff's baseHouseholdSize. The last tier is always open-ended
 * (everything above the last bound is priced at the top tier).
 */
export function tierBounds(tariff: TTariffVersion, householdSize: number): TTierBound[] {
  const tiers = [...tariff.tiers].sort((a, b) => a.tierNo - b.tierNo);
  if (tiers.length === 0) {
    throw new TariffComputationError('tariff.no_tiers', `tariff ${tariff.id} has no tiers`);
  }
  const extraPeople = Math.max(0, householdSize - tariff.baseHouseholdSize);
  const bounds: TTierBound[] = [];
  let from = new Decimal(0);
  for (const [index, tier] of tiers.entries()) {
    const isLast = index === tiers.length - 1;
    const upTo =
      isLast || tier.upTo === null
        ? null
        : new Decimal(tier.upTo).plus(new Decimal(tier.extraPerPerson).times(extraPeople));
    bounds.push({
      tierNo: tier.tierNo,
      from: from.toFixed(),
      upTo: upTo === null ? null : upTo.toFixed(),
      unitPrice: trimUnitPrice(tier.unitPrice),
    });
    if (upTo === null) break; // an open tier before the last one makes the rest unreachable
    from = upTo;
  }
  return bounds;
}

/** A tier bound with its numbers parsed once (the billing run prices every bill with the same few). */
type TParsedBound = TTierBound & {
  fromValue: Decimal;
  upToValue: Decimal | null;
  priceValue: Decimal;
};

/**
 * Tier bounds per tariff version and household size, and version shares per tariff list and
 * period, computed once: a billing run prices 650,000 bills against the same tariff objects,
 * and rebuilding these per bill was a third of its tier maths. Tariff versions are read-only
 * values once loaded, so the caches (weakly held, dropped with the tariffs) never go stale.
 */
const parsedBoundsCache = new WeakMap<TTariffVersion, Map<number, TParsedBound[]>>();
const sharesCache = new WeakMap<TTariffVersion[], Map<string, TShare[]>>();

function parsedTierBounds(tariff: TTariffVersion, householdSize: number): TParsedBound[] {
  let bySize = parsedBoundsCache.get(tariff);
  if (!bySize) {
    bySize = new Map();
    parsedBoundsCache.set(tariff, bySize);
  }
  let bounds = bySize.get(householdSize);
  if (!bounds) {
    bounds = tierBounds(tariff, householdSize).map((bound) => ({
      ...bound,
      fromValue: new Decimal(bound.from),
      upToValue: bound.upTo === null ? null : new Decimal(bound.upTo),
      priceValue: new Decimal(bound.unitPrice),
    }));
    bySize.set(householdSize, bounds);
  }
  return bounds;
}

function cachedVersionShares(
  tariffs: TTariffVersion[],
  periodStart: string,
  periodEnd: string,
  periodDays: number,
): TShare[] {
  let byPeriod = sharesCache.get(tariffs);
  if (!byPeriod) {
    byPeriod = new Map();
    sharesCache.set(tariffs, byPeriod);
  }
  const key = `${periodStart}|${periodEnd}`;
  let shares = byPeriod.get(key);
  if (!shares) {
    // A tariff list that cannot cover the period throws here every time (nothing cached).
    shares = versionShares(tariffs, periodStart, periodEnd, periodDays);
    byPeriod.set(key, shares);
  }
  return shares;
}

export function computeBillLines(input: TComputeBillLinesInput): TComputedBill {
  const usage = parseQuantity(input.usage, 'usage');
  const usedBefore = parseQuantity(input.usedBeforeInTierPeriod, 'usedBeforeInTierPeriod');
  const periodDays = daysBetween(input.periodStart, input.periodEnd);
  if (periodDays <= 0) {
    throw new TariffComputationError('tariff.bad_input', 'periodEnd must be after periodStart');
  }

  const shares = cachedVersionShares(input.tariffs, input.periodStart, input.periodEnd, periodDays);
  const split = shares.length > 1;

  // Usage split by days; each share rounded to the stored precision and the last one takes the
  // remainder, so the shares always add up to the reading.
  let allocated = new Decimal(0);
  const lines: TComputedLine[] = [];
  const tiersCrossed = new Set<number>();
  let position = usedBefore;
  for (const [index, share] of shares.entries()) {
    const isLast = index === shares.length - 1;
    const quantity = isLast
      ? usage.minus(allocated)
      : usage.times(share.days).dividedBy(periodDays).toDecimalPlaces(QUANTITY_DP);
    allocated = allocated.plus(quantity);

    const unit = UNIT[share.tariff.utility];
    const when: Record<string, string> = split ? { from: share.from, to: share.toInclusive } : {};
    const bounds = parsedTierBounds(share.tariff, input.householdSize);
    const startTier = tierAt(bounds, position);
    const end = position.plus(quantity);

    for (const bound of bounds) {
      const lo = Decimal.max(position, bound.fromValue);
      const hi = bound.upToValue === null ? end : Decimal.min(end, bound.upToValue);
      if (hi.lte(lo)) continue;
      const tierQuantity = hi.minus(lo);
      const amountFen = fenFromYuan(tierQuantity.times(bound.priceValue));
      if (bound.tierNo !== startTier) tiersCrossed.add(bound.tierNo);
      lines.push({
        kind: 'tier',
        tierNo: bound.tierNo,
        quantity: tierQuantity.toFixed(),
        unitPrice: bound.unitPrice,
        amountFen,
        explanation: {
          key: split ? 'bills.line.tierPart' : 'bills.line.tier',
          values: {
            tier: bound.tierNo,
            quantity: tierQuantity.toFixed(),
            unit,
            unitPrice: bound.unitPrice,
            amountFen,
            ...when,
          },
        },
      });
    }

    for (const surcharge of share.tariff.surcharges) {
      if (quantity.isZero()) continue;
      const unitPrice = trimUnitPrice(surcharge.unitPrice);
      const amountFen = fenFromYuan(quantity.times(unitPrice));
      lines.push({
        kind: 'surcharge',
        tierNo: null,
        quantity: quantity.toFixed(),
        unitPrice,
        amountFen,
        explanation: {
          key: 'bills.line.surcharge',
          values: {
            nameZh: surcharge.nameZh,
            nameEn: surcharge.nameEn,
            quantity: quantity.toFixed(),
            unit,
            unitPrice,
            amountFen,
            ...when,
          },
        },
      });
    }
    position = end;
  }

  lines.push(...fixedLines(shares, periodDays));

  const totalFen = lines.reduce((sum, line) => sum + line.amountFen, 0);
  return { lines, totalFen, tiersCrossed: [...tiersCrossed].sort((a, b) => a - b) };
}

type TShare = { tariff: TTariffVersion; from: string; toInclusive: string; days: number };

/** The versions in force during the period, in date order, each with its days; no gaps allowed. */
function versionShares(
  tariffs: TTariffVersion[],
  periodStart: string,
  periodEnd: string,
  periodDays: number,
): TShare[] {
  const overlapping = tariffs
    .filter(
      (t) => t.effectiveFrom < periodEnd && (t.effectiveTo === null || t.effectiveTo > periodStart),
    )
    .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  const shares: TShare[] = [];
  let cursor = periodStart;
  for (const tariff of overlapping) {
    const from = tariff.effectiveFrom > periodStart ? tariff.effectiveFrom : periodStart;
    const to =
      tariff.effectiveTo !== null && tariff.effectiveTo < periodEnd
        ? tariff.effectiveTo
        : periodEnd;
    if (from !== cursor) break; // a gap or an overlap: caught by the coverage check below
    if (tariff.tiers.length === 0) {
      throw new TariffComputationError('tariff.no_tiers', `tariff ${tariff.id} has no tiers`);
    }
    shares.push({ tariff, from, toInclusive: addDays(to, -1), days: daysBetween(from, to) });
    cursor = to;
  }
  const covered = shares.reduce((sum, s) => sum + s.days, 0);
  if (cursor !== periodEnd || covered !== periodDays) {
    throw new TariffComputationError(
      'tariff.not_covering_period',
      `no single run of tariff versions covers ${periodStart}..${periodEnd}`,
    );
  }
  return shares;
}

/**
 * The fixed monthly charge: one line when it is the same all period, otherwise each version's
 * charge for its share of the days (each rounded half-up once).
 */
function fixedLines(shares: TShare[], periodDays: number): TComputedLine[] {
  const first = shares[0];
  if (!first) return [];
  if (shares.every((s) => s.tariff.fixedMonthlyFen === first.tariff.fixedMonthlyFen)) {
    const amountFen = first.tariff.fixedMonthlyFen;
    return amountFen === 0 ? [] : [fixedLine(amountFen, {})];
  }
  return shares
    .filter((s) => s.tariff.fixedMonthlyFen !== 0)
    .map((s) => {
      const amountFen = fenFromYuan(
        new Decimal(s.tariff.fixedMonthlyFen).times(s.days).dividedBy(periodDays).dividedBy(100),
      );
      return fixedLine(amountFen, { from: s.from, to: s.toInclusive, days: s.days });
    });
}

function fixedLine(amountFen: number, extra: Record<string, string | number>): TComputedLine {
  return {
    kind: 'fixed',
    tierNo: null,
    quantity: null,
    unitPrice: null,
    amountFen,
    explanation: { key: 'bills.line.fixed', values: { amountFen, ...extra } },
  };
}

/** The tier a cumulative position sits in (the next unit is billed at this tier). */
function tierAt(bounds: TParsedBound[], position: Decimal): number {
  for (const bound of bounds) {
    if (bound.upToValue === null || position.lt(bound.upToValue)) return bound.tierNo;
  }
  return bounds[bounds.length - 1]?.tierNo ?? 1;
}

function parseQuantity(value: string, name: string): Decimal {
  let parsed: Decimal;
  try {
    parsed = new Decimal(value);
  } catch {
    throw new TariffComputationError('tariff.bad_input', `${name} is not a number`);
  }
  if (!parsed.isFinite() || parsed.isNegative()) {
    throw new TariffComputationError('tariff.bad_input', `${name} must be a non-negative number`);
  }
  return parsed;
}

const DAY_MS = 86_400_000;

function toUtcMs(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match)
    throw new TariffComputationError('tariff.bad_input', `not a YYYY-MM-DD date: ${date}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

function daysBetween(from: string, to: string): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}

function addDays(date: string, days: number): string {
  return new Date(toUtcMs(date) + days * DAY_MS).toISOString().slice(0, 10);
}
