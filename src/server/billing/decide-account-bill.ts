import 'server-only';
import {
  computeBillLines,
  TariffComputationError,
  type TComputedBill,
  type TTariffVersion,
} from '../tariffs';
import type { TBillingPeriod } from './describe-billing-period';

/** What one account's batch row says about the month (read by bill-account-range's query). */
export type TAccountMonth = {
  accountId: number;
  householdSize: number;
  /** This month's readings: usage net of estimates billed since the last reading; null = none. */
  usage: string | null;
  /** A reading went backwards, or the month nets out below zero after earlier estimates. */
  negative: boolean;
  /** The meter reader's own estimate (reading kind 'estimated'). */
  estimatedReading: boolean;
  readingFrom: string | null;
  readingTo: string | null;
  /** Average of the last 3 read months, else the same month last year, else 0. */
  estimate: string;
  /** Far above the household's own history (see billing-rules). */
  spike: boolean;
  historyAverage: string | null;
  usedBeforeInTierPeriod: string;
  /** A held-back month staff have since corrected or released. */
  exception: { id: number; status: 'corrected' | 'released'; correctedUsage: string | null } | null;
};

export type TBillDecision =
  | {
      kind: 'bill';
      accountId: number;
      usage: string;
      estimated: boolean;
      readingFrom: string | null;
      readingTo: string | null;
      tariffId: number;
      computed: TComputedBill;
      exceptionId: number | null;
    }
  | {
      kind: 'exception';
      accountId: number;
      reason: 'negative_consumption' | 'usage_spike' | 'no_tariff';
      detail: Record<string, string | number | null>;
    };

/**
 * Bill or hold back one account's month. Suspicious input becomes an exception for staff, never
 * a wrong bill; staff's correction (their usage) or release (bill as read) overrides the checks.
 * A missing reading is estimated and the bill marked so.
 */
export function decideAccountBill(
  month: TAccountMonth,
  tariffs: TTariffVersion[],
  period: TBillingPeriod,
): TBillDecision {
  const { accountId } = month;
  const corrected = month.exception?.status === 'corrected' ? month.exception : null;
  const released = month.exception?.status === 'released';
  let usage: string;
  let estimated: boolean;
  if (corrected?.correctedUsage != null) {
    usage = corrected.correctedUsage;
    estimated = false;
  } else if (month.usage === null) {
    usage = month.estimate;
    estimated = true;
  } else {
    if (month.negative && !released) {
      return {
        kind: 'exception',
        accountId,
        reason: 'negative_consumption',
        detail: { usage: month.usage, readingFrom: month.readingFrom, readingTo: month.readingTo },
      };
    }
    if (month.spike && !released) {
      return {
        kind: 'exception',
        accountId,
        reason: 'usage_spike',
        detail: { usage: month.usage, average: month.historyAverage },
      };
    }
    // A released negative month bills nothing rather than a negative charge.
    usage = month.negative ? '0' : month.usage;
    estimated = month.estimatedReading;
  }

  const tariffId = tariffs.at(-1)?.id;
  if (tariffId === undefined) {
    return { kind: 'exception', accountId, reason: 'no_tariff', detail: { usage } };
  }
  const tierPeriod = tariffs.at(-1)?.tierPeriod ?? 'year';
  let computed: TComputedBill;
  try {
    computed = computeBillLines({
      tariffs,
      periodStart: period.start,
      periodEnd: period.end,
      usage,
      usedBeforeInTierPeriod: tierPeriod === 'year' ? month.usedBeforeInTierPeriod : '0',
      householdSize: month.householdSize,
    });
  } catch (error) {
    if (error instanceof TariffComputationError && error.code !== 'tariff.bad_input') {
      return {
        kind: 'exception',
        accountId,
        reason: 'no_tariff',
        detail: { usage, code: error.code },
      };
    }
    throw error;
  }
  return {
    kind: 'bill',
    accountId,
    usage,
    estimated,
    readingFrom: month.readingFrom,
    readingTo: month.readingTo,
    tariffId,
    computed,
    exceptionId: month.exception?.id ?? null,
  };
}
