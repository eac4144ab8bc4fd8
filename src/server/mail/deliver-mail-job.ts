import 'server-only';
import { z } from 'zod';
import { defineJobQueue } from '../jobs/define-job-queue';
import { sendJob } from '../jobs/send-job';
import { deliverMail, type TDeliveryReport } from './deliver-mail';

export const DELIVER_MAIL_QUEUE = 'mail-deliver';
export const SWEEP_MAIL_QUEUE = 'mail-sweep';

const ZDeliverMailJobSchema = z.object({
  ids: z.array(z.number().int().positive()).max(1000),
});

export type TDeliverMailJob = z.infer<typeof ZDeliverMailJobSchema>;

/** Sends the nudge that makes the worker deliver these outbox rows now (or at `startAfter`). */
export async function sendDeliverMailJob(
  ids: readonly number[],
  startAfterSeconds?: number,
): Promise<void> {
  if (ids.length === 0) return;
  const data: TDeliverMailJob = { ids: [...ids] };
  await sendJob(DELIVER_MAIL_QUEUE, data, {
    retryLimit: 3,
    retryDelay: 5,
    retryBackoff: true,
    expireInSeconds: 15 * 60,
    ...(startAfterSeconds ? { startAfter: startAfterSeconds } : {}),
  });
}

/** Failed-but-retrying messages get one nudge for when the earliest of them is due again. */
async function scheduleRetries(report: TDeliveryReport): Promise<void> {
  if (report.retrying.length === 0) return;
  const startAfter = Math.min(...report.retrying.map((r) => r.retryInSeconds));
  await sendDeliverMailJob(
    report.retrying.map((r) => r.id),
    startAfter,
  );
}

/** Delivers the outbox rows named by nudges (a batch of jobs is one pass). */
export const deliverMailQueue = defineJobQueue({
  name: DELIVER_MAIL_QUEUE,
  batchSize: 20,
  // Someone is waiting for a sign-in link: poll often.
  pollingIntervalSeconds: 0.5,
  async handle(jobs) {
    const ids = new Set<number>();
    for (const job of jobs) {
      const parsed = ZDeliverMailJobSchema.safeParse(job.data);
      if (parsed.success) parsed.data.ids.forEach((id) => ids.add(id));
      else console.warn(`[mail] ignoring malformed ${DELIVER_MAIL_QUEUE} job ${job.id}`);
    }
    if (ids.size === 0) return;
    const report = await deliverMail({ ids: [...ids], limit: ids.size });
    await scheduleRetries(report);
  },
});

/**
 * Every minute: delivers queued rows whose nudge was lost (a crash between commit and
 * notifyMailQueued, a retry job that expired). Fresh rows are left to their own nudge.
 */
export const sweepMailQueue = defineJobQueue({
  name: SWEEP_MAIL_QUEUE,
  batchSize: 1,
  cron: '* * * * *',
  async handle() {
    const limit = 100;
    for (let pass = 0; pass < 10; pass++) {
      const report = await deliverMail({ olderThanSeconds: 30, limit });
      await scheduleRetries(report);
      const handled =
        report.sent.length + report.held.length + report.failed.length + report.retrying.length;
      if (handled < limit) break;
    }
  },
});
