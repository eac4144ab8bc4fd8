import 'server-only';
import { Decimal } from '@/lib/decimal';
import { trimUnitPrice } from '@/lib/money';
import { tierBounds, type TTariffVersion } from '../tariffs/compute-bill-lines';
import { addMonths, monthOf } from './months';
import type { TTierProgress } from './types';

/** The tier period (calendar year or month) that contains `today`: its first day and the next. */
export function tierPeriodAround(
  tierPeriod: 'year' | 'month',
  today: string,
): { start: string; resetsOn: string } {
  if (tierPeriod === 'year') {
    const year = Number(today.slice(0, 4));
    return { start: `${year}-01-01`, resetsOn: `${year + 1}-01-01` };
  }
  const start = monthOf(today);
  return { start, resetsOn: addMonths(start, 1) };
}

/**
 * Where a household stands in its tariff's tiers: usage so far this tier period, the tier it
 * is in, what is left before the next, and what the next unit costs (tier price plus per-unit
 * surcharges). Pure; `used` is the usage read since the tier period started.
 */
export function tierProgress(input: {
  tariff: TTariffVersion;
  householdSize: number;
  today: string;
  used: string;
}): TTierProgress | null {
  if (input.tariff.tiers.length === 0) return null;
  const tiers = tierBounds(input.tariff, input.householdSize);
  const used = Decimal.max(new Decimal(input.used), 0);
  const current = tiers.find((t) => t.upTo === null || used.lt(t.upTo)) ?? tiers[tiers.length - 1];
  if (!current) return null;
  const surcharge = input.tariff.surcharges.reduce(
    (sum, s) => sum.plus(s.unitPrice),
    new Decimal(0),
  );
  const period = tierPeriodAround(input.tariff.tierPeriod, input.today);
  return {
    tierPeriod: input.tariff.tierPeriod,
    periodStart: period.start,
    resetsOn: period.resetsOn,
    used: used.toFixed(),
    currentTier: current.tierNo,
    leftInTier: current.upTo === null ? null : new Decimal(current.upTo).minus(used).toFixed(),
    nextUnitPrice: trimUnitPrice(new Decimal(current.unitPrice).plus(surcharge)),
    surchargePerUnit: trimUnitPrice(surcharge),
    tiers,
  };
}
