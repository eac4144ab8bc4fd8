import 'server-only';
import { z } from 'zod';
import { defineJobQueue } from '../jobs/define-job-queue';
import { sendJob } from '../jobs/send-job';
import { notifyBillsIssued, runsToNotify } from './notify-bills-issued';

export const BILLS_NOTIFY_QUEUE = 'bills-notify';

const ZBillsNotifyJobSchema = z.object({ runId: z.number().int().positive() });

/**
 * Asks the worker to tell residents of the bills a run just issued (or of a bill released from
 * an exception). Called after the bills committed; never throws: if the nudge is lost, the
 * queue's cron sweep finds every completed run not yet marked notified.
 */
export async function sendBillsNotifyJob(runId: number): Promise<void> {
  try {
    await sendJob(
      BILLS_NOTIFY_QUEUE,
      { runId },
      { singletonKey: `bills-notify-${runId}`, retryLimit: 5, retryDelay: 30, retryBackoff: true },
    );
  } catch (error) {
    console.error(
      `[billing] could not queue bills-notify for run ${runId}; the sweep will:`,
      error,
    );
  }
}

/**
 * Works "your bill is ready" messages. A job names its run; the cron tick (empty data) sweeps
 * completed runs not yet notified. notifyBillsIssued is idempotent, so a run named twice is
 * harmless.
 */
export const billsNotifyQueue = defineJobQueue({
  name: BILLS_NOTIFY_QUEUE,
  batchSize: 5,
  pollingIntervalSeconds: 1,
  cron: '*/5 * * * *',
  async handle(jobs) {
    const runIds = new Set<number>();
    for (const job of jobs) {
      const parsed = ZBillsNotifyJobSchema.safeParse(job.data);
      if (parsed.success) runIds.add(parsed.data.runId);
      else for (const id of await runsToNotify()) runIds.add(id);
    }
    for (const runId of [...runIds].sort((a, b) => a - b)) {
      const { notified } = await notifyBillsIssued(runId);
      if (notified > 0)
        console.log(`[billing] run ${runId}: told ${notified} residents of their bill`);
    }
  },
});
