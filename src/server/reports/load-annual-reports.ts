import 'server-only';
import { sql } from 'drizzle-orm';
import Decimal from 'decimal.js';
import type { TDb } from '../db';
import type { TUtility } from '../db/schema';
import { chooseAdvice } from './choose-advice';
import { loadSimilarHomes } from './load-similar-homes';
import { rowsOf } from '../db/rows-of';
import type { TAnnualReport, TReportMonth, TSimilarHomes } from './types';

type TAccountRow = {
  id: number;
  account_number: string;
  utility: TUtility;
  address_zh: string;
  address_en: string;
  district_id: number;
  district_zh: string;
  district_en: string;
  household_size: number;
};
type TUsageRow = { account_id: number; period: string; usage: string; estimated: boolean };
type TBillRow = {
  account_id: number;
  bills: number;
  total_fen: string;
  currency: string;
  waiver_lines: number;
  waiver_fen: string | null;
  credit_lines: number;
  credit_fen: string | null;
};
type TTierRow = { account_id: number; tier_no: number; months: number };

/**
 * The annual reports of every account with an id in [fromAccountId, toAccountId], in a fixed
 * number of queries whatever the range (the bulk job reads a batch at a time). No ownership
 * check here: callers are the resident's getter (after proving the link) and the staff job.
 * Accounts without a reading in the year come back with monthsWithData = 0.
 */
