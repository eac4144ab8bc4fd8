import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb, type TDb } from '../db';
import type { TUtility } from '../db/schema';
import type { TTariffVersion } from '../tariffs';
import { SPIKE_FACTOR, SPIKE_MIN_EXCESS, SPIKE_MIN_HISTORY } from './billing-rules';
import { decideAccountBill, type TAccountMonth, type TBillDecision } from './decide-account-bill';
import type { TBillingPeriod } from './describe-billing-period';
import { rowsOf } from '../db/rows-of';
import { copyField, copyInto } from './copy-into';
import {
  applyAssistanceToBill,
  type TAssistanceForBill,
} from '../assistance/apply-assistance-to-bill';
import { loadBatchAssistance } from '../assistance/load-batch-assistance';

/** A transaction (or the database) to write with. */
export type TTx = Pick<TDb, 'execute'>;

export type TBillingBatch = {
  runId: number;
  utility: TUtility;
  period: TBillingPeriod;
  tariffs: TTariffVersion[];
  /** Inclusive account id range. */
  fromAccountId: number;
  toAccountId: number;
};

export type TBatchResult = {
  /** Accounts read that had neither a bill nor an open exception for the month. */
  considered: number;
  billed: number;
  heldBack: number;
};

type TMonthRow = {
  account_id: number;
  household_size: number;
  exception_id: number | null;
  exception_status: 'corrected' | 'released' | null;
  corrected_usage: string | null;
  usage: string | null;
  negative: boolean;
  estimated_reading: boolean;
  reading_from: string | null;
  reading_to: string | null;
  estimate: string;
  spike: boolean;
  average: string | null;
  used_before: string;
};

/**
 * Bills one range of accounts for one month in one transaction: one statement reads what the
 * month needs (readings, a year of history, what was billed earlier this tier period), the
 * tier maths runs here, and one statement writes bills, their lines and their ledger entries.
 *
 * Idempotent: accounts already billed (or held back) are not read again, bills are inserted
 * `ON CONFLICT (account_id, period) DO NOTHING`, and lines and ledger entries are written only
 * for the bills that insert returned, so a rerun, a retry after a crash or a second worker on
 * the same range never doubles anything. The run's progress moves in the same transaction.
 */
export async function billAccountRange(
  batch: TBillingBatch,
  options: { tx?: TTx } = {},
): Promise<TBatchResult> {
  if (options.tx) return billInTransaction(options.tx, batch);
  const db = await getDb();
  return db.transaction((tx) => billInTransaction(tx, batch));
}

async function billInTransaction(tx: TTx, batch: TBillingBatch): Promise<TBatchResult> {
  {
    // JIT compiling costs more than this short, index-driven query runs (80 of 600 ms), and
    // the batch's history sorts in memory instead of spilling to disk.
    await tx.execute(sql`SET LOCAL jit = off`);
    await tx.execute(sql`SET LOCAL work_mem = '64MB'`);
    // Two batches are in flight on two cores already; parallel workers for a 5,000-account
    // batch only compete with them (and steered the planner to scan whole tables).
    await tx.execute(sql`SET LOCAL max_parallel_workers_per_gather = 0`);
    const months = await readAccountMonths(tx, batch);
    if (months.length === 0) return { considered: 0, billed: 0, heldBack: 0 };
    const decisions = months.map((m) => decideAccountBill(m, batch.tariffs, batch.period));
    const bills = decisions.filter((d) => d.kind === 'bill');
    const held = decisions.filter((d) => d.kind === 'exception');
    // Fee waivers: every grant of the batch's accounts in one read, applied as explained lines.
    const assistance =
      bills.length > 0
        ? await loadBatchAssistance(tx, {
            utility: batch.utility,
            period: batch.period.start,
            fromAccountId: batch.fromAccountId,
            toAccountId: batch.toAccountId,
          })
        : new Map();
    const billsWithAssistance = bills.map((bill) => ({
      ...bill,
      assistance: applyAssistanceToBill(
        batch.utility,
        bill.computed.lines,
        assistance.get(bill.accountId),
      ),
    }));
    const billedAccounts = await writeBills(tx, batch, billsWithAssistance);
    const heldAccounts = await writeExceptions(tx, batch, held);

    // Months staff corrected or released are billed now; their exception was counted already.
    const billedSet = new Set(billedAccounts);
    const resolvedExceptionIds = bills
      .filter((b) => b.exceptionId !== null && billedSet.has(b.accountId))
      .map((b) => b.exceptionId as number);
    if (resolvedExceptionIds.length > 0) {
      await tx.execute(sql`
        UPDATE billing_exceptions SET status = 'billed'
         WHERE id = ANY(${sql.param(resolvedExceptionIds)}::int[])
           AND status IN ('corrected', 'released')`);
    }
    const freshBills = billedAccounts.length - resolvedExceptionIds.length;
    await tx.execute(sql`
      UPDATE billing_runs
         SET done = done + ${freshBills + heldAccounts.length},
             exceptions = exceptions + ${heldAccounts.length}
       WHERE id = ${batch.runId}`);
    return {
      considered: months.length,
      billed: billedAccounts.length,
      heldBack: heldAccounts.length,
    };
  }
}

