import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '../db';
import { notices } from '../db/schema';
import { defineJobQueue } from '../jobs/define-job-queue';
import { sendJob } from '../jobs/send-job';
import { notifyNoticeRecipients } from './notify-notice-recipients';

export const NOTICE_NOTIFY_QUEUE = 'notice-notify';

const ZNoticeNotifyJobSchema = z.object({ noticeId: z.number().int().positive() });

/**
 * Asks the worker to tell the residents of a just-published notice. Called after the publish
 * committed; never throws: if the nudge is lost, the queue's cron sweep finds every published
 * notice not yet marked notified within five minutes.
 */
export async function sendNoticeNotifyJob(noticeId: number): Promise<void> {
  try {
    await sendJob(
      NOTICE_NOTIFY_QUEUE,
      { noticeId },
      {
        singletonKey: `notice-notify-${noticeId}`,
        retryLimit: 5,
        retryDelay: 30,
        retryBackoff: true,
      },
    );
  } catch (error) {
    console.error(`[notices] could not queue notice ${noticeId}; the sweep will notify:`, error);
  }
}

/** Published notices the notify job has not finished (lost nudge, crash mid-way). */
async function unfinishedNoticeIds(): Promise<number[]> {
  const db = await getDb();
  const rows = await db
    .select({ id: notices.id })
    .from(notices)
    .where(and(eq(notices.status, 'published'), isNull(notices.notifiedAt)))
    .orderBy(notices.id)
    .limit(100);
  return rows.map((r) => r.id);
}

/**
 * Works notice notifications. A job names its notice; the cron tick (empty data) sweeps every
 * published notice not yet notified. Both paths are idempotent (notifyNoticeRecipients).
 */
export const noticeNotifyQueue = defineJobQueue({
  name: NOTICE_NOTIFY_QUEUE,
  batchSize: 5,
  pollingIntervalSeconds: 1,
  cron: '*/5 * * * *',
  async handle(jobs) {
    const ids = new Set<number>();
    for (const job of jobs) {
      const parsed = ZNoticeNotifyJobSchema.safeParse(job.data);
      if (parsed.success) ids.add(parsed.data.noticeId);
      else for (const id of await unfinishedNoticeIds()) ids.add(id);
    }
    for (const id of ids) {
      const report = await notifyNoticeRecipients(id);
      if (report.notified > 0)
        console.log(`[notices] notice ${id}: told ${report.notified} residents`);
    }
  },
});
