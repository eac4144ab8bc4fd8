import 'server-only';
import { sql } from 'drizzle-orm';
import type { TLocale } from '@/lib/locale';
import { getDb } from '../db';
import { reportRuns } from '../db/schema';
import { writeAudit } from '../audit';
import type { TActor } from '../auth/actor';
import { ensureQueue, getBoss } from '../jobs/get-boss';
import { GENERATE_REPORTS_QUEUE, type TGenerateReportsJob } from './generate-reports-job';
import { rowsOf } from '../db/rows-of';

/**
 * Queues a year's annual reports for every account with a reading that year: one report row per
 * account (re-queued if it existed), then one pg-boss job per range of `batchSize` accounts,
 * inserted in bulk. Returns the run id and how many reports it will make. `actor` is null when
 * started from the command line.
 */
export async function startReportRun(input: {
  actor: TActor | null;
  year: number;
  locale?: TLocale;
  batchSize?: number;
}): Promise<{ runId: number; total: number; joined: boolean }> {
  const locale = input.locale ?? 'zh-CN';
  const batchSize = input.batchSize ?? 100;
  const db = await getDb();
  const from = `${input.year}-01-01`;
  const to = `${input.year + 1}-01-01`;

  const outcome = await db.transaction(async (tx) => {
    // One run per year at a time: a second start (a double click, two staff members) joins the
    // run in progress instead of queuing every report twice. A run silent for an hour is
    // considered abandoned and a new one may start.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('report-run'), ${input.year})`);
    const [active] = rowsOf<{ id: number; total: number }>(
      await tx.execute(sql`
        select id, total from report_runs
         where year = ${input.year} and status <> 'completed'
           and created_at > now() - interval '1 hour'
         order by id desc limit 1`),
    );
    if (active) return { runId: Number(active.id), total: Number(active.total), ranges: [] };
    const [run] = await tx
      .insert(reportRuns)
      .values({ year: input.year, status: 'running', startedByUserId: input.actor?.userId ?? null })
      .returning({ id: reportRuns.id });
    if (!run) throw new Error('report run not created');
    await tx.execute(sql`
      insert into annual_reports (account_id, year, status, locale)
      select sa.id, ${input.year}, 'queued', ${locale}
        from service_accounts sa
       where exists (select 1 from meter_readings mr
                      where mr.account_id = sa.id
                        and mr.period >= ${from}::date and mr.period < ${to}::date)
      on conflict (account_id, year)
      do update set status = 'queued', last_error = null, locale = excluded.locale`);
    const rangeRows = rowsOf<{ from_id: number; to_id: number; n: number }>(
      await tx.execute(sql`
        select min(account_id)::int as from_id, max(account_id)::int as to_id, count(*)::int as n
          from (select account_id,
                       (row_number() over (order by account_id) - 1) / ${batchSize} as chunk
                  from annual_reports where year = ${input.year} and status = 'queued') q
         group by chunk order by 1`),
    );
    const count = rangeRows.reduce((sum, r) => sum + Number(r.n), 0);
    await tx.execute(sql`
      update report_runs set total = ${count},
             status = ${count === 0 ? 'completed' : 'running'},
             finished_at = ${count === 0 ? sql`now()` : sql`null`}
       where id = ${run.id}`);
    await writeAudit(tx, input.actor, {
      action: 'reports.run.start',
      subjectType: 'report_run',
      subjectId: run.id,
      detail: { year: input.year, total: count, locale },
    });
    return { runId: run.id, total: count, ranges: rangeRows, started: true };
  });
  const { runId, total, ranges } = outcome;
  const joined = !('started' in outcome);

  if (ranges.length) {
    const boss = await getBoss();
    await ensureQueue(boss, GENERATE_REPORTS_QUEUE);
    for (let i = 0; i < ranges.length; i += 1000) {
      await boss.insert(
        ranges.slice(i, i + 1000).map((r) => ({
          name: GENERATE_REPORTS_QUEUE,
          data: {
            runId,
            year: input.year,
            locale,
            fromAccountId: Number(r.from_id),
            toAccountId: Number(r.to_id),
          } satisfies TGenerateReportsJob,
          retryLimit: 3,
          retryDelay: 5,
          expireInSeconds: 15 * 60,
        })),
      );
    }
  }
  return { runId, total, joined };
}