async function readAccountMonths(tx: TTx, batch: TBillingBatch): Promise<TAccountMonth[]> {
  const { period } = batch;
  const p = period.start;
  const result = rowsOf<TMonthRow>(
    await tx.execute(sql`
    WITH acc AS (
      -- household_size as a per-account lookup: as a join the planner may hash all premises
      -- (a 650,000-row scan) for a batch of 5,000.
      SELECT a.id AS account_id,
             (SELECT pr.household_size FROM premises pr WHERE pr.id = a.premises_id) AS household_size,
             e.id AS exception_id, e.status AS exception_status, e.corrected_usage
        FROM service_accounts a
        LEFT JOIN billing_exceptions e ON e.account_id = a.id AND e.period = ${p}::date
       WHERE a.utility = ${batch.utility}
         AND a.status = 'active'
         AND a.opened_on < ${period.end}::date
         AND a.id BETWEEN ${batch.fromAccountId} AND ${batch.toAccountId}
         -- An anti-join, not "e.id IS NULL OR …": on an empty or freshly analysed exceptions
         -- table the planner reads IS NULL as matching nothing, plans the batch for one
         -- account and rescans the history once per account (EXPLAIN ANALYZE, a 5,000-account
         -- batch on a loaded machine: 15.7 s; 2.1 s with this and the two lookups below).
         AND NOT EXISTS (SELECT 1 FROM billing_exceptions o
                          WHERE o.account_id = a.id AND o.period = ${p}::date
                            AND o.status NOT IN ('corrected', 'released'))
         -- The range repeated inside: the planner can then read the bills index for the range
         -- once instead of scanning every bill of the month.
         AND NOT EXISTS (SELECT 1 FROM bills b
                          WHERE b.account_id = a.id AND b.period = ${p}::date
                            AND b.account_id BETWEEN ${batch.fromAccountId} AND ${batch.toAccountId})
    ),
    hist AS (
      -- One pass over the range's readings, one row per account. History averages are per
      -- month with a real reading, and a meter replacement gives a month two rows: months are
      -- counted as bits of a mask instead of count(DISTINCT period), which sorted every group.
      -- Periods are first days of months, at least 28 days apart, so (period - historyFrom)
      -- / 28 gives each of the 13 months its own bit.
      SELECT r.account_id,
             sum(r.consumption) FILTER (WHERE r.period = ${p}::date) AS usage,
             bool_or(r.consumption < 0) FILTER (WHERE r.period = ${p}::date) AS negative,
             bool_or(r.kind = 'estimated') FILTER (WHERE r.period = ${p}::date) AS estimated,
             CASE WHEN count(*) FILTER (WHERE r.period = ${p}::date) = 1
                  THEN min(r.reading - r.consumption) FILTER (WHERE r.period = ${p}::date) END AS reading_from,
             CASE WHEN count(*) FILTER (WHERE r.period = ${p}::date) = 1
                  THEN max(r.reading) FILTER (WHERE r.period = ${p}::date) END AS reading_to,
             max(r.period) FILTER (WHERE r.period < ${p}::date) AS last_read,
             sum(r.consumption) FILTER (WHERE r.period < ${p}::date AND r.kind <> 'estimated' AND r.consumption >= 0)
               AS read_usage,
             bit_count(bit_or(1::bigint << ((r.period - ${period.historyFrom}::date) / 28))
                         FILTER (WHERE r.period < ${p}::date AND r.kind <> 'estimated' AND r.consumption >= 0)::bit(64))
               AS months
        FROM acc JOIN meter_readings r ON r.account_id = acc.account_id
       WHERE r.period >= ${period.historyFrom}::date AND r.period <= ${p}::date
       GROUP BY r.account_id
    ),
    estimates AS (
      -- Only for the few accounts without a reading this month: the average of the last three
      -- months read, else the same month last year.
      SELECT m.account_id,
             coalesce(
               (SELECT round(avg(x), 2)
                  FROM unnest((array_agg(m.usage ORDER BY m.period DESC) FILTER (WHERE m.actual))[1:3]) AS x),
               max(m.usage) FILTER (WHERE m.period = ${period.sameMonthLastYear}::date AND m.actual)) AS estimate
        FROM (SELECT r.account_id, r.period, sum(r.consumption) AS usage,
                     bool_and(r.kind <> 'estimated' AND r.consumption >= 0) AS actual
                FROM hist h JOIN meter_readings r ON r.account_id = h.account_id
               WHERE h.usage IS NULL
                 AND r.period >= ${period.historyFrom}::date AND r.period < ${p}::date
               GROUP BY r.account_id, r.period) AS m
       GROUP BY m.account_id
    ),
    earlier AS (
      SELECT b.account_id,
             sum(b.usage) FILTER (WHERE b.period >= ${period.yearStart}::date) AS used_before,
             sum(b.usage) FILTER (WHERE b.estimated AND b.period > coalesce(h.last_read, ${period.historyFrom}::date)) AS unread
        FROM bills b
        LEFT JOIN hist h ON h.account_id = b.account_id
       WHERE b.account_id BETWEEN ${batch.fromAccountId} AND ${batch.toAccountId}
         AND b.period >= least(${period.yearStart}::date, ${period.historyFrom}::date)
         AND b.period < ${p}::date
       GROUP BY b.account_id
    ),
    net AS (
      SELECT acc.*, h.negative, h.estimated, h.reading_from, h.reading_to, h.months,
             h.read_usage / nullif(h.months, 0) AS average,
             x.estimate, e.used_before, h.usage - coalesce(e.unread, 0) AS usage
        FROM acc
        LEFT JOIN hist h ON h.account_id = acc.account_id
        LEFT JOIN estimates x ON x.account_id = acc.account_id
        LEFT JOIN earlier e ON e.account_id = acc.account_id
    )
    SELECT account_id, household_size, exception_id, exception_status, corrected_usage,
           usage::text AS usage,
           coalesce(negative, false) OR coalesce(usage < 0, false) AS negative,
           coalesce(estimated, false) AS estimated_reading,
           reading_from::text AS reading_from, reading_to::text AS reading_to,
           coalesce(estimate, 0)::text AS estimate,
           coalesce(months >= ${SPIKE_MIN_HISTORY}
                    AND usage > ${SPIKE_FACTOR} * average
                    AND usage - average > ${SPIKE_MIN_EXCESS[batch.utility]}, false) AS spike,
           round(average, 2)::text AS average,
           coalesce(used_before, 0)::text AS used_before
      FROM net
     ORDER BY account_id`),
  );
  return result.map((r) => ({
    accountId: r.account_id,
    householdSize: r.household_size,
    usage: r.usage,
    negative: r.negative,
    estimatedReading: r.estimated_reading,
    readingFrom: r.reading_from,
    readingTo: r.reading_to,
    estimate: r.estimate,
    spike: r.spike,
    historyAverage: r.average,
    usedBeforeInTierPeriod: r.used_before,
    exception:
      r.exception_id !== null && r.exception_status !== null
        ? { id: r.exception_id, status: r.exception_status, correctedUsage: r.corrected_usage }
        : null,
  }));
}

