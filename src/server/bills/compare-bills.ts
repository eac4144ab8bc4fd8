import 'server-only';
import { Decimal } from '@/lib/decimal';
import type { TBillLine, TBillWithLines } from './types';

/**
 * One reason a bill differs from the one before, as a message code plus raw values (the page
 * formats them). Listed in the order a resident would ask: how much did we use, over how many
 * days, did we reach a dearer tier, did prices change, fixed charges, waivers, estimates.
 */
export type TDifferenceReason =
  | {
      code: 'usage_up' | 'usage_down';
      before: string;
      after: string;
      change: string;
      percent: number | null;
    }
  | { code: 'usage_same'; usage: string }
  | { code: 'days'; before: number; after: number }
  | { code: 'new_tier'; tier: number }
  | { code: 'left_tier'; tier: number }
  | { code: 'price'; tier: number; before: string; after: string }
  | { code: 'fixed'; beforeFen: number; afterFen: number }
  | { code: 'reductions'; beforeFen: number; afterFen: number }
  | { code: 'estimated_now' }
  | { code: 'estimated_before' };

/** The same kind of charge on both bills, e.g. "tier 2" or "sewage treatment". */
export type TLineGroupChange = {
  key: string;
  kind: TBillLine['kind'];
  tierNo: number | null;
  /** For surcharges: the names stored with the line. */
  name: { zh: string; en: string } | null;
  beforeFen: number;
  afterFen: number;
};

export type TBillComparison = {
  previousPeriod: string;
  totalChangeFen: number;
  /** Σ amount ÷ usage, yuan per unit to 4 decimals; null when nothing was used. */
  averagePrice: { before: string | null; after: string | null };
  reasons: TDifferenceReason[];
  lineGroups: TLineGroupChange[];
};

/** Days in the billed month (periods are the first of a month). */
export function daysInPeriod(period: string): number {
  const [year, month] = period.split('-').map(Number);
  return new Date(Date.UTC(year ?? 1970, month ?? 1, 0)).getUTCDate();
}

const REDUCTION_KINDS = new Set<TBillLine['kind']>(['waiver', 'credit', 'adjustment']);

function groupKey(line: TBillLine): { key: string; name: { zh: string; en: string } | null } {
  if (line.kind === 'tier') return { key: `tier:${line.tierNo ?? 0}`, name: null };
  if (line.kind === 'surcharge') {
    const values = line.explanation?.values ?? {};
    const zh = String(values.nameZh ?? '');
    const en = String(values.nameEn ?? '');
    return { key: `surcharge:${en || zh}`, name: zh || en ? { zh, en } : null };
  }
  return { key: line.kind, name: null };
}

function sumFen(lines: TBillLine[], test: (line: TBillLine) => boolean): number {
  return lines.filter(test).reduce((sum, line) => sum + line.amountFen, 0);
}

/**
 * What a unit cost this period: the charges (tiers, fixed charges, surcharges) over the usage.
 * Waivers, credits and adjustments are compared on their own line, so a waived bill does not
 * read as a negative price. To a tenth of a fen: each line is rounded to the fen, so at four
 * places one tariff reads as two prices (¥55.41 for 103 kWh is 0.5380, ¥41.43 for 77 kWh is
 * 0.5381, both at ¥0.538) and the resident is told of a price change that never happened.
 */
function averagePrice(bill: TBillWithLines): string | null {
  const usage = new Decimal(bill.usage);
  if (usage.isZero()) return null;
  const chargesFen = sumFen(bill.lines, (line) => !REDUCTION_KINDS.has(line.kind));
  return new Decimal(chargesFen).dividedBy(100).dividedBy(usage).toFixed(3);
}

/** The unit price billed for each tier (the last part's, if a price change split the month). */
function tierPrices(lines: TBillLine[]): Map<number, string> {
  const prices = new Map<number, string>();
  for (const line of lines) {
    if (line.kind === 'tier' && line.tierNo !== null && line.unitPrice !== null) {
      prices.set(line.tierNo, line.unitPrice);
    }
  }
  return prices;
}

