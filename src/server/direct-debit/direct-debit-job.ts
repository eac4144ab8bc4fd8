import 'server-only';
import { z } from 'zod';
import { defineJobQueue } from '../jobs/define-job-queue';
import { sendJob } from '../jobs/send-job';
import { runCollectionDay } from './run-collection-day';

export const DIRECT_DEBIT_QUEUE = 'direct-debit-day';

const ZJobSchema = z.object({
  day: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
});

/** Queues a collection day now (staff "run now"); one at a time per day. */
export async function sendCollectionDayJob(day?: string): Promise<string | null> {
  return sendJob(DIRECT_DEBIT_QUEUE, day ? { day } : {}, {
    singletonKey: `direct-debit-${day ?? 'today'}`,
    retryLimit: 3,
    retryDelay: 60,
    expireInSeconds: 60 * 60,
  });
}

/**
 * The daily direct-debit run: every morning at 06:30 Shanghai time (before the banks' first
 * submission window), plan, notify and collect. Any number of workers may run it; collections
 * are claimed with row locks.
 */
export const directDebitQueue = defineJobQueue({
  name: DIRECT_DEBIT_QUEUE,
  batchSize: 1,
  pollingIntervalSeconds: 1,
  cron: '30 6 * * *',
  async handle(jobs) {
    for (const job of jobs) {
      const parsed = ZJobSchema.safeParse(job.data ?? {});
      if (!parsed.success) {
        console.warn(`[direct-debit] ignoring malformed ${DIRECT_DEBIT_QUEUE} job ${job.id}`);
        continue;
      }
      const report = await runCollectionDay({ day: parsed.data.day });
      console.info(`[direct-debit] collection day ${report.day}:`, JSON.stringify(report));
    }
  },
});
