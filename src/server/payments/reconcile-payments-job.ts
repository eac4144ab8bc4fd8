import 'server-only';
import { z } from 'zod';
import { defineJobQueue } from '../jobs/define-job-queue';
import { sendJob } from '../jobs/send-job';
import { paymentMode } from './payment-settings';
import { reconcilePayments } from './reconcile-payments';

export const RECONCILE_PAYMENTS_QUEUE = 'payments-reconcile';

const ZJobSchema = z.object({ startedByUserId: z.string().nullish() });

/** A staff member's "reconcile now": one run at a time (a second click joins the queued one). */
export async function sendReconcilePaymentsJob(startedByUserId: string | null): Promise<void> {
  await sendJob(
    RECONCILE_PAYMENTS_QUEUE,
    { startedByUserId },
    { singletonKey: 'payments-reconcile', retryLimit: 2, retryDelay: 30 },
  );
}

/** Every 15 minutes, and on demand from /staff/payments. */
export const reconcilePaymentsQueue = defineJobQueue({
  name: RECONCILE_PAYMENTS_QUEUE,
  batchSize: 1,
  pollingIntervalSeconds: 2,
  cron: '*/15 * * * *',
  async handle(jobs) {
    if (paymentMode() === 'off') return;
    for (const job of jobs) {
      const parsed = ZJobSchema.safeParse(job.data ?? {});
      await reconcilePayments({
        startedByUserId: parsed.success ? (parsed.data.startedByUserId ?? null) : null,
      });
    }
  },
});