type TBillToWrite = Extract<TBillDecision, { kind: 'bill' }> & { assistance: TAssistanceForBill };

const BILL_LINES_COPY =
  'COPY bill_lines (bill_id, line_no, kind, tier_no, quantity, unit_price, amount_fen, explanation)';

/**
 * Two statements: one inserts the bills (skipping any that exist) with their ledger entries and
 * waiver credits and returns the ids it inserted; then one COPY writes the lines of exactly
 * those bills. Lines are most of the rows (four a bill), and COPY takes them without the
 * escaping and array parsing of `unnest` parameters.
 */
async function writeBills(tx: TTx, batch: TBillingBatch, bills: TBillToWrite[]): Promise<number[]> {
  if (bills.length === 0) return [];
  const b = {
    account: [] as number[],
    usage: [] as string[],
    estimated: [] as boolean[],
    from: [] as (string | null)[],
    to: [] as (string | null)[],
    total: [] as number[],
    credit: [] as number[],
    tariff: [] as number[],
  };
  const c = {
    account: [] as number[],
    grant: [] as number[],
    bill: [] as number[],
    fen: [] as number[],
  };
  for (const bill of bills) {
    const { assistance } = bill;
    b.account.push(bill.accountId);
    b.usage.push(bill.usage);
    b.estimated.push(bill.estimated);
    b.from.push(bill.readingFrom);
    b.to.push(bill.readingTo);
    b.total.push(bill.computed.totalFen + sumFen(assistance.lines));
    b.credit.push(assistance.creditFen);
    b.tariff.push(bill.tariffId);
    for (const credit of assistance.credits) {
      c.account.push(bill.accountId);
      c.grant.push(credit.grantId);
      c.bill.push(credit.billId);
      c.fen.push(credit.amountFen);
    }
  }
  const { period } = batch;
  const p = (value: unknown) => sql.param(value);
  const inserted = rowsOf<{ account_id: number; id: string }>(
    await tx.execute(sql`
    WITH input AS (
      SELECT * FROM unnest(${p(b.account)}::int[], ${p(b.usage)}::numeric[], ${p(b.estimated)}::bool[],
                           ${p(b.from)}::numeric[], ${p(b.to)}::numeric[], ${p(b.total)}::int[],
                           ${p(b.credit)}::int[], ${p(b.tariff)}::int[])
        AS t(account_id, usage, estimated, reading_from, reading_to, total_fen, credit_fen, tariff_id)
    ),
    inserted AS (
      INSERT INTO bills (account_id, period, run_id, tariff_id, usage, estimated, reading_from,
                         reading_to, total_fen, issued_on, due_on)
      SELECT account_id, ${period.start}::date, ${batch.runId}, tariff_id, usage, estimated,
             reading_from, reading_to, total_fen, ${period.issuedOn}::date, ${period.dueOn}::date
        FROM input
      ON CONFLICT (account_id, period) DO NOTHING
      RETURNING id, account_id, total_fen
    ),
    ledger AS (
      -- A late-approval waiver credit is its own ledger entry ('waiver_credit'); the 'bill'
      -- entry is the rest, so the two add up to the bill's total.
      INSERT INTO ledger_entries (account_id, kind, amount_fen, bill_id, occurred_at)
      SELECT inserted.account_id, 'bill', inserted.total_fen - input.credit_fen, inserted.id,
             (${period.issuedOn}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'
        FROM inserted JOIN input ON input.account_id = inserted.account_id
      ON CONFLICT (bill_id) WHERE kind = 'bill' DO NOTHING
    ),
    waiver_credit AS (
      INSERT INTO ledger_entries (account_id, kind, amount_fen, bill_id, reference, occurred_at)
      SELECT inserted.account_id, 'waiver_credit', input.credit_fen, inserted.id, 'assistance',
             (${period.issuedOn}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'
        FROM inserted JOIN input ON input.account_id = inserted.account_id
       WHERE input.credit_fen <> 0
    ),
    credits AS (
      INSERT INTO assistance_credits (grant_id, bill_id, credited_on_bill_id, amount_fen)
      SELECT c.grant_id, c.bill_id, inserted.id, c.amount_fen
        FROM unnest(${p(c.account)}::int[], ${p(c.grant)}::int[], ${p(c.bill)}::bigint[],
                    ${p(c.fen)}::int[]) AS c(account_id, grant_id, bill_id, amount_fen)
        JOIN inserted ON inserted.account_id = c.account_id
      ON CONFLICT (grant_id, bill_id) DO NOTHING
    )
    SELECT account_id, id::text AS id FROM inserted`),
  );
  if (inserted.length === 0) return [];

  // Lines only for the bills this statement inserted: a bill that existed keeps its own.
  const billIdOf = new Map<number, string>();
  for (const row of inserted) billIdOf.set(row.account_id, row.id);
  const copyText: string[] = [];
  for (const bill of bills) {
    const billId = billIdOf.get(bill.accountId);
    if (billId === undefined) continue;
    let lineNo = 0;
    for (const lines of [bill.computed.lines, bill.assistance.lines]) {
      for (const line of lines) {
        lineNo += 1;
        copyText.push(
          `${billId}\t${lineNo}\t${copyField(line.kind)}\t${copyField(line.tierNo)}\t${copyField(line.quantity)}\t${copyField(line.unitPrice)}\t${line.amountFen}\t${copyField(JSON.stringify(line.explanation))}\n`,
        );
      }
    }
  }
  if (copyText.length > 0) await copyInto(tx, BILL_LINES_COPY, copyText.join(''));
  return inserted.map((r) => r.account_id);
}

function sumFen(lines: readonly { amountFen: number }[]): number {
  let sum = 0;
  for (const line of lines) sum += line.amountFen;
  return sum;
}

async function writeExceptions(
  tx: TTx,
  batch: TBillingBatch,
  held: Extract<TBillDecision, { kind: 'exception' }>[],
): Promise<number[]> {
  if (held.length === 0) return [];
  const result = rowsOf<{ account_id: number }>(
    await tx.execute(sql`
    INSERT INTO billing_exceptions (run_id, account_id, period, reason, detail)
    SELECT ${batch.runId}, account_id, ${batch.period.start}::date, reason, detail::jsonb
      FROM unnest(${sql.param(held.map((h) => h.accountId))}::int[],
                  ${sql.param(held.map((h) => h.reason))}::text[],
                  ${sql.param(held.map((h) => JSON.stringify(h.detail)))}::text[])
        AS t(account_id, reason, detail)
    ON CONFLICT (account_id, period) DO NOTHING
    RETURNING account_id`),
  );
  return result.map((r) => r.account_id);
}
