import 'server-only';
import type { TUtility } from '../db/schema';

export type TUsageUnit = 'kWh' | 'm³';

export type TUsageAccount = {
  id: number;
  accountNumber: string;
  utility: TUtility;
  unit: TUsageUnit;
  householdSize: number;
  district: { zh: string; en: string };
};

/** How a month's figure came about; `missing` = no reading that month. */
export type TUsageMonthStatus = 'actual' | 'estimated' | 'customer' | 'missing';

export type TUsageMonth = {
  /** First day of the month (YYYY-MM-DD). */
  period: string;
  /** Usage in the account's unit, decimal string; null when the reading is missing. */
  usage: string | null;
  status: TUsageMonthStatus;
  /** The reading after a missing month covers both months. */
  coversMissing: boolean;
  /** The same month a year earlier; null when there is no reading for it. */
  lastYear: string | null;
  /** Similar households (same utility, district, household size) that month; null if too few. */
  peers: { median: string; efficient: string; households: number } | null;
};

export type TTierStep = {
  tierNo: number;
  /** Cumulative usage where the tier starts and ends in this tier period (null = no end). */
  from: string;
  upTo: string | null;
  unitPrice: string;
};

export type TTierProgress = {
  tierPeriod: 'year' | 'month';
  /** First day of the current tier period and the day the tiers start again. */
  periodStart: string;
  resetsOn: string;
  /** Usage read so far in this tier period. */
  used: string;
  currentTier: number;
  /** Units left before the next tier, null in the last tier. */
  leftInTier: string | null;
  /** What the next unit costs: tier price plus per-unit surcharges (decimal string, yuan). */
  nextUnitPrice: string;
  surchargePerUnit: string;
  tiers: TTierStep[];
};

export type TUsageOverview = {
  account: TUsageAccount;
  /** Up to 24 months, oldest first. Empty when the account has no readings yet. */
  months: TUsageMonth[];
  /** Households in the comparison group in the latest month with a comparison. */
  peerHouseholds: number | null;
  /** Null when no tariff is in effect today. */
  tierProgress: TTierProgress | null;
};

export type TUsageExportRow = {
  period: string;
  /** Usage in the account's unit, decimal string. */
  usage: string;
  status: Exclude<TUsageMonthStatus, 'missing'>;
  /** The day the (last) meter reading of that month was taken. */
  readOn: string;
};

export type TUsageExport = {
  account: TUsageAccount;
  from: string;
  to: string;
  rows: TUsageExportRow[];
};
