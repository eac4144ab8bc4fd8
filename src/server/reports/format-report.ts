import 'server-only';
import Decimal from 'decimal.js';
import type { TLocale } from '@/lib/locale';
import { TIME_ZONE } from '@/lib/locale';
import type { TUtility } from '../db/schema';
import { cachedIntl } from '@/lib/intl-cache';

export const USAGE_UNIT: Record<TUtility, string> = { electricity: 'kWh', water: 'm³' };

/** "1,234.5 kWh": usage with at most one decimal, grouped per the locale. */
export function formatUsage(value: string, utility: TUtility, locale: TLocale): string {
  const rounded = new Decimal(value).toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toString();
  const number = cachedIntl(
    `report-usage|${locale}`,
    () => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }),
  ).format(rounded as unknown as number);
  return `${number} ${USAGE_UNIT[utility]}`;
}

/** Change against a reference as a whole percentage, or null when there is nothing to compare. */
export function percentChange(value: string, reference: string | null): number | null {
  if (reference === null) return null;
  const base = new Decimal(reference);
  if (base.lte(0)) return null;
  return new Decimal(value).minus(base).dividedBy(base).times(100).round().toNumber();
}

/**
 * The report's change against last year, over the months read in both years (TAnnualReport
 * `sameMonths`), and how many months that is; null change when there is nothing to compare.
 */
export function changeOnLastYear(report: {
  sameMonths: { months: number; total: string; lastYearTotal: string } | null;
}): { change: number | null; months: number } {
  const same = report.sameMonths;
  if (!same) return { change: null, months: 0 };
  return { change: percentChange(same.total, same.lastYearTotal), months: same.months };
}

export function formatPercent(points: number, locale: TLocale): string {
  return cachedIntl(
    `report-percent|${locale}`,
    () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }),
  ).format(Math.abs(points) / 100);
}

/** "七月" / "July" (or "7月" / "Jul" when short) for a YYYY-MM-DD period. */
export function formatMonth(period: string, locale: TLocale, short = false): string {
  const [y, m] = period.split('-').map(Number);
  return cachedIntl(
    `report-month|${locale}|${short}`,
    () => new Intl.DateTimeFormat(locale, { month: short ? 'short' : 'long', timeZone: TIME_ZONE }),
  ).format(new Date(Date.UTC(y ?? 2000, (m ?? 1) - 1, 15)));
}
