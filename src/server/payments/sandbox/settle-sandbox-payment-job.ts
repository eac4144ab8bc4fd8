import 'server-only';
import { z } from 'zod';
import { defineJobQueue } from '../../jobs/define-job-queue';
import { sendJob } from '../../jobs/send-job';
import { settleSandboxPayment } from './checkout-flow';

export const SANDBOX_SETTLE_QUEUE = 'stripe-sandbox-settle';

/** A delayed wallet payment's money arrives this many seconds after the payer authorised it. */
const SETTLE_AFTER_SECONDS = 5;

const ZJobSchema = z.object({ sessionId: z.string().startsWith('cs_') });

export async function sendSandboxSettlement(sessionId: string): Promise<void> {
  await sendJob(
    SANDBOX_SETTLE_QUEUE,
    { sessionId },
    { startAfter: SETTLE_AFTER_SECONDS, retryLimit: 3 },
  );
}

export const sandboxSettleQueue = defineJobQueue({
  name: SANDBOX_SETTLE_QUEUE,
  batchSize: 5,
  pollingIntervalSeconds: 1,
  async handle(jobs) {
    for (const job of jobs) {
      const parsed = ZJobSchema.safeParse(job.data);
      if (parsed.success) await settleSandboxPayment(parsed.data.sessionId);
    }
  },
});
