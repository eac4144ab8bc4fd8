import 'server-only';
import { z } from 'zod';
import { defineJobQueue } from '../jobs/define-job-queue';
import { sendJob } from '../jobs/send-job';
import { sendBillsNotifyJob } from './bills-notify-job';
import { executeBillingRun } from './execute-billing-run';

export const BILLING_RUN_QUEUE = 'billing-run';

const ZBillingRunJobSchema = z.object({ runId: z.number().int().positive() });

/**
 * Queues the work of a run. One job per run at a time (singletonKey): starting a run twice
 * joins the job already queued. A retry after a crash resumes where the run stopped.
 */
export async function sendBillingRunJob(runId: number): Promise<void> {
  await sendJob(
    BILLING_RUN_QUEUE,
    { runId },
    {
      singletonKey: `billing-run-${runId}`,
      retryLimit: 5,
      retryDelay: 10,
      retryBackoff: true,
      // A city-sized run takes about a minute; a stuck worker's job is taken over after this.
      expireInSeconds: 30 * 60,
    },
  );
}

/**
 * Works billing runs, one at a time per worker (each run already keeps both cores busy). A
 * completed run then tells its residents their bills are ready (bills-notify).
 */
export const billingRunQueue = defineJobQueue({
  name: BILLING_RUN_QUEUE,
  batchSize: 1,
  pollingIntervalSeconds: 1,
  async handle(jobs) {
    for (const job of jobs) {
      const parsed = ZBillingRunJobSchema.safeParse(job.data);
      if (!parsed.success) {
        console.warn(`[billing] ignoring malformed ${BILLING_RUN_QUEUE} job ${job.id}`);
        continue;
      }
      const result = await executeBillingRun(parsed.data.runId);
      if (result.ok && result.status === 'completed') await sendBillsNotifyJob(parsed.data.runId);
    }
  },
});