export async function loadAnnualReports(
  db: TDb,
  input: {
    fromAccountId: number;
    toAccountId: number;
    year: number;
    similarCache?: Map<string, Promise<TSimilarHomes | null>>;
  },
): Promise<TAnnualReport[]> {
  const { fromAccountId, toAccountId, year } = input;
  const yearStart = `${year}-01-01`;
  const previousStart = `${year - 1}-01-01`;
  const nextStart = `${year + 1}-01-01`;

  const [accountResult, usageResult, billResult, tierResult] = await Promise.all([
    db.execute(sql`
      select sa.id, sa.account_number, sa.utility, p.address_zh, p.address_en,
             p.district_id, d.name_zh as district_zh, d.name_en as district_en, p.household_size
        from service_accounts sa
        join premises p on p.id = sa.premises_id
        join districts d on d.id = p.district_id
       where sa.id between ${fromAccountId} and ${toAccountId}
       order by sa.id`),
    // A meter replacement gives two rows in one month: the month's usage is their sum.
    db.execute(sql`
      select account_id, period::text as period, sum(consumption)::text as usage,
             bool_or(kind = 'estimated') as estimated
        from meter_readings
       where account_id between ${fromAccountId} and ${toAccountId}
         and period >= ${previousStart}::date and period < ${nextStart}::date
       group by account_id, period`),
    db.execute(sql`
      select b.account_id, count(*)::int as bills, sum(b.total_fen)::text as total_fen,
             min(b.currency) as currency,
             coalesce(sum(w.lines), 0)::int as waiver_lines, sum(w.amount)::text as waiver_fen,
             coalesce(sum(c.credits), 0)::int as credit_lines,
             sum(c.amount)::text as credit_fen
        from bills b
        left join lateral (
          select count(*) as lines, sum(l.amount_fen) as amount
            from bill_lines l where l.bill_id = b.id and l.kind = 'waiver'
        ) w on true
        -- A grant approved after this bill was issued credited its waiver on a later bill: it
        -- is a waiver received for this bill's month, so it counts in this bill's year.
        left join lateral (
          select count(*) as credits, sum(ac.amount_fen) as amount
            from assistance_credits ac where ac.bill_id = b.id and ac.amount_fen <> 0
        ) c on true
       where b.account_id between ${fromAccountId} and ${toAccountId}
         and b.period >= ${yearStart}::date and b.period < ${nextStart}::date
       group by b.account_id`),
    db.execute(sql`
      select account_id, tier_no, count(*)::int as months
        from (
          select b.account_id, max(l.tier_no)::int as tier_no
            from bills b
            join bill_lines l on l.bill_id = b.id and l.kind = 'tier'
           where b.account_id between ${fromAccountId} and ${toAccountId}
             and b.period >= ${yearStart}::date and b.period < ${nextStart}::date
           group by b.account_id, b.id
        ) per_bill
       group by account_id, tier_no`),
  ]);

  const usageByAccount = new Map<number, Map<string, TUsageRow>>();
  for (const row of rowsOf<TUsageRow>(usageResult)) {
    const id = Number(row.account_id);
    let months = usageByAccount.get(id);
    if (!months) usageByAccount.set(id, (months = new Map()));
    months.set(row.period, row);
  }
  const billsByAccount = new Map(
    rowsOf<TBillRow>(billResult).map((r) => [Number(r.account_id), r]),
  );
  const tiersByAccount = new Map<number, { tierNo: number; months: number }[]>();
  for (const row of rowsOf<TTierRow>(tierResult)) {
    const id = Number(row.account_id);
    const list = tiersByAccount.get(id) ?? [];
    list.push({ tierNo: Number(row.tier_no), months: Number(row.months) });
    tiersByAccount.set(id, list);
  }

  const accounts = rowsOf<TAccountRow>(accountResult);
  return Promise.all(
    accounts.map(async (account) => {
      const id = Number(account.id);
      const usage = usageByAccount.get(id) ?? new Map<string, TUsageRow>();
      const months: TReportMonth[] = Array.from({ length: 12 }, (_, i) => {
        const mm = String(i + 1).padStart(2, '0');
        const current = usage.get(`${year}-${mm}-01`);
        const previous = usage.get(`${year - 1}-${mm}-01`);
        return {
          period: `${year}-${mm}-01`,
          usage: current ? new Decimal(current.usage).toFixed(2) : null,
          estimated: current?.estimated ?? false,
          lastYearUsage: previous ? new Decimal(previous.usage).toFixed(2) : null,
        };
      });
      const present = months.filter((m) => m.usage !== null);
      const previousPresent = months.filter((m) => m.lastYearUsage !== null);
      const total = present.reduce((sum, m) => sum.plus(m.usage ?? 0), new Decimal(0));
      const lastYearTotal = previousPresent.reduce(
        (sum, m) => sum.plus(m.lastYearUsage ?? 0),
        new Decimal(0),
      );
      const both = present.filter((m) => m.lastYearUsage !== null);
      const similar =
        present.length === 0
          ? null
          : await loadSimilarHomes(
              db,
              {
                utility: account.utility,
                districtId: Number(account.district_id),
                householdSize: Number(account.household_size),
                year,
              },
              input.similarCache,
            );
      const bill = billsByAccount.get(id);
      const tierMonths = (tiersByAccount.get(id) ?? []).sort((a, b) => a.tierNo - b.tierNo);
      const peakMonths =
        present.length >= 3
          ? [...present]
              .sort((a, b) => new Decimal(b.usage ?? 0).comparedTo(a.usage ?? 0))
              .slice(0, 2)
              .map((m) => m.period)
          : [];
      return {
        accountId: id,
        accountNumber: account.account_number,
        utility: account.utility,
        address: { zh: account.address_zh, en: account.address_en },
        district: { zh: account.district_zh, en: account.district_en },
        householdSize: Number(account.household_size),
        year,
        months,
        monthsWithData: present.length,
        total: total.toFixed(2),
        lastYearTotal: previousPresent.length ? lastYearTotal.toFixed(2) : null,
        lastYearMonthsWithData: previousPresent.length,
        sameMonths: both.length
          ? {
              months: both.length,
              total: both.reduce((sum, m) => sum.plus(m.usage ?? 0), new Decimal(0)).toFixed(2),
              lastYearTotal: both
                .reduce((sum, m) => sum.plus(m.lastYearUsage ?? 0), new Decimal(0))
                .toFixed(2),
            }
          : null,
        similar,
        cost: bill
          ? { totalFen: Number(bill.total_fen), bills: Number(bill.bills), currency: bill.currency }
          : null,
        tierMonths,
        waivers: {
          lines: Number(bill?.waiver_lines ?? 0) + Number(bill?.credit_lines ?? 0),
          totalFen: Number(bill?.waiver_fen ?? 0) + Number(bill?.credit_fen ?? 0),
          lateCredits: Number(bill?.credit_lines ?? 0),
        },
        peakMonths,
        advice: chooseAdvice({
          utility: account.utility,
          usage: months.map((m) => (m.usage === null ? null : Number(m.usage))),
          lastYearTotal: previousPresent.length ? lastYearTotal.toNumber() : null,
          lastYearMonthsWithData: previousPresent.length,
          similar,
          highestTier: tierMonths.length ? Math.max(...tierMonths.map((t) => t.tierNo)) : null,
        }),
      } satisfies TAnnualReport;
    }),
  );
}
