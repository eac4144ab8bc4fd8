import 'server-only';
import { BILL_DUE_DAYS, HISTORY_MONTHS } from './billing-rules';

export type TBillingPeriod = {
  /** First day of the billed month (inclusive). */
  start: string;
  /** First day of the next month (exclusive). */
  end: string;
  /** 1 January of the billed month's year: where a yearly tier period starts. */
  yearStart: string;
  /** First month of the history a run reads (estimates, spike check). */
  historyFrom: string;
  /** The same month a year earlier (estimate when there are no recent readings). */
  sameMonthLastYear: string;
  /** The bill's date: the day after the month closes, or today if the month is still open. */
  issuedOn: string;
  dueOn: string;
};

const PERIOD_PATTERN = /^(\d{4})-(\d{2})-01$/;

/** The dates a run needs for one billed month (`period` = YYYY-MM-01), given today's date. */
export function describeBillingPeriod(period: string, today: string): TBillingPeriod {
  const match = PERIOD_PATTERN.exec(period);
  if (!match) throw new RangeError(`not a billing period (YYYY-MM-01): ${period}`);
  const year = Number(match[1]);
  const month = Number(match[2]) - 1;
  const end = isoDate(year, month + 1, 1);
  // A month billed later (a backlog, the demo's history) keeps the date it would have had.
  const issuedOn = end < today ? end : today;
  return {
    start: period,
    end,
    yearStart: isoDate(year, 0, 1),
    historyFrom: isoDate(year, month - HISTORY_MONTHS, 1),
    sameMonthLastYear: isoDate(year - 1, month, 1),
    issuedOn,
    dueOn: addDays(issuedOn, BILL_DUE_DAYS),
  };
}

function isoDate(year: number, month: number, day: number): string {
  return new Date(Date.UTC(year, month, day)).toISOString().slice(0, 10);
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
