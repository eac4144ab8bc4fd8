import 'server-only';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { LOCALES } from '@/lib/locale';
import { getDb } from '../db';
import { defineJobQueue } from '../jobs/define-job-queue';
import { createRenderPool, type TRenderPool } from './create-render-pool';
import { loadAnnualReports } from './load-annual-reports';
import { reportFileKey } from './report-file-key';
import { rowsOf } from '../db/rows-of';
import { sendReportsNotifyJob } from './reports-notify-job';
import type { TSimilarHomes } from './types';

export const GENERATE_REPORTS_QUEUE = 'reports-generate';

const ZGenerateReportsJobSchema = z.object({
  runId: z.number().int().positive(),
  year: z.number().int().min(2000).max(2100),
  locale: z.enum(LOCALES),
  fromAccountId: z.number().int().positive(),
  toAccountId: z.number().int().positive(),
});
export type TGenerateReportsJob = z.infer<typeof ZGenerateReportsJobSchema>;

type TReportsJobState = {
  pool?: TRenderPool;
  similar: Map<number, Map<string, Promise<TSimilarHomes | null>>>;
};
const globalForReports = globalThis as unknown as { __wanjiaReportJobs?: TReportsJobState };

function state(): TReportsJobState {
  globalForReports.__wanjiaReportJobs ??= { similar: new Map() };
  return globalForReports.__wanjiaReportJobs;
}

/** The process's render pool: one render process per core, recycled every ~1,000 PDFs. */
export function reportRenderPool(
  options: Parameters<typeof createRenderPool>[0] = {},
): TRenderPool {
  const s = state();
  s.pool ??= createRenderPool({ size: 2, recycleAfter: 1000, ...options });
  return s.pool;
}

/** Stops the render processes (scripts and tests, before they exit). */
export async function closeReportRenderPool(): Promise<void> {
  const s = state();
  const pool = s.pool;
  s.pool = undefined;
  await pool?.close();
}

/**
 * Works one batch of a report run: the reports still queued for accounts in the batch's id range
 * are read in a handful of queries, rendered by the pool, and marked ready (or failed) in one
 * statement each. A retried batch skips what is already ready, so a crash costs only the batch.
 */
async function generateBatch(job: TGenerateReportsJob): Promise<void> {
  const db = await getDb();
  const queued = rowsOf<{ account_id: number }>(
    await db.execute(sql`
      select account_id from annual_reports
       where year = ${job.year} and status = 'queued'
         and account_id between ${job.fromAccountId} and ${job.toAccountId}`),
  ).map((r) => Number(r.account_id));
  if (queued.length === 0) return;
  const wanted = new Set(queued);

  const s = state();
  let similar = s.similar.get(job.runId);
  if (!similar) s.similar.set(job.runId, (similar = new Map()));
  const reports = (
    await loadAnnualReports(db, {
      fromAccountId: job.fromAccountId,
      toAccountId: job.toAccountId,
      year: job.year,
      similarCache: similar,
    })
  ).filter((r) => wanted.has(r.accountId));

  const pool = reportRenderPool();
  const outcomes = await Promise.all(
    reports.map(async (report) => {
      const fileKey = reportFileKey({
        accountId: report.accountId,
        year: job.year,
        locale: job.locale,
      });
      const reply = await pool.render({ report, locale: job.locale, fileKey });
      return { accountId: report.accountId, fileKey, reply };
    }),
  );
  const ready = outcomes.filter((o) => o.reply.ok);
  const failed = outcomes.filter((o) => !o.reply.ok);
  const readyIds = ready.map((o) => o.accountId);
  const readyKeys = ready.map((o) => o.fileKey);
  const failedIds = failed.map((o) => o.accountId);

  const completed = await db.transaction(async (tx) => {
    if (readyIds.length) {
      await tx.execute(sql`
        update annual_reports ar
           set status = 'ready', file_key = r.file_key, locale = ${job.locale},
               generated_at = now(), last_error = null
          from unnest(${`{${readyIds.join(',')}}`}::int[], ${toTextArray(readyKeys)}::text[])
               as r(account_id, file_key)
         where ar.account_id = r.account_id and ar.year = ${job.year} and ar.status = 'queued'`);
    }
    if (failedIds.length) {
      await tx.execute(sql`
        update annual_reports set status = 'failed', last_error = 'render failed'
         where year = ${job.year} and status = 'queued'
           and account_id = any(${`{${failedIds.join(',')}}`}::int[])`);
    }
    const run = rowsOf<{ status: string }>(
      await tx.execute(sql`
      update report_runs
         set done = done + ${readyIds.length}, failed = failed + ${failedIds.length},
             status = case when done + failed + ${readyIds.length + failedIds.length} >= total
                           then 'completed' else 'running' end,
             finished_at = case when done + failed + ${readyIds.length + failedIds.length} >= total
                                then now() else finished_at end
       where id = ${job.runId}
       returning status`),
    );
    return run[0]?.status === 'completed';
  });
  // The last batch of the run tells residents their reports are ready (after commit).
  if (completed) await sendReportsNotifyJob(job.runId);
  // Accounts skipped because their report was no longer queued still count as handled.
}

/** A Postgres text[] literal for file keys (safe characters only, checked by the file store). */
function toTextArray(values: string[]): string {
  return `{${values.map((v) => `"${v}"`).join(',')}}`;
}

export const generateReportsQueue = defineJobQueue({
  name: GENERATE_REPORTS_QUEUE,
  // Four batches in hand keep both render processes busy while the next batch is read.
  batchSize: 4,
  pollingIntervalSeconds: 0.5,
  async handle(jobs) {
    await Promise.all(jobs.map((job) => generateBatch(ZGenerateReportsJobSchema.parse(job.data))));
  },
});
