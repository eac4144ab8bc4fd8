import 'server-only';
import { z } from 'zod';
import { defineJobQueue } from '../jobs/define-job-queue';
import { sendJob } from '../jobs/send-job';
import { notifyReportsReady, reportRunsToNotify } from './notify-reports-ready';

export const REPORTS_NOTIFY_QUEUE = 'reports-notify';

const ZReportsNotifyJobSchema = z.object({ runId: z.number().int().positive() });

/**
 * Asks the worker to tell residents that a completed run's reports are ready. Called after the
 * last batch committed; never throws: if the nudge is lost, the queue's cron sweep finds every
 * completed run not yet marked notified.
 */
export async function sendReportsNotifyJob(runId: number): Promise<void> {
  try {
    await sendJob(
      REPORTS_NOTIFY_QUEUE,
      { runId },
      {
        singletonKey: `reports-notify-${runId}`,
        retryLimit: 5,
        retryDelay: 30,
        retryBackoff: true,
      },
    );
  } catch (error) {
    console.error(
      `[reports] could not queue reports-notify for run ${runId}; the sweep will:`,
      error,
    );
  }
}

/**
 * Works "your annual report is ready" messages. A job names its run; the cron tick (empty data)
 * sweeps completed runs not yet notified. notifyReportsReady is idempotent, so a run named twice
 * is harmless.
 */
export const reportsNotifyQueue = defineJobQueue({
  name: REPORTS_NOTIFY_QUEUE,
  batchSize: 5,
  pollingIntervalSeconds: 1,
  cron: '*/5 * * * *',
  async handle(jobs) {
    const runIds = new Set<number>();
    for (const job of jobs) {
      const parsed = ZReportsNotifyJobSchema.safeParse(job.data);
      if (parsed.success) runIds.add(parsed.data.runId);
      else for (const id of await reportRunsToNotify()) runIds.add(id);
    }
    for (const runId of [...runIds].sort((a, b) => a - b)) {
      const { notified } = await notifyReportsReady(runId);
      if (notified > 0)
        console.log(`[reports] run ${runId}: told ${notified} residents of their annual report`);
    }
  },
});
