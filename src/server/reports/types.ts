import 'server-only';
import type { TUtility } from '../db/schema';
import type { TBilingual } from '../accounts/types';

/** One month of the report year. Usage is a decimal string; null = no reading that month. */
export type TReportMonth = {
  /** First day of the month, YYYY-MM-DD. */
  period: string;
  usage: string | null;
  /** Some of the month's usage came from an estimated reading. */
  estimated: boolean;
  /** Same month of the year before (null = no reading then). */
  lastYearUsage: string | null;
};

/** Chosen by rules from the household's own pattern; each code is a message key. */
export const ADVICE_CODES = [
  'summerPeak',
  'winterPeak',
  'highBaseLoad',
  'steadyWater',
  'aboveSimilar',
  'efficient',
  'upOnLastYear',
  'highTier',
  'missingReadings',
  'generalElectricity',
  'generalWater',
] as const;
export type TAdviceCode = (typeof ADVICE_CODES)[number];

/** Households with the same utility, household size and district, over the same year. */
export type TSimilarHomes = {
  households: number;
  /** Annual usage of the middle household (decimal string, 1 decimal). */
  median: string;
  /** The most frugal 20% use at most this much a year. */
  efficient: string;
};

/** Everything the web page and the PDF say, computed once from the database. */
export type TAnnualReport = {
  accountId: number;
  accountNumber: string;
  utility: TUtility;
  address: TBilingual;
  district: TBilingual;
  householdSize: number;
  year: number;
  months: TReportMonth[];
  /** Months with a reading; 0 means there is nothing to report for this year. */
  monthsWithData: number;
  total: string;
  lastYearTotal: string | null;
  lastYearMonthsWithData: number;
  /**
   * This year against last over the months with a reading in both (null when there are none).
   * The headline change is taken from it: a year set against a last year of two months read
   * would otherwise say "567 % more".
   */
  sameMonths: { months: number; total: string; lastYearTotal: string } | null;
  /** Null when fewer than MIN_SIMILAR_HOMES comparable households had data. */
  similar: TSimilarHomes | null;
  /** From the bills of the year; null when none were issued (billing had not run). */
  cost: { totalFen: number; bills: number; currency: string } | null;
  /** Months whose billed usage reached each tier (highest tier reached that month). */
  tierMonths: { tierNo: number; months: number }[];
  /**
   * Waivers received for this year's bills: their waiver lines, plus the late-approval credits
   * given on a later bill for them (counted in the year of the bill they waive, ADR 010).
   * `lateCredits` of `lines` are such credits.
   */
  waivers: { lines: number; totalFen: number; lateCredits: number };
  /** Periods of the highest months, highest first (at most two). */
  peakMonths: string[];
  advice: TAdviceCode[];
};

/** A year the resident can open: what the database holds and whether a PDF is already made. */
export type TReportYear = {
  year: number;
  monthsWithData: number;
  stored: boolean;
};

export type TReportRun = {
  id: number;
  year: number;
  total: number;
  done: number;
  failed: number;
  status: 'queued' | 'running' | 'completed';
  createdAt: Date;
  finishedAt: Date | null;
};
