import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '../db';
import type { TUtility } from '../db/schema';
import { billAccountRange, type TBatchResult } from './bill-account-range';
import { BILLING_BATCH_SIZE, BILLING_CONCURRENCY } from './billing-rules';
import { describeBillingPeriod } from './describe-billing-period';
import { loadTariffVersions } from '../tariffs';
import { todayInShanghai } from './today-in-shanghai';
import { rowsOf } from '../db/rows-of';

export type TExecuteBillingRunOptions = {
  batchSize?: number;
  concurrency?: number;
  /** Called after each committed batch (tests use it to stop a run halfway, as a crash would). */
  onBatch?: (result: TBatchResult & { batch: number }) => void | Promise<void>;
};

export type TExecuteBillingRunResult =
  | { ok: true; status: 'completed'; billed: number; heldBack: number }
  | { ok: false; error: 'billing.run_not_found' };

/**
 * Works a billing run to the end: the utility's accounts in id ranges of `batchSize`, a few
 * ranges in flight at once. Safe to call again at any time (after a crash, by a second worker,
 * on a completed run): billed and held-back accounts are skipped, nothing is written twice.
 * A failure marks the run failed and throws, so the job is retried and resumes where it was.
 */
export async function executeBillingRun(
  runId: number,
  options: TExecuteBillingRunOptions = {},
): Promise<TExecuteBillingRunResult> {
  const db = await getDb();
  const batchSize = options.batchSize ?? BILLING_BATCH_SIZE;
  const rows = rowsOf<{ utility: TUtility; period: string }>(
    await db.execute(sql`
    UPDATE billing_runs
       SET status = 'running', started_at = coalesce(started_at, now()), last_error = NULL,
           total = (SELECT count(*) FROM service_accounts a
                     WHERE a.utility = billing_runs.utility AND a.status = 'active'
                       AND a.opened_on < (billing_runs.period + interval '1 month'))
     WHERE id = ${runId}
     RETURNING utility, period::text AS period`),
  );
  const run = rows[0];
  if (!run) return { ok: false, error: 'billing.run_not_found' };

  try {
    const period = describeBillingPeriod(run.period, todayInShanghai());
    const tariffs = await loadTariffVersions({
      utility: run.utility,
      from: period.start,
      to: period.end,
    });
    const ranges = await accountRanges(run.utility, batchSize);
    let billed = 0;
    let heldBack = 0;
    let next = 0;
    let batchNo = 0;
    const worker = async () => {
      while (next < ranges.length) {
        const range = ranges[next++];
        if (!range) break;
        const result = await billAccountRange({
          runId,
          utility: run.utility,
          period,
          tariffs,
          fromAccountId: range.from,
          toAccountId: range.to,
        });
        billed += result.billed;
        heldBack += result.heldBack;
        await options.onBatch?.({ ...result, batch: ++batchNo });
      }
    };
    const workers = Array.from(
      { length: Math.max(1, options.concurrency ?? BILLING_CONCURRENCY) },
      worker,
    );
    await Promise.all(workers);
    await db.execute(sql`
      UPDATE billing_runs
         SET status = 'completed', finished_at = now(),
             exceptions = (SELECT count(*) FROM billing_exceptions e WHERE e.run_id = ${runId})
       WHERE id = ${runId}`);
    return { ok: true, status: 'completed', billed, heldBack };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db
      .execute(
        sql`UPDATE billing_runs SET status = 'failed', last_error = ${message.slice(0, 1000)} WHERE id = ${runId}`,
      )
      .catch(() => undefined);
    throw error;
  }
}

/** Id ranges holding about `batchSize` of the utility's accounts each (ids interleave utilities). */
async function accountRanges(
  utility: TUtility,
  batchSize: number,
): Promise<{ from: number; to: number }[]> {
  const db = await getDb();
  const rows = rowsOf<{ from: number; to: number }>(
    await db.execute(sql`
    SELECT min(id) AS "from", max(id) AS "to"
      FROM (SELECT id, (row_number() OVER (ORDER BY id) - 1) / ${batchSize} AS bucket
              FROM service_accounts WHERE utility = ${utility}) AS numbered
     GROUP BY bucket
     ORDER BY bucket`),
  );
  return rows.map((r) => ({ from: Number(r.from), to: Number(r.to) }));
}
