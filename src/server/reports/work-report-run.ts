import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '../db';
import { reportRuns } from '../db/schema';
import { ensureQueue, getBoss } from '../jobs/get-boss';
import { GENERATE_REPORTS_QUEUE, generateReportsQueue } from './generate-reports-job';

/**
 * Works the report queue in this process until the run completes (the command line and the
 * benchmark), calling `onProgress` about once a second. Other queues are left to their workers.
 */
export async function workReportRun(input: {
  runId: number;
  onProgress?: (progress: { done: number; failed: number; total: number }) => void;
}): Promise<{ done: number; failed: number; total: number }> {
  const boss = await getBoss();
  await ensureQueue(boss, GENERATE_REPORTS_QUEUE);
  // Two fetch loops: while one reads its next batches from the database, the other's PDFs keep
  // the render processes busy, so they never wait between batches.
  const workerIds = await Promise.all(
    [1, 2].map(() =>
      boss.work(
        GENERATE_REPORTS_QUEUE,
        {
          batchSize: 2,
          pollingIntervalSeconds: generateReportsQueue.pollingIntervalSeconds ?? 0.5,
        },
        (jobs) => generateReportsQueue.handle(jobs),
      ),
    ),
  );
  const db = await getDb();
  try {
    for (;;) {
      const [run] = await db
        .select({
          done: reportRuns.done,
          failed: reportRuns.failed,
          total: reportRuns.total,
          status: reportRuns.status,
        })
        .from(reportRuns)
        .where(eq(reportRuns.id, input.runId));
      if (!run) throw new Error(`report run ${input.runId} not found`);
      input.onProgress?.(run);
      if (run.status === 'completed') return run;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  } finally {
    await Promise.all(workerIds.map((id) => boss.offWork({ id })));
  }
}