/**
 * "Why is this bill different": compares two stored bills line by line. Pure — it reads the
 * billed lines and amounts, never recomputes a price.
 */
export function compareBills(current: TBillWithLines, previous: TBillWithLines): TBillComparison {
  const reasons: TDifferenceReason[] = [];

  const before = new Decimal(previous.usage);
  const after = new Decimal(current.usage);
  const change = after.minus(before);
  if (change.isZero()) {
    reasons.push({ code: 'usage_same', usage: after.toFixed() });
  } else {
    reasons.push({
      code: change.isPositive() ? 'usage_up' : 'usage_down',
      before: before.toFixed(),
      after: after.toFixed(),
      change: change.abs().toFixed(),
      percent: before.isZero()
        ? null
        : change.abs().dividedBy(before).times(100).round().toNumber(),
    });
  }

  const daysBefore = daysInPeriod(previous.period);
  const daysAfter = daysInPeriod(current.period);
  if (daysBefore !== daysAfter)
    reasons.push({ code: 'days', before: daysBefore, after: daysAfter });

  const pricesBefore = tierPrices(previous.lines);
  const pricesAfter = tierPrices(current.lines);
  for (const tier of pricesAfter.keys()) {
    if (!pricesBefore.has(tier) && tier > Math.min(...pricesBefore.keys(), Infinity)) {
      reasons.push({ code: 'new_tier', tier });
    }
  }
  for (const tier of pricesBefore.keys()) {
    if (!pricesAfter.has(tier) && tier > Math.min(...pricesAfter.keys(), Infinity)) {
      reasons.push({ code: 'left_tier', tier });
    }
  }
  for (const [tier, price] of pricesAfter) {
    const old = pricesBefore.get(tier);
    if (old !== undefined && !new Decimal(old).equals(price)) {
      reasons.push({ code: 'price', tier, before: old, after: price });
    }
  }

  const fixedBefore = sumFen(previous.lines, (l) => l.kind === 'fixed');
  const fixedAfter = sumFen(current.lines, (l) => l.kind === 'fixed');
  if (fixedBefore !== fixedAfter) {
    reasons.push({ code: 'fixed', beforeFen: fixedBefore, afterFen: fixedAfter });
  }

  const reductionsBefore = sumFen(previous.lines, (l) => REDUCTION_KINDS.has(l.kind));
  const reductionsAfter = sumFen(current.lines, (l) => REDUCTION_KINDS.has(l.kind));
  if (reductionsBefore !== reductionsAfter) {
    reasons.push({ code: 'reductions', beforeFen: reductionsBefore, afterFen: reductionsAfter });
  }

  if (current.estimated && !previous.estimated) reasons.push({ code: 'estimated_now' });
  if (!current.estimated && previous.estimated) reasons.push({ code: 'estimated_before' });

  const groups = new Map<string, TLineGroupChange>();
  const add = (line: TBillLine, side: 'beforeFen' | 'afterFen') => {
    const { key, name } = groupKey(line);
    const group = groups.get(key) ?? {
      key,
      kind: line.kind,
      tierNo: line.kind === 'tier' ? line.tierNo : null,
      name,
      beforeFen: 0,
      afterFen: 0,
    };
    group[side] += line.amountFen;
    groups.set(key, group);
  };
  previous.lines.forEach((line) => add(line, 'beforeFen'));
  current.lines.forEach((line) => add(line, 'afterFen'));
  const kindOrder: TBillLine['kind'][] = [
    'tier',
    'surcharge',
    'fixed',
    'adjustment',
    'waiver',
    'credit',
  ];
  const lineGroups = [...groups.values()].sort(
    (a, b) =>
      kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind) ||
      (a.tierNo ?? 0) - (b.tierNo ?? 0) ||
      a.key.localeCompare(b.key),
  );

  return {
    previousPeriod: previous.period,
    totalChangeFen: current.totalFen - previous.totalFen,
    averagePrice: { before: averagePrice(previous), after: averagePrice(current) },
    reasons,
    lineGroups,
  };
}
