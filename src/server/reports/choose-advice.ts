import 'server-only';
import type { TUtility } from '../db/schema';
import type { TAdviceCode, TSimilarHomes } from './types';

export type TAdviceInput = {
  utility: TUtility;
  /** Twelve months, January first; null = no reading that month. */
  usage: (number | null)[];
  lastYearTotal: number | null;
  lastYearMonthsWithData: number;
  similar: TSimilarHomes | null;
  /** Highest tier any of the year's bills reached (null without bills). */
  highestTier: number | null;
};

const SEASON_RATIO = 1.4;
const MAX_ADVICE = 3;

const average = (values: (number | null)[]): number | null => {
  const present = values.filter((v): v is number => v !== null);
  return present.length ? present.reduce((a, b) => a + b, 0) / present.length : null;
};

const pick = (usage: (number | null)[], months: number[]) => months.map((m) => usage[m] ?? null);

/**
 * Practical advice chosen by rules from what we actually know: monthly totals only (no hourly
 * or night-time data), so every rule speaks about months and seasons, and a "leak" is only ever
 * a suspicion worth a check. At most three, most specific first; a general tip when no rule fits.
 */
export function chooseAdvice(input: TAdviceInput): TAdviceCode[] {
  const advice: TAdviceCode[] = [];
  const present = input.usage.filter((v): v is number => v !== null);
  const missing = input.usage.length - present.length;
  if (present.length === 0) return [];
  const total = present.reduce((a, b) => a + b, 0);
  // Spring and autumn: months without heating or cooling.
  const shoulder = average(pick(input.usage, [2, 3, 4, 8, 9, 10]));
  const summer = average(pick(input.usage, [5, 6, 7]));
  const winter = average(pick(input.usage, [11, 0, 1]));
  const monthlyAverage = total / present.length;
  const lowest = Math.min(...present);
  const similarMonthlyMedian = input.similar ? Number(input.similar.median) / 12 : null;

  if (input.utility === 'electricity' && shoulder && summer && summer >= shoulder * SEASON_RATIO) {
    advice.push('summerPeak');
  }
  if (input.utility === 'electricity' && shoulder && winter && winter >= shoulder * SEASON_RATIO) {
    advice.push('winterPeak');
  }
  // The quietest month is still above a typical home's average month: something runs all year.
  if (
    similarMonthlyMedian !== null &&
    present.length >= 6 &&
    lowest > similarMonthlyMedian &&
    lowest >= monthlyAverage * 0.8
  ) {
    advice.push(input.utility === 'water' ? 'steadyWater' : 'highBaseLoad');
  }
  if (input.highestTier !== null && input.highestTier >= 3) advice.push('highTier');
  // Only compare whole years with whole years.
  if (
    input.lastYearTotal !== null &&
    input.lastYearTotal > 0 &&
    missing === 0 &&
    input.lastYearMonthsWithData === 12 &&
    total >= input.lastYearTotal * 1.15
  ) {
    advice.push('upOnLastYear');
  }
  if (input.similar && missing === 0) {
    if (total > Number(input.similar.median) * 1.25) advice.push('aboveSimilar');
    else if (total <= Number(input.similar.efficient)) advice.push('efficient');
  }
  if (missing >= 2) advice.push('missingReadings');
  if (advice.length === 0) {
    advice.push(input.utility === 'water' ? 'generalWater' : 'generalElectricity');
  }
  return advice.slice(0, MAX_ADVICE);
}
